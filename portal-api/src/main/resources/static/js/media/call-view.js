// The call inside a room page (#call): your own preview, one tile per participant (video, name, mute flags; the
// sound through one <audio> per participant), the controls, the call state, the connection quality and alerts.
// Element ids are a contract for the browser tests (docs/web-portal.md).
import { el } from '../ui.js';
import { MediaCall } from './call.js';
import { closedMessage, failedMessage, mediaErrorMessage, qualityLabel, reconnectingMessage } from './messages.js';

const STATES = ['connecting', 'connected', 'reconnecting', 'failed', 'closed'];

function initials(name) {
  const parts = String(name ?? '').trim().split(/\s+/).filter(Boolean);
  return (parts.slice(0, 2).map((p) => p[0]).join('') || '?').toUpperCase();
}

/** Plays `track` in a media element, leaving it alone when it already plays that track. */
function attach(media, track, onBlocked) {
  const id = track?.id ?? '';
  if (media.dataset.trackId === id) return;
  media.dataset.trackId = id;
  media.srcObject = track ? new MediaStream([track]) : null;
  if (track) media.play().catch((error) => { if (error?.name === 'NotAllowedError') onBlocked?.(); });
}

/** A moderator's buttons on another participant's tile; `moderate(action, fields)` sends the action. */
function moderatorButtons(participantId, moderate) {
  const mute = el('button', { type: 'button', class: 'call-mod-mute', dataset: { participantId } }, 'Mute');
  const remove = el('button', { type: 'button', class: 'call-mod-remove danger', dataset: { participantId } }, 'Remove');
  mute.addEventListener('click', () => moderate('mute', { participantId, kind: 'audio' }));
  remove.addEventListener('click', () => {
    if (globalThis.confirm?.('Remove this participant from the meeting? They cannot come back unless you let them.') ?? true) {
      moderate('remove', { participantId });
    }
  });
  return el('div', { class: 'actions call-mod', role: 'group', 'aria-label': 'Moderator controls', hidden: true },
    mute, remove);
}

function createTile(participantId, onBlocked, moderate) {
  const video = el('video', { class: 'call-video', autoplay: true, playsinline: true });
  video.muted = true; // the sound plays through the <audio>
  const audio = el('audio', { class: 'call-audio', autoplay: true });
  const avatar = el('div', { class: 'call-avatar', 'aria-hidden': 'true' });
  const name = el('span', { class: 'call-who' });
  const micOff = el('span', { class: 'call-flag call-flag-audio', hidden: true }, 'Mic off');
  const camOff = el('span', { class: 'call-flag call-flag-video', hidden: true }, 'Camera off');
  const speaking = el('span', { class: 'visually-hidden call-speaking-text', hidden: true }, ' (speaking)');
  const extra = el('div', { class: 'call-extra' });
  const mod = moderatorButtons(participantId, moderate);
  const node = el('li', { class: 'call-tile', dataset: { participantId } },
    el('div', { class: 'call-frame' }, video, avatar), extra, audio,
    el('div', { class: 'call-name' }, name, speaking, micOff, camOff), mod);

  function update(p) {
    name.textContent = p.displayName || 'Participant';
    avatar.textContent = initials(p.displayName);
    attach(video, p.videoTrack, null);
    attach(audio, p.audioTrack, onBlocked);
    const extras = p.videoTracks.slice(1);
    while (extra.children.length > extras.length) extra.lastElementChild.remove();
    extras.forEach((track, i) => {
      let screen = extra.children[i];
      if (!screen) {
        screen = el('video', { class: 'call-screen', autoplay: true, playsinline: true, 'aria-label': `Shared by ${name.textContent}` });
        screen.muted = true;
        extra.append(screen);
      }
      attach(screen, track, null);
    });
    micOff.hidden = !p.muted.audio;
    camOff.hidden = !p.muted.video;
    const showsVideo = Boolean(p.videoTrack) && !p.muted.video;
    node.dataset.hasVideo = String(Boolean(p.videoTrack));
    node.dataset.hasAudio = String(Boolean(p.audioTrack));
    node.dataset.audioMuted = String(Boolean(p.muted.audio));
    node.dataset.videoMuted = String(Boolean(p.muted.video));
    node.classList.toggle('no-video', !showsVideo);
  }

  function setSpeaking(on) {
    node.classList.toggle('speaking', on);
    node.dataset.speaking = String(on);
    speaking.hidden = !on;
  }

  function release() {
    for (const media of node.querySelectorAll('video, audio')) media.srcObject = null;
  }

  function setModerator(on) {
    mod.hidden = !on;
  }

  return { node, audio, update, setSpeaking, setModerator, release };
}

/**
 * Renders a call into `host` and starts it.
 *
 * @param roomId   the room
 * @param join     async () => REST join answer (the first call may hand back the answer already in hand)
 * @param onLeave  called after the Leave button has ended the call (the page then leaves the room over REST)
 * @param options  MediaCall options, e.g. {video: {width: 320, height: 180}}; window.metrohubCallOptions
 *                 (set by a test before joining) is merged over them
 * @returns {call, dispose}: dispose() leaves the call and removes it from the page
 */
export function mountCall(host, { roomId, join, onLeave, options = {} }) {
  const call = new MediaCall({ roomId, join, ...options, ...(globalThis.metrohubCallOptions ?? {}) });

  const state = el('span', { id: 'call-state', dataset: { state: 'connecting' } }, 'connecting');
  const quality = el('span', { id: 'call-quality', class: 'badge call-quality', dataset: { quality: 'unknown' } },
    qualityLabel('unknown'));
  const message = el('div', { id: 'call-message', class: 'call-message', role: 'alert', hidden: true });
  const localVideo = el('video', { id: 'call-local-video', class: 'call-local-video', autoplay: true, playsinline: true,
    'aria-label': 'Your camera' });
  localVideo.muted = true;
  const self = el('figure', { class: 'call-self no-video' },
    el('div', { class: 'call-frame' }, localVideo, el('div', { class: 'call-avatar', 'aria-hidden': 'true' }, 'You')),
    el('figcaption', {}, 'You'));
  const tiles = el('ul', { id: 'call-tiles', class: 'call-tiles', 'aria-label': 'Participants in the call' });
  const empty = el('p', { id: 'call-empty', class: 'muted call-empty' }, 'Nobody else is in the call yet.');
  const muteAudio = el('button', { id: 'call-mute-audio', type: 'button', 'aria-pressed': 'false', disabled: true },
    'Mute microphone');
  const muteVideo = el('button', { id: 'call-mute-video', type: 'button', 'aria-pressed': 'false', disabled: true },
    'Turn camera off');
  const share = el('button', { id: 'call-share-screen', type: 'button', 'aria-pressed': 'false',
    disabled: !call.canShareScreen }, 'Share screen');
  const raiseHand = el('button', { id: 'call-raise-hand', type: 'button', 'aria-pressed': 'false', disabled: true },
    'Raise hand');
  const leave = el('button', { id: 'call-leave', type: 'button', class: 'danger' }, 'Leave call');
  const hands = el('ol', { id: 'call-hands', class: 'call-hands', 'aria-label': 'Raised hands, oldest first' });
  const handsPanel = el('section', { class: 'call-hands-panel', 'aria-label': 'Raised hands', hidden: true },
    el('h3', {}, 'Raised hands'), hands);
  const muteAll = el('button', { id: 'call-mute-all', type: 'button' }, 'Mute everyone');
  const allowUnmute = el('button', { id: 'call-allow-unmute', type: 'button' }, 'Allow unmuting');
  const lock = el('button', { id: 'call-lock', type: 'button', 'aria-pressed': 'false' }, 'Lock meeting');
  const endAll = el('button', { id: 'call-end-all', type: 'button', class: 'danger' }, 'End meeting for all');
  const moderation = el('div', { id: 'call-moderation', class: 'actions call-moderation', role: 'group',
    'aria-label': 'Moderator controls', hidden: true }, muteAll, allowUnmute, lock, endAll);
  const container = el('section', { id: 'call', class: 'call', 'aria-label': 'Audio and video call' },
    el('div', { class: 'call-head' }, el('p', { class: 'call-status' }, 'Call: ', state), quality),
    message,
    el('div', { class: 'call-stage' }, self, el('div', { class: 'call-others' }, tiles, empty)),
    el('div', { class: 'actions call-controls', role: 'group', 'aria-label': 'Call controls' },
      muteAudio, muteVideo, share, raiseHand, leave),
    moderation, handsPanel);
  host.replaceChildren(container);

  // Alerts: what is wrong with your own media stays; the connection's news replaces the last one.
  const notices = { media: null, connection: null, sound: null };
  function renderNotices() {
    const items = [];
    if (notices.media) items.push(el('p', { class: 'call-notice', dataset: { notice: 'media' } }, notices.media));
    if (notices.connection) {
      items.push(el('p', { class: `call-notice ${notices.connection.tone}`, dataset: { notice: notices.connection.kind } },
        notices.connection.text));
    }
    if (notices.sound) {
      items.push(el('p', { class: 'call-notice', dataset: { notice: 'sound' } },
        'The browser blocked the sound. ',
        el('button', { type: 'button', onclick: playSound }, 'Play sound')));
    }
    message.replaceChildren(...items);
    message.hidden = items.length === 0;
    message.dataset.tone = notices.connection?.tone ?? (notices.media ? 'warn' : '');
  }
  function setConnectionNotice(kind, text, tone) {
    notices.connection = text ? { kind, text, tone } : null;
    renderNotices();
  }
  function playSound() {
    notices.sound = null;
    renderNotices();
    for (const tile of byId.values()) tile.audio.play().catch(() => {});
  }
  function soundBlocked() {
    if (notices.sound) return;
    notices.sound = true;
    renderNotices();
  }

  const byId = new Map();
  function renderTiles(participants) {
    const seen = new Set();
    for (const p of participants) {
      seen.add(p.participantId);
      let tile = byId.get(p.participantId);
      if (!tile) {
        tile = createTile(p.participantId, soundBlocked, moderate);
        tile.setModerator(call.isModerator);
        byId.set(p.participantId, tile);
        tiles.append(tile.node);
      }
      tile.update(p);
      tile.setSpeaking(p.participantId === call.speaker);
    }
    for (const [id, tile] of byId) {
      if (!seen.has(id)) {
        tile.release();
        tile.node.remove();
        byId.delete(id);
      }
    }
    empty.hidden = byId.size > 0;
  }

  function moderate(action, fields) {
    call.moderate(action, fields);
  }

  function renderHands() {
    raiseHand.disabled = call.state === 'failed' || call.state === 'closed' || call.role == null;
    raiseHand.setAttribute('aria-pressed', String(call.handRaised));
    raiseHand.textContent = call.handRaised ? 'Lower hand' : 'Raise hand';
    handsPanel.hidden = !call.isModerator;
    hands.replaceChildren(...call.hands.map((h) => {
      const lower = el('button', { type: 'button', class: 'call-hands-lower', dataset: { participantId: h.participantId } },
        'Lower');
      lower.addEventListener('click', () => moderate('lower-hand', { participantId: h.participantId }));
      return el('li', { dataset: { participantId: h.participantId } }, el('span', {}, h.displayName || 'Someone'), ' ',
        lower);
    }));
  }

  function renderModeration() {
    renderHands();
    moderation.hidden = !call.isModerator;
    lock.setAttribute('aria-pressed', String(call.locked));
    lock.textContent = call.locked ? 'Unlock meeting' : 'Lock meeting';
    for (const tile of byId.values()) tile.setModerator(call.isModerator);
  }

  function renderControls() {
    const over = call.state === 'failed' || call.state === 'closed';
    muteAudio.disabled = over || !call.hasAudio;
    muteVideo.disabled = over || !call.hasVideo;
    share.disabled = over || !call.canShareScreen;
    muteAudio.setAttribute('aria-pressed', String(call.audioMuted));
    muteVideo.setAttribute('aria-pressed', String(call.videoMuted));
    share.setAttribute('aria-pressed', String(call.sharingScreen));
    self.classList.toggle('no-video', !call.hasVideo || call.videoMuted);
  }

  const on = (type, fn) => call.addEventListener(type, (event) => fn(event.detail));
  on('state', ({ state: next }) => {
    const shown = STATES.includes(next) ? next : 'connecting';
    state.textContent = shown;
    state.dataset.state = shown;
    container.dataset.state = shown;
    if (next === 'connected') setConnectionNotice(null, null);
    renderControls();
    renderHands();
  });
  on('local-media', ({ stream }) => {
    localVideo.srcObject = stream;
    localVideo.play().catch(() => {});
    renderControls();
  });
  on('media-error', (detail) => {
    notices.media = mediaErrorMessage(detail);
    renderNotices();
    renderControls();
  });
  on('tracks', ({ participants }) => renderTiles(participants));
  on('speaker', ({ participantId }) => {
    for (const [id, tile] of byId) tile.setSpeaking(id === participantId);
  });
  on('quality', ({ level }) => {
    quality.textContent = qualityLabel(level);
    quality.dataset.quality = level;
  });
  on('reconnecting', (detail) => setConnectionNotice('reconnecting', reconnectingMessage(detail), 'warn'));
  on('failed', (detail) => setConnectionNotice('failed', failedMessage(detail), 'error'));
  on('closed', (detail) => setConnectionNotice('closed', closedMessage(detail), 'info'));
  on('local-muted', renderControls);
  on('joined', renderModeration);
  on('room-locked', ({ locked }) => {
    renderModeration();
    setConnectionNotice('room-locked', locked ? 'The meeting is locked: nobody new can join.'
      : 'The meeting is unlocked.', 'info');
  });
  const kindName = (kind) => (kind === 'video' ? 'camera' : 'microphone');
  on('force-muted', ({ kind, hold }) => setConnectionNotice('force-muted', `A moderator turned your ${kindName(kind)} off.`
    + (hold ? ' You can turn it on again when they allow it.' : ''), 'warn'));
  on('mute-held', ({ kind }) => setConnectionNotice('force-muted',
    `A moderator keeps your ${kindName(kind)} off; wait until they allow it.`, 'warn'));
  on('mute-released', ({ kind }) => setConnectionNotice('mute-released',
    `A moderator allows you to turn your ${kindName(kind)} on again.`, 'info'));
  on('screen-share', renderControls);
  on('hands', renderHands);
  on('error', ({ code, message: text }) => {
    if (code?.startsWith('screen-share')) setConnectionNotice('screen-share', text, 'warn');
    if (code === 'forbidden' || code === 'no-participant') setConnectionNotice('moderation', text, 'warn');
  });

  muteAll.addEventListener('click', () => moderate('mute-all', { kind: 'audio', hold: true }));
  allowUnmute.addEventListener('click', () => moderate('release', { kind: 'audio' }));
  lock.addEventListener('click', () => moderate(call.locked ? 'unlock' : 'lock'));
  endAll.addEventListener('click', () => {
    if (globalThis.confirm?.('End the meeting for everyone? The room is closed.') ?? true) moderate('end');
  });
  raiseHand.addEventListener('click', () => call.raiseHand(!call.handRaised));
  muteAudio.addEventListener('click', () => call.setAudioMuted(!call.audioMuted));
  muteVideo.addEventListener('click', () => call.setVideoMuted(!call.videoMuted));
  share.addEventListener('click', async () => {
    if (call.sharingScreen) {
      call.stopScreenShare();
      return;
    }
    share.disabled = true;
    try {
      await call.startScreenShare();
    } finally {
      renderControls();
    }
  });

  let disposed = false;
  function dispose() {
    if (disposed) return;
    disposed = true;
    call.leave();
    for (const tile of byId.values()) tile.release();
    localVideo.srcObject = null;
    host.replaceChildren();
  }
  leave.addEventListener('click', () => {
    dispose();
    onLeave?.();
  });

  call.start().catch((error) => {
    console.warn('the call could not start', error);
    setConnectionNotice('failed', failedMessage({}), 'error');
  });
  return { call, dispose };
}

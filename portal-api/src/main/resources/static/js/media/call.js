// One participant's audio/video call in a room: local camera and microphone, ONE RTCPeerConnection to the media
// node, and the signalling WebSocket of docs/media-signalling.md. No DOM: methods in, events out (CustomEvent,
// payload in `detail`). The browser always offers; offer/answer rounds never overlap (NegotiationQueue).
//
//   start() ─ getUserMedia ─ join() (REST) ─ WebSocket ─ join ─► joined ─► offer ─► answer ─► 'tracks'
//                                   ▲                                   renegotiate ─► offer …
//                                   └── reconnecting (1 s, 2 s, 4 s … 15 s; 5 attempts) ◄── socket lost / ICE failed
import { NegotiationQueue } from './negotiation-queue.js';
import { applyAnswerMuted, applyMuted, participantsModel } from './participants.js';
import {
  countReceiveSections, initialReceiveSections, isFatalError, isFatalJoinError, MAX_RECONNECT_ATTEMPTS,
  receiveSectionsToAdd, reconnectDelay, signallingAddress,
} from './policy.js';
import { classifyQuality, qualitySample, summarizeStats } from './stats.js';

/** Camera simulcast: quarter, half and full resolution (rids as the node expects them). */
export const SIMULCAST_ENCODINGS = Object.freeze([
  Object.freeze({ rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150_000 }),
  Object.freeze({ rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 500_000 }),
  Object.freeze({ rid: 'f', maxBitrate: 1_500_000 }),
]);

export const DEFAULT_VIDEO = Object.freeze({ width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } });

const DEFAULT_TIMING = Object.freeze({
  joinTimeoutMs: 15_000, // socket opened and `joined` received
  answerTimeoutMs: 15_000,
  statsIntervalMs: 2_000,
  pingIntervalMs: 25_000,
});

const OPEN = 1; // WebSocket.OPEN

/** Why the local camera/microphone is missing: denied, not-found, unavailable (busy/broken) or unsupported. */
function mediaErrorReason(name) {
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'not-found';
  if (name === 'NotSupportedError' || name === 'TypeError') return 'unsupported';
  return 'unavailable';
}

export class MediaCall extends EventTarget {
  #roomId;
  #join;
  #constraints;
  #env;
  #timing;

  #state = 'idle';
  #ended = false;
  #gen = 0;
  #session = null;
  #attempt = 0;
  #reconnectTimer = null;

  #localStream = null;
  #local = { audio: null, video: null, screen: null };
  #screenStream = null;
  #localMuted = { audio: false, video: false };
  #held = { audio: false, video: false };
  #role = null;
  #locked = false;
  #hands = [];

  #participantId = null;
  #displayName = null;
  #roster = new Map();
  #answerTracks = {};
  #remoteMuted = new Map();
  #wanted = null;
  #participants = [];
  #speaker = null;
  #quality = 'unknown';

  /**
   * @param roomId  the room
   * @param join    async () => the REST join answer {roomToken, signallingUrl, …}; called again on every reconnect
   *                (room tokens live two minutes)
   * @param video   getUserMedia video constraints (default 1280×720 at 30 fps, ideal), false for none
   * @param audio   getUserMedia audio constraints (default true), false for none
   * @param env     what the browser provides (WebSocket, RTCPeerConnection, MediaStream, navigator, location,
   *                timers); tests pass fakes
   * @param timing  {joinTimeoutMs, answerTimeoutMs, statsIntervalMs, pingIntervalMs}
   */
  constructor({ roomId, join, video = DEFAULT_VIDEO, audio = true, env = globalThis, timing = {} }) {
    super();
    if (typeof join !== 'function') throw new TypeError('MediaCall needs join(): the REST join');
    this.#roomId = roomId;
    this.#join = join;
    this.#constraints = { audio, video };
    this.#env = env;
    this.#timing = { ...DEFAULT_TIMING, ...timing };
  }

  get roomId() { return this.#roomId; }
  /** idle, connecting, connected, reconnecting, failed, closed */
  get state() { return this.#state; }
  get participantId() { return this.#participantId; }
  get displayName() { return this.#displayName; }
  /** The camera and microphone (null when neither could be had). */
  get localStream() { return this.#localStream; }
  get screenStream() { return this.#screenStream; }
  get hasAudio() { return this.#local.audio != null; }
  get hasVideo() { return this.#local.video != null; }
  get audioMuted() { return this.#localMuted.audio; }
  get videoMuted() { return this.#localMuted.video; }
  /** A moderator muted this kind and holds it: unmuting is refused until they release it. */
  get audioHeld() { return this.#held.audio; }
  get videoHeld() { return this.#held.video; }
  /** MODERATOR or PARTICIPANT, from `joined` (null before). */
  get role() { return this.#role; }
  get isModerator() { return this.#role === 'MODERATOR'; }
  /** Whether a moderator locked the room (newcomers are refused). */
  get locked() { return this.#locked; }
  /** The room's raised hands, oldest first: [{participantId, displayName, raisedAt}] from the last 'hands'. */
  get hands() { return this.#hands; }
  /** Whether this participant's hand is in the queue. */
  get handRaised() { return this.#hands.some((h) => h.participantId === this.#participantId); }
  get sharingScreen() { return this.#local.screen != null; }
  get canShareScreen() { return typeof this.#env.navigator?.mediaDevices?.getDisplayMedia === 'function'; }
  /** The last 'tracks' model. */
  get participants() { return this.#participants; }
  get speaker() { return this.#speaker; }
  get quality() { return this.#quality; }

  /** Gets the camera and microphone, then connects. Resolves once connecting has begun. */
  async start() {
    if (this.#state !== 'idle') return;
    this.#setState('connecting');
    this.#env.metrohubCall = this;
    await this.#acquireLocalMedia();
    if (this.#ended) {
      this.#stopLocalTracks();
      return;
    }
    this.#connect();
  }

  /** Leaves the room: tells the node, closes the peer connection and the socket, stops the camera and microphone. */
  leave() {
    const s = this.#session;
    if (s) this.#send(s, { type: 'leave' });
    const wasEnded = this.#ended;
    this.#finish('closed');
    if (this.#env.metrohubCall === this) delete this.#env.metrohubCall;
    if (!wasEnded) this.#emit('left', {});
  }

  /** False when an unmute was refused because a moderator holds the mute (a 'mute-held' event says so too). */
  setAudioMuted(muted) {
    return this.#setMuted('audio', muted);
  }

  setVideoMuted(muted) {
    return this.#setMuted('video', muted);
  }

  /** Raises or lowers this participant's hand; the node answers with 'hands'. False when not joined. */
  raiseHand(raised) {
    const s = this.#session;
    if (!s?.joined) return false;
    this.#send(s, { type: 'hand', raised: Boolean(raised) });
    return true;
  }

  /**
   * A moderator's action (docs/media-signalling.md, Moderation): 'mute', 'mute-all', 'release', 'remove', 'unban',
   * 'lower-hand', 'lock', 'unlock', 'end', with {participantId, kind, hold} as the action needs. False when not joined; the node
   * answers others with an 'error' event (code forbidden, no-participant).
   */
  moderate(action, { participantId, kind, hold } = {}) {
    const s = this.#session;
    if (!s?.joined) return false;
    const message = { type: 'moderate', action };
    if (participantId) message.participantId = participantId;
    if (kind) message.kind = kind;
    if (hold) message.hold = true;
    this.#send(s, message);
    return true;
  }

  /** Asks the browser for a screen; true when sharing. A refusal in the browser's picker is not an error. */
  async startScreenShare() {
    if (this.#ended || this.#local.screen) return this.sharingScreen;
    const devices = this.#env.navigator?.mediaDevices;
    if (typeof devices?.getDisplayMedia !== 'function') {
      this.#emit('error', { code: 'screen-share-unsupported', message: 'This browser cannot share the screen.' });
      return false;
    }
    let stream;
    try {
      stream = await devices.getDisplayMedia({ video: true, audio: false });
    } catch (error) {
      if (error?.name !== 'NotAllowedError' && error?.name !== 'AbortError') {
        this.#emit('error', { code: 'screen-share-failed', message: `The screen could not be shared (${error?.name ?? error}).` });
      }
      return false;
    }
    const track = stream.getVideoTracks()[0];
    if (!track || this.#ended) {
      for (const t of stream.getTracks()) t.stop();
      return false;
    }
    if ('contentHint' in track) track.contentHint = 'detail';
    track.addEventListener('ended', () => { if (this.#local.screen === track) this.stopScreenShare(); });
    this.#local.screen = track;
    this.#screenStream = stream;
    this.#session?.queue?.request();
    this.#emit('screen-share', { active: true, stream });
    return true;
  }

  /** Stops sharing: the section goes inactive in the next offer. */
  stopScreenShare() {
    const track = this.#local.screen;
    if (!track) return;
    this.#local.screen = null;
    this.#screenStream = null;
    track.stop();
    const s = this.#session;
    if (s?.screenTransceiver) {
      s.screenTransceiver.sender.replaceTrack(null).catch(() => {});
      s.queue.request();
    }
    this.#emit('screen-share', { active: false, stream: null });
  }

  /**
   * A JSON-able summary for tests and diagnostics: {participantId, connectionState, iceState,
   * selectedPair: {local, remote, currentRoundTripTime}, outbound: [{kind, rid, framesEncoded, packetsSent,
   * frameWidth}], remote: [{participantId, kind, mid, packetsReceived, bytesReceived, framesDecoded, frameWidth,
   * frameHeight, totalAudioEnergy, packetsLost}]}.
   */
  async stats() {
    const pc = this.#session?.pc;
    const info = {
      participantId: this.#participantId,
      connectionState: pc?.connectionState ?? (this.#ended ? 'closed' : 'new'),
      iceState: pc?.iceConnectionState ?? (this.#ended ? 'closed' : 'new'),
      tracks: this.#answerTracks,
      midByTrackId: {},
    };
    if (!pc) return summarizeStats([], info);
    for (const t of pc.getTransceivers()) {
      if (t.mid != null && t.receiver?.track) info.midByTrackId[t.receiver.track.id] = t.mid;
    }
    const report = await pc.getStats();
    return summarizeStats(report.values(), info);
  }

  // ------------------------------------------------------------------------------------------ local media

  async #acquireLocalMedia() {
    const devices = this.#env.navigator?.mediaDevices;
    const wanted = ['audio', 'video'].filter((kind) => this.#constraints[kind]);
    if (!wanted.length) return;
    if (typeof devices?.getUserMedia !== 'function') {
      this.#mediaError('NotSupportedError', 'The camera and microphone need a secure (https) page.', wanted);
      return;
    }
    const ask = (kinds) => devices.getUserMedia(Object.fromEntries(kinds.map((k) => [k, this.#constraints[k]])));
    let tracks = [];
    try {
      tracks = (await ask(wanted)).getTracks();
    } catch (error) {
      if (mediaErrorReason(error?.name) !== 'denied' && wanted.length > 1) {
        // one device missing or busy: take what there is
        for (const kind of wanted) {
          try {
            tracks.push(...(await ask([kind])).getTracks());
          } catch {
            // reported below
          }
        }
      }
      const missing = wanted.filter((kind) => !tracks.some((t) => t.kind === kind));
      this.#mediaError(error?.name ?? 'Error', error?.message ?? String(error), missing);
    }
    if (this.#ended) {
      for (const t of tracks) t.stop();
      return;
    }
    this.#local.audio = tracks.find((t) => t.kind === 'audio') ?? null;
    this.#local.video = tracks.find((t) => t.kind === 'video') ?? null;
    if (!tracks.length) return;
    this.#localStream = new this.#env.MediaStream(tracks);
    for (const kind of ['audio', 'video']) {
      if (this.#local[kind]) this.#local[kind].enabled = !this.#localMuted[kind];
    }
    this.#emit('local-media', { stream: this.#localStream, audio: this.hasAudio, video: this.hasVideo });
  }

  #mediaError(name, message, missing) {
    if (!missing.length) return;
    this.#emit('media-error', { name, reason: mediaErrorReason(name), message, missing });
  }

  #setMuted(kind, muted) {
    const value = Boolean(muted);
    if (!value && this.#held[kind]) {
      this.#emit('mute-held', { kind });
      return false;
    }
    this.#localMuted[kind] = value;
    if (this.#local[kind]) this.#local[kind].enabled = !value;
    const s = this.#session;
    if (s?.joined && this.#local[kind]) this.#send(s, { type: 'mute', kind, muted: value });
    this.#emit('local-muted', { audio: this.#localMuted.audio, video: this.#localMuted.video });
    return true;
  }

  /** A moderator muted us: the track goes off (the node forwards none of it anyway). */
  #onForceMute(message) {
    const kind = message.kind;
    if (kind !== 'audio' && kind !== 'video') return;
    this.#held[kind] = Boolean(message.hold);
    this.#localMuted[kind] = true;
    if (this.#local[kind]) this.#local[kind].enabled = false;
    this.#emit('force-muted', { kind, hold: this.#held[kind], by: message.by ?? null });
    this.#emit('local-muted', { audio: this.#localMuted.audio, video: this.#localMuted.video });
  }

  #stopLocalTracks() {
    for (const kind of ['audio', 'video', 'screen']) {
      this.#local[kind]?.stop();
      this.#local[kind] = null;
    }
    this.#screenStream = null;
  }

  // ------------------------------------------------------------------------------------------ connection

  async #connect() {
    const gen = ++this.#gen;
    let ticket;
    try {
      ticket = await this.#join();
    } catch (error) {
      if (gen !== this.#gen || this.#ended) return;
      if (isFatalJoinError(error)) {
        this.#fail('join-refused', error?.message || 'The room refused to let you in.');
      } else {
        this.#reconnect('join-failed');
      }
      return;
    }
    if (gen !== this.#gen || this.#ended) return;
    let url;
    try {
      url = signallingAddress(ticket?.signallingUrl, this.#env.location?.href);
    } catch (error) {
      this.#fail('bad-address', error.message);
      return;
    }
    if (!ticket?.roomToken) {
      this.#fail('bad-ticket', 'The join answer has no room token.');
      return;
    }
    let ws;
    try {
      ws = new this.#env.WebSocket(url);
    } catch (error) {
      this.#fail('bad-address', `Cannot open ${url}: ${error?.message ?? error}`);
      return;
    }
    const s = {
      gen, ws, pc: null, queue: null, joined: false, answered: false, earlyCandidates: [], pendingAnswer: null,
      screenTransceiver: null, timers: new Set(), intervals: new Set(), totals: null, statsBusy: false,
      statsStarted: false,
    };
    this.#session = s;
    this.#later(s, () => { if (!s.joined) this.#reconnect('join-timeout'); }, this.#timing.joinTimeoutMs);
    ws.onopen = () => { if (this.#session === s) this.#send(s, { type: 'join', token: ticket.roomToken }); };
    ws.onmessage = (event) => this.#onMessage(s, event.data);
    ws.onclose = (event) => {
      if (this.#session === s) this.#reconnect(`socket closed (${event?.code ?? '?'})`);
    };
    ws.onerror = () => {}; // a close event follows
  }

  #onMessage(s, text) {
    if (this.#session !== s) return;
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    switch (message?.type) {
      case 'joined': return this.#onJoined(s, message);
      case 'answer': return s.pendingAnswer?.resolve(message);
      case 'renegotiate':
        this.#wanted = { audio: Number(message.audio) || 0, video: Number(message.video) || 0 };
        s.queue?.request();
        return;
      case 'participant-joined':
        if (!message.participantId || message.participantId === this.#participantId) return;
        this.#roster.set(message.participantId, message.displayName ?? '');
        this.#emit('participant-joined', { participantId: message.participantId, displayName: message.displayName ?? '' });
        this.#emitTracks(s);
        return;
      case 'participant-left':
        this.#roster.delete(message.participantId);
        this.#remoteMuted.delete(message.participantId);
        if (this.#speaker === message.participantId) this.#speaker = null;
        this.#emit('participant-left', { participantId: message.participantId });
        this.#emitTracks(s);
        return;
      case 'muted':
        this.#remoteMuted = applyMuted(this.#remoteMuted, message);
        this.#emit('muted', { participantId: message.participantId, kind: message.kind, muted: Boolean(message.muted) });
        this.#emitTracks(s);
        return;
      case 'force-mute': return this.#onForceMute(message);
      case 'mute-released':
        if (message.kind !== 'audio' && message.kind !== 'video') return;
        this.#held[message.kind] = false;
        this.#emit('mute-released', { kind: message.kind, by: message.by ?? null });
        return;
      case 'room-locked':
      case 'room-unlocked':
        this.#locked = message.type === 'room-locked';
        this.#emit('room-locked', { locked: this.#locked, by: message.by ?? null });
        return;
      case 'hands':
        this.#hands = (Array.isArray(message.queue) ? message.queue : []).map((h) => ({
          participantId: String(h?.participantId ?? ''), displayName: String(h?.displayName ?? ''),
          raisedAt: h?.raisedAt ?? null,
        }));
        this.#emit('hands', { queue: this.#hands, raised: this.handRaised });
        return undefined;
      case 'speaker':
        this.#speaker = message.participantId ?? null;
        this.#emit('speaker', { participantId: this.#speaker });
        return;
      case 'connection':
        this.#emit('connection', { state: message.state, detail: message.detail ?? '' });
        if (message.state === 'failed') this.#reconnect('the media node lost the connection');
        return;
      case 'closed':
        this.#emit('closed', { reason: message.reason ?? '' });
        this.#finish('closed');
        return;
      case 'error': return this.#onError(s, message);
      default: // pong and anything newer
    }
  }

  #onJoined(s, message) {
    if (s.joined) return;
    s.joined = true;
    this.#participantId = message.participantId ?? null;
    this.#displayName = message.displayName ?? null;
    this.#role = message.role ?? null;
    this.#locked = Boolean(message.locked);
    this.#roster.delete(this.#participantId);
    this.#emit('joined', { participantId: this.#participantId, displayName: this.#displayName });
    for (const kind of ['audio', 'video']) {
      if (this.#localMuted[kind] && this.#local[kind]) this.#send(s, { type: 'mute', kind, muted: true });
    }
    this.#openPeerConnection(s);
    this.#every(s, () => this.#send(s, { type: 'ping' }), this.#timing.pingIntervalMs);
    s.queue.request();
  }

  #onError(s, message) {
    const code = message.code ?? 'error';
    const text = message.message ?? '';
    if (isFatalError(code)) {
      this.#fail(code, text);
      return;
    }
    if (code === 'bad-offer' && s.pendingAnswer) {
      const error = new Error(text || 'The media node refused the offer.');
      error.code = code;
      s.pendingAnswer.reject(error);
    }
    // not-joined and flood close the socket: the close event reconnects
    this.#emit('error', { code, message: text });
  }

  #openPeerConnection(s) {
    const env = this.#env;
    const pc = new env.RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require', iceServers: [] });
    s.pc = pc;
    const streams = this.#localStream ? [this.#localStream] : [];
    if (this.#local.audio) pc.addTransceiver(this.#local.audio, { direction: 'sendonly', streams });
    if (this.#local.video) {
      pc.addTransceiver(this.#local.video, {
        direction: 'sendonly', streams, sendEncodings: SIMULCAST_ENCODINGS.map((e) => ({ ...e })),
      });
    }
    pc.onicecandidate = (event) => {
      const line = event.candidate?.candidate;
      if (this.#session !== s || !line) return;
      if (s.answered) this.#send(s, { type: 'candidate', candidate: line });
      else s.earlyCandidates.push(line);
    };
    pc.onconnectionstatechange = () => {
      if (this.#session !== s) return;
      if (pc.connectionState === 'connected') {
        this.#attempt = 0;
        this.#setState('connected');
        if (!s.statsStarted) {
          s.statsStarted = true;
          this.#every(s, () => this.#sampleQuality(s), this.#timing.statsIntervalMs);
        }
      } else if (pc.connectionState === 'failed') {
        this.#reconnect('the connection to the media node failed');
      }
    };
    s.queue = new NegotiationQueue(() => this.#negotiate(s), {
      onError: (error) => {
        if (this.#session !== s || error?.code === 'bad-offer') return;
        this.#reconnect(`negotiation failed: ${error?.message ?? error}`);
      },
    });
  }

  /** One offer/answer round: bring the sections in line with what is wanted, offer, apply the answer. */
  async #negotiate(s) {
    if (this.#session !== s) return;
    const pc = s.pc;
    this.#syncScreenSection(s);
    const wanted = this.#wanted ?? initialReceiveSections(this.#roster.size);
    const have = countReceiveSections(pc.getTransceivers().map((t) => ({
      direction: t.direction, kind: t.receiver?.track?.kind,
    })));
    const add = receiveSectionsToAdd(have, wanted);
    for (const kind of ['audio', 'video']) {
      for (let i = 0; i < add[kind]; i++) pc.addTransceiver(kind, { direction: 'recvonly' });
    }
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    if (this.#session !== s) return;
    const answer = this.#awaitAnswer(s);
    this.#send(s, { type: 'offer', sdp: pc.localDescription.sdp });
    let message;
    try {
      message = await answer;
    } catch (error) {
      if (this.#session === s && pc.signalingState === 'have-local-offer') {
        await pc.setLocalDescription({ type: 'rollback' }).catch(() => {});
      }
      throw error;
    }
    if (this.#session !== s) return;
    await pc.setRemoteDescription({ type: 'answer', sdp: message.sdp });
    if (this.#session !== s) return;
    this.#answerTracks = message.tracks && typeof message.tracks === 'object' ? message.tracks : {};
    this.#remoteMuted = applyAnswerMuted(this.#remoteMuted, this.#answerTracks);
    if (!s.answered) {
      s.answered = true;
      for (const line of s.earlyCandidates.splice(0)) this.#send(s, { type: 'candidate', candidate: line });
    }
    this.#emitTracks(s);
  }

  /** The screen section follows the screen track: sending while there is one, inactive (and reused) after. */
  #syncScreenSection(s) {
    const track = this.#local.screen;
    const t = s.screenTransceiver;
    if (track) {
      if (!t) {
        const streams = this.#screenStream ? [this.#screenStream] : [];
        s.screenTransceiver = s.pc.addTransceiver(track, { direction: 'sendonly', streams });
      } else if (t.sender.track !== track || t.direction !== 'sendonly') {
        t.sender.replaceTrack(track).catch(() => {});
        t.direction = 'sendonly';
      }
    } else if (t && t.direction !== 'inactive') {
      if (t.sender.track) t.sender.replaceTrack(null).catch(() => {});
      t.direction = 'inactive';
    }
  }

  #awaitAnswer(s) {
    return new Promise((resolve, reject) => {
      const timer = this.#later(s, () => {
        s.pendingAnswer = null;
        reject(new Error('no answer from the media node'));
      }, this.#timing.answerTimeoutMs);
      const done = () => {
        s.pendingAnswer = null;
        this.#env.clearTimeout(timer);
        s.timers.delete(timer);
      };
      s.pendingAnswer = {
        resolve: (message) => { done(); resolve(message); },
        reject: (error) => { done(); reject(error); },
      };
    });
  }

  async #sampleQuality(s) {
    if (s.statsBusy || this.#session !== s) return;
    s.statsBusy = true;
    try {
      const summary = await this.stats();
      if (this.#session !== s) return;
      const sample = qualitySample(s.totals, summary);
      s.totals = sample.totals;
      this.#quality = classifyQuality(sample);
      this.#emit('quality', { level: this.#quality, rtt: sample.rtt, lossFraction: sample.lossFraction });
    } catch {
      // the connection is going away; the next sample or the reconnect tells
    } finally {
      s.statsBusy = false;
    }
  }

  #emitTracks(s) {
    const transceivers = s?.pc ? s.pc.getTransceivers().map((t) => ({
      mid: t.mid, currentDirection: t.currentDirection, track: t.receiver?.track ?? null,
    })) : [];
    this.#participants = participantsModel({
      roster: this.#roster, answerTracks: this.#answerTracks, transceivers, muted: this.#remoteMuted,
    });
    this.#emit('tracks', { participants: this.#participants });
  }

  // ------------------------------------------------------------------------------------------ lifecycle

  /** Tears the session down and tries again after the backoff, or gives up after MAX_RECONNECT_ATTEMPTS. */
  #reconnect(reason) {
    if (this.#ended || this.#reconnectTimer) return;
    this.#teardown();
    this.#attempt += 1;
    const delayMs = reconnectDelay(this.#attempt);
    if (delayMs == null) {
      this.#fail('unreachable', `The call could not be reconnected after ${MAX_RECONNECT_ATTEMPTS} attempts (${reason}).`);
      return;
    }
    this.#setState('reconnecting');
    this.#emit('reconnecting', { attempt: this.#attempt, maxAttempts: MAX_RECONNECT_ATTEMPTS, delayMs, reason });
    this.#reconnectTimer = this.#env.setTimeout(() => {
      this.#reconnectTimer = null;
      if (!this.#ended) this.#connect();
    }, delayMs);
  }

  #fail(code, message) {
    if (this.#ended) return;
    this.#finish('failed');
    this.#emit('failed', { code, message });
  }

  /** The end: no more reconnects, everything closed, camera and microphone released. */
  #finish(state) {
    const wasEnded = this.#ended;
    this.#ended = true;
    this.#gen += 1;
    if (this.#reconnectTimer) {
      this.#env.clearTimeout(this.#reconnectTimer);
      this.#reconnectTimer = null;
    }
    this.#teardown();
    this.#stopLocalTracks();
    if (!wasEnded) this.#setState(state);
  }

  #teardown() {
    const s = this.#session;
    if (!s) return;
    this.#session = null;
    for (const timer of s.timers) this.#env.clearTimeout(timer);
    for (const interval of s.intervals) this.#env.clearInterval(interval);
    s.pendingAnswer?.reject(new Error('the session ended'));
    s.queue?.close();
    try {
      s.pc?.close();
    } catch {
      // already closed
    }
    try {
      s.ws.close(1000, 'bye');
    } catch {
      // already closed
    }
    this.#roster = new Map();
    this.#answerTracks = {};
    this.#remoteMuted = new Map();
    this.#wanted = null;
    this.#speaker = null;
    this.#quality = 'unknown';
    this.#emitTracks(null);
  }

  #later(s, fn, ms) {
    const timer = this.#env.setTimeout(() => {
      s.timers.delete(timer);
      if (this.#session === s) fn();
    }, ms);
    s.timers.add(timer);
    return timer;
  }

  #every(s, fn, ms) {
    const interval = this.#env.setInterval(() => { if (this.#session === s) fn(); }, ms);
    s.intervals.add(interval);
    return interval;
  }

  #send(s, message) {
    if (s.ws.readyState === OPEN) s.ws.send(JSON.stringify(message));
  }

  #setState(state) {
    if (this.#state === state) return;
    this.#state = state;
    this.#emit('state', { state });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

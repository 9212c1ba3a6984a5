// #/rooms/{id}: one room, its participants, join/leave with the audio/video call, and rename/close for its creator
// or an ADMIN. #/rooms/{id}?join=1 joins as soon as the room has loaded.
import { get, patch, post } from '../api.js';
import { subscribe } from '../events.js';
import { mountCall } from '../media/call-view.js';
import { rememberRoom } from '../room-names.js';
import { canManageRoom, KIND_LABELS } from '../roles.js';
import { el, field, formatDateTime, formatTime, hide, showError, statusBadge } from '../ui.js';

export function roomView(root, { params, query, user, signal }) {
  const id = params.id;
  const path = `/api/rooms/${encodeURIComponent(id)}`;
  let room = null;
  let activeCall = null; // {call, dispose} while the call is on the page
  document.title = 'Room · MetroHub';

  const title = el('h1', { id: 'room-title', tabindex: '-1' }, 'Room');
  const pageError = el('p', { id: 'room-message', class: 'error', role: 'alert', hidden: true });
  const kind = el('dd', { id: 'room-kind' });
  const status = el('dd', { id: 'room-status' });
  const capacity = el('dd', { id: 'room-capacity-value' });
  const created = el('dd', { id: 'room-created' });
  const description = el('p', { id: 'room-description-text', class: 'description' });
  const actionError = el('div', { id: 'action-error', class: 'error', role: 'alert', hidden: true });
  const actionMessage = el('p', { id: 'action-message', class: 'muted', role: 'status' });
  const join = el('button', { id: 'join-room', type: 'button', class: 'primary' }, 'Join');
  const leave = el('button', { id: 'leave-room', type: 'button' }, 'Leave');
  const joinResult = el('section', { id: 'join-result', class: 'card inset', hidden: true, 'aria-labelledby': 'join-result-title' });
  const participants = el('ul', { id: 'participants', class: 'people' });
  const noParticipants = el('p', { id: 'participants-empty', class: 'muted', hidden: true }, 'Nobody has joined yet.');
  const renameInput = el('input', { id: 'rename-input', name: 'name', maxlength: '120', autocomplete: 'off' });
  const renameButton = el('button', { id: 'rename-room', type: 'submit' }, 'Rename');
  const closeButton = el('button', { id: 'close-room', type: 'button', class: 'danger' }, 'Close room');
  const manage = el('section', { id: 'room-manage', class: 'card', 'aria-labelledby': 'h-manage', hidden: true },
    el('h2', { id: 'h-manage' }, 'Manage'),
    el('form', { id: 'rename-form', class: 'inline-form', onsubmit: (e) => { e.preventDefault(); rename(); } },
      field('New name', renameInput), renameButton),
    el('div', { class: 'actions' }, closeButton));
  const details = el('div', { id: 'room-details', hidden: true },
    el('dl', { class: 'facts' },
      el('dt', {}, 'Kind'), kind, el('dt', {}, 'Status'), status,
      el('dt', {}, 'Capacity'), capacity, el('dt', {}, 'Created'), created),
    description,
    el('section', { class: 'card', 'aria-labelledby': 'h-take-part' },
      el('h2', { id: 'h-take-part' }, 'Take part'),
      el('div', { class: 'actions' }, join, leave), actionError, actionMessage, joinResult),
    el('section', { class: 'card', 'aria-labelledby': 'h-participants' },
      el('h2', { id: 'h-participants' }, 'Participants'), participants, noParticipants),
    manage);

  root.append(el('p', { class: 'crumbs' }, el('a', { href: '#/rooms' }, '← All rooms')), title, pageError, details);

  function show(next) {
    room = { ...room, ...next };
    rememberRoom(room);
    document.title = `${room.name} · MetroHub`;
    title.textContent = room.name;
    kind.textContent = KIND_LABELS[room.kind] ?? room.kind ?? '';
    status.replaceChildren(statusBadge(room.status));
    status.dataset.status = room.status;
    capacity.textContent = room.capacity ?? '';
    created.textContent = formatDateTime(room.createdAt);
    description.textContent = room.description || 'No description.';
    const closed = room.status === 'CLOSED';
    join.disabled = closed || callInProgress();
    const mayManage = canManageRoom(user, room);
    manage.hidden = !mayManage;
    closeButton.disabled = closed;
    if (mayManage && !renameInput.value) renameInput.value = room.name;
    details.hidden = false;
  }

  async function action(work, done) {
    hide(actionError);
    actionMessage.textContent = '';
    try {
      const result = await work();
      if (!signal.aborted) done?.(result);
    } catch (err) {
      if (!signal.aborted) showError(actionError, err);
    }
  }

  async function loadParticipants() {
    try {
      const { items = [] } = await get(`${path}/participants`);
      if (signal.aborted) return;
      participants.replaceChildren(...items.map((p) => el('li', { dataset: { userId: p.userId ?? '' } },
        el('span', { class: 'who' }, p.displayName ?? p.userId ?? ''),
        el('span', { class: 'badge' }, p.role === 'MODERATOR' ? 'Moderator' : 'Participant'),
        el('time', { datetime: p.joinedAt ?? '' }, p.joinedAt ? `joined ${formatTime(p.joinedAt)}` : ''))));
      noParticipants.hidden = items.length > 0;
    } catch (err) {
      if (!signal.aborted) showError(actionError, err);
    }
  }

  /** Join stays off while a call runs; once it has failed or ended, Join starts a new one. */
  function callInProgress() {
    return activeCall != null && !['failed', 'closed'].includes(activeCall.call.state);
  }

  function endCall() {
    activeCall?.dispose();
    activeCall = null;
    join.disabled = room?.status === 'CLOSED';
  }

  function showJoin(answer) {
    endCall();
    const expires = new Date(Date.now() + (Number(answer.expiresIn) || 0) * 1000);
    const callHost = el('div', { class: 'call-host' });
    joinResult.replaceChildren(
      el('h3', { id: 'join-result-title' }, 'You have joined'),
      el('dl', { class: 'facts' },
        el('dt', {}, 'Your role'), el('dd', { id: 'join-role' }, answer.role === 'MODERATOR' ? 'Moderator' : 'Participant'),
        el('dt', {}, 'Room token valid until'), el('dd', { id: 'join-expiry' }, `${expires.toLocaleTimeString()} (${Math.round((answer.expiresIn || 0) / 60)} min)`),
        el('dt', {}, 'Signalling address'), el('dd', {}, el('code', { id: 'join-signalling' }, answer.signallingUrl ?? ''))),
      callHost);
    joinResult.hidden = false;
    let ticket = answer; // the first connection uses this answer; reconnects join again for a fresh token
    activeCall = mountCall(callHost, {
      roomId: id,
      join: async () => {
        if (ticket) {
          const first = ticket;
          ticket = null;
          return first;
        }
        return post(`${path}/join`);
      },
      onLeave: () => {
        activeCall = null;
        leaveRoom();
      },
    });
    activeCall.call.addEventListener('state', () => { join.disabled = room?.status === 'CLOSED' || callInProgress(); });
    join.disabled = true;
    loadParticipants();
  }

  function leaveRoom() {
    endCall();
    action(() => post(`${path}/leave`), () => {
      joinResult.hidden = true;
      joinResult.replaceChildren();
      actionMessage.textContent = 'You have left the room.';
      loadParticipants();
    });
  }

  function rename() {
    const name = renameInput.value.trim();
    action(() => patch(path, { name }), (updated) => {
      show(updated);
      actionMessage.textContent = 'Room renamed.';
    });
  }

  join.addEventListener('click', () => action(() => post(`${path}/join`), showJoin));
  leave.addEventListener('click', leaveRoom);
  closeButton.addEventListener('click', () => action(() => post(`${path}/close`), (closed) => {
    show(closed ?? { status: 'CLOSED' });
    actionMessage.textContent = 'Room closed.';
  }));

  const unsubscribe = subscribe((event) => {
    if (!room || (event.roomId !== id && event.data.id !== id)) return;
    if (event.type === 'room.updated' || event.type === 'room.created') show(event.data);
    else if (event.type === 'room.closed') show({ ...event.data, status: 'CLOSED' });
    else if (event.type.startsWith('participant.')) loadParticipants();
  });
  signal.addEventListener('abort', unsubscribe);
  signal.addEventListener('abort', endCall); // leaving the page leaves the call (the node forgets you)

  (async () => {
    try {
      const loaded = await get(path);
      if (signal.aborted) return;
      show(loaded);
      loadParticipants();
      // ?join=1 (the Join of a live class): join at once, as if Join had been pressed
      if (query?.get('join') === '1' && !join.disabled) join.click();
    } catch (err) {
      if (!signal.aborted) {
        title.textContent = 'Room unavailable';
        showError(pageError, err);
      }
    }
  })();
}

// The "Live activity" side panel (#live-events): newest event first, one <li> per event.
import { el, formatTime } from './ui.js';
import { rememberRoom, resolveRoomName, roomName } from './room-names.js';

const MAX_ITEMS = 50;
const STATUS_TEXT = {
  off: 'Not connected.',
  connecting: 'Connecting…',
  live: 'Live: updates appear as they happen.',
  reconnecting: 'Connection lost; reconnecting…',
};

export function createLivePanel(list, statusNode) {
  function add(event) {
    if (event.type.startsWith('room.')) rememberRoom(event.data);
    const nameNode = el('span', { class: 'ev-room' }, roomName(event.roomId) ?? 'a room');
    if (!roomName(event.roomId) && event.roomId) {
      resolveRoomName(event.roomId).then((name) => { if (name) nameNode.textContent = name; });
    }
    const who = event.type.startsWith('participant.') ? event.data.displayName : null;
    const item = el('li', { dataset: { eventType: event.type, roomId: event.roomId ?? '' } },
      el('span', { class: 'ev-type' }, event.type),
      ' ', nameNode,
      who ? el('span', { class: 'ev-who' }, ` · ${who}`) : null,
      el('time', { datetime: event.time }, formatTime(event.time)));
    list.prepend(item);
    while (list.children.length > MAX_ITEMS) list.lastElementChild.remove();
  }

  function setStatus(status) {
    statusNode.textContent = STATUS_TEXT[status] ?? '';
    statusNode.dataset.status = status;
  }

  return { add, setStatus, clear: () => list.replaceChildren() };
}

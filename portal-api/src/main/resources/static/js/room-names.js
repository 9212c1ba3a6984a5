// Room names by id, so that events which carry only a room id can still show a name.
import { get } from './api.js';

const names = new Map();
const pending = new Map();

export function rememberRoom(room) {
  if (room?.id && room.name) names.set(room.id, room.name);
}

export function roomName(id) {
  return names.get(id) ?? null;
}

/** Resolves the room's name, asking the API at most once per room. */
export function resolveRoomName(id) {
  if (names.has(id)) return Promise.resolve(names.get(id));
  if (!pending.has(id)) {
    pending.set(id, get(`/api/rooms/${encodeURIComponent(id)}`)
      .then((room) => { rememberRoom(room); return room.name; })
      .catch(() => null)
      .finally(() => pending.delete(id)));
  }
  return pending.get(id);
}

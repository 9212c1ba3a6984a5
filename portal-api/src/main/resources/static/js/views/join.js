// #/join/{ticket}: where a BigBlueButton join (from an LMS) sends the browser. Trades the one-time guest ticket
// for a session confined to one room, then opens that room. The ticket leaves the address bar at once.
import { request } from '../api.js';
import * as session from '../session.js';
import { el } from '../ui.js';

export async function joinView(root, { params, navigate, onSignedIn }) {
  document.title = 'Joining · MetroHub';
  history.replaceState(null, '', '#/join');
  const status = el('p', { id: 'join-status', role: 'status' }, 'Joining the room…');
  root.append(el('section', { class: 'card narrow' }, el('h1', { tabindex: '-1' }, 'Joining'), status));
  try {
    const answer = await request('/api/auth/guest', { method: 'POST', body: { ticket: params.ticket }, auth: false });
    session.clear();
    session.storeTokens(answer);
    session.setUser({ ...answer.user, guestRoomId: answer.roomId });
    onSignedIn();
    navigate(`/rooms/${encodeURIComponent(answer.roomId)}`, { replace: true });
  } catch (err) {
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = err.status === 401
      ? 'This join link has expired or was already used. Go back to your course and join again.'
      : `Could not join: ${err.detail || err.message}`;
  }
}

// #/invites/{token}: a student accepts a course invite link, then lands on the course page.
import { post } from '../api.js';
import { el, showError } from '../ui.js';

export async function inviteView(root, { params, signal, navigate }) {
  document.title = 'Course invite · MetroHub';
  const status = el('div', { id: 'invite-status', role: 'status' }, 'Joining the course…');
  root.append(el('h1', { tabindex: '-1' }, 'Course invite'), status);
  try {
    const { course } = await post(`/api/invites/${encodeURIComponent(params.token)}/accept`);
    if (!signal.aborted) navigate(`/courses/${encodeURIComponent(course.id)}`, { replace: true });
  } catch (err) {
    if (signal.aborted) return;
    status.className = 'error';
    status.setAttribute('role', 'alert');
    if (err?.status === 410) {
      status.replaceChildren('This invite link has expired, been used up or been withdrawn. Ask your teacher for a new one.');
    } else {
      showError(status, err);
    }
    root.append(el('p', {}, el('a', { href: '#/classes' }, 'Go to my classes'), '.'));
  }
}

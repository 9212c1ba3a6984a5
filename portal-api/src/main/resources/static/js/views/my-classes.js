// #/classes: "My classes" for a student: the courses they are enrolled in and each course's classes, with Join
// for a live one (it opens the class's room page, which joins the call). Refreshes every 10 s.
import { get } from '../api.js';
import { classStatusBadge, el, formatDateTime, hide, showError } from '../ui.js';

const REFRESH_MS = 10_000;

function classItem(c) {
  return el('li', { dataset: { classId: c.id, status: c.status, roomId: c.roomId ?? '' } },
    el('span', {}, el('span', { class: 'class-title room-name' }, c.title), ' ',
      el('time', { class: 'muted', datetime: c.scheduledStart ?? '' }, `${formatDateTime(c.scheduledStart)}, ${c.durationMinutes} min`)),
    el('span', { class: 'class-status' }, classStatusBadge(c.status)),
    c.status === 'LIVE'
      ? el('a', { class: 'button primary join-class', href: `#/rooms/${encodeURIComponent(c.roomId)}?join=1`,
        'aria-label': `Join ${c.title}` }, 'Join')
      : el('span', { class: 'muted' }, c.status === 'ENDED' ? 'Ended' : 'Not started'));
}

export function myClassesView(root, { signal }) {
  document.title = 'My classes · MetroHub';
  const list = el('div', { id: 'my-classes', 'aria-live': 'polite' });
  const empty = el('p', { id: 'my-classes-empty', class: 'muted', hidden: true },
    'You are not enrolled in any course yet. Your teacher can add you, or send you an invite link.');
  const error = el('p', { id: 'my-classes-error', class: 'error', role: 'alert', hidden: true });
  root.append(el('h1', { tabindex: '-1' }, 'My classes'), error, list, empty);
  let shown = '';
  let timer = null;

  async function load() {
    timer = null;
    try {
      const { items: courses = [] } = await get('/api/courses');
      const withClasses = await Promise.all(courses.map(async (course) => ({
        course, classes: (await get(`/api/courses/${encodeURIComponent(course.id)}/classes`)).items ?? [],
      })));
      if (signal.aborted) return;
      hide(error);
      const next = JSON.stringify(withClasses.map(({ course, classes }) => [course.id, course.name, classes.map((c) => [c.id, c.status, c.version])]));
      if (next !== shown) { // re-render only on a change, so focus stays put
        shown = next;
        list.replaceChildren(...withClasses.map(({ course, classes }) => el('section', {
          class: 'card', dataset: { courseId: course.id }, 'aria-labelledby': `h-course-${course.id}`,
        },
        el('h2', { id: `h-course-${course.id}` }, el('a', { class: 'course-name', href: `#/courses/${encodeURIComponent(course.id)}` }, course.name)),
        classes.length
          ? el('ul', { class: 'room-list class-list', 'aria-label': `Classes of ${course.name}` }, classes.map(classItem))
          : el('p', { class: 'muted' }, 'No classes planned yet.'))));
        empty.hidden = courses.length > 0;
      }
    } catch (err) {
      if (!signal.aborted) showError(error, err);
    }
    if (!signal.aborted) timer = setTimeout(load, REFRESH_MS);
  }

  signal.addEventListener('abort', () => { if (timer) clearTimeout(timer); });
  load();
}

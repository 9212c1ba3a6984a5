// #/courses: "My courses": the courses the user teaches (or, for an ADMIN, all of the tenant's), and for a
// TEACHER a form to create one with a weekly schedule.
import { get, post } from '../api.js';
import { DAYS, DAY_LABELS, describeSlot, localZone } from '../courses.js';
import { hasAnyRole } from '../roles.js';
import { el, field, formatDateTime, hide, showError } from '../ui.js';

let slotCounter = 0;

function slotRow(onRemove) {
  const n = ++slotCounter;
  const day = el('select', { id: `slot-day-${n}`, class: 'slot-day' }, DAYS.map((d) => el('option', { value: d }, DAY_LABELS[d])));
  const start = el('input', { id: `slot-start-${n}`, class: 'slot-start', type: 'time', value: '09:00', required: true });
  const duration = el('input', { id: `slot-duration-${n}`, class: 'slot-duration', type: 'number', min: '5', max: '720', value: '45', inputmode: 'numeric' });
  const row = el('li', { class: 'slot inline-form' },
    field('Day', day), field('Start', start), field('Minutes', duration),
    el('button', { type: 'button', class: 'remove-slot', 'aria-label': `Remove lesson ${n}`, onclick: () => onRemove(row) }, 'Remove'));
  row.read = () => ({ dayOfWeek: day.value, start: start.value, durationMinutes: Number(duration.value), zone: localZone() });
  return row;
}

export function coursesView(root, { user, signal, navigate }) {
  document.title = 'My courses · MetroHub';
  const mayCreate = hasAnyRole(user, ['TEACHER']);
  const list = el('ul', { id: 'courses', class: 'room-list', 'aria-label': 'Courses' });
  const empty = el('p', { id: 'courses-empty', class: 'muted', hidden: true }, 'No courses yet.');
  const listError = el('p', { id: 'courses-error', class: 'error', role: 'alert', hidden: true });
  root.append(el('h1', { tabindex: '-1' }, 'My courses'), listError,
    el('section', { class: 'card', 'aria-labelledby': 'h-course-list' },
      el('h2', { id: 'h-course-list' }, 'Courses'), list, empty));

  if (mayCreate) root.append(createForm());

  function createForm() {
    const name = el('input', { id: 'course-name', name: 'name', maxlength: '120', autocomplete: 'off' });
    const description = el('textarea', { id: 'course-description', name: 'description', rows: '3', maxlength: '2000' });
    const slots = el('ul', { id: 'schedule-rows', class: 'slots', 'aria-label': 'Weekly lessons' });
    const removeSlot = (row) => { row.remove(); addSlot.focus(); };
    const addSlot = el('button', { id: 'add-slot', type: 'button', onclick: () => {
      const row = slotRow(removeSlot);
      slots.append(row);
      row.querySelector('select').focus();
    } }, 'Add a weekly lesson');
    const button = el('button', { id: 'create-course', type: 'submit', class: 'primary' }, 'Create course');
    const error = el('div', { id: 'course-error', class: 'error', role: 'alert', hidden: true });
    const form = el('form', { id: 'course-form', class: 'card', novalidate: true, 'aria-labelledby': 'h-new-course' },
      el('h2', { id: 'h-new-course' }, 'New course'),
      field('Name', name, 'Up to 120 characters.'),
      field('Description (optional)', description),
      el('fieldset', { class: 'schedule' },
        el('legend', {}, 'Weekly schedule (optional)'),
        el('p', { class: 'hint' }, `Times are wall-clock times in ${localZone()}.`),
        slots, addSlot),
      error,
      el('div', { class: 'actions' }, button));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      hide(error);
      const body = { name: name.value.trim() };
      if (description.value.trim()) body.description = description.value.trim();
      const schedule = [...slots.children].map((row) => row.read());
      if (schedule.length) body.schedule = schedule;
      button.disabled = true;
      try {
        const course = await post('/api/courses', body);
        navigate(`/courses/${encodeURIComponent(course.id)}`);
      } catch (err) {
        if (!signal.aborted) showError(error, err);
        button.disabled = false;
      }
    });
    return form;
  }

  (async () => {
    try {
      const { items = [] } = await get('/api/courses');
      if (signal.aborted) return;
      list.replaceChildren(...items.map((c) => el('li', { dataset: { courseId: c.id } },
        el('a', { class: 'course-name room-name', href: `#/courses/${encodeURIComponent(c.id)}` }, c.name),
        el('span', { class: 'muted course-schedule' }, (c.schedule ?? []).map(describeSlot).join('; ') || 'No weekly schedule'),
        el('span', { class: 'muted course-next' }, c.nextLessonAt ? `Next: ${formatDateTime(c.nextLessonAt)}` : ''))));
      empty.hidden = items.length > 0;
    } catch (err) {
      if (!signal.aborted) showError(listError, err);
    }
  })();
}

// #/courses/{id}: one course. Everyone who sees it: its schedule and classes (Join while a class is live).
// Who manages it (its teacher, an ADMIN): students (add by user name, remove), an invite link (shown once), and
// for the teacher planning classes and starting / ending them.
import { del, get, post } from '../api.js';
import { canManageCourse, canPlanClasses, describeSlot, instantToLocal, inviteUrl, localToInstant } from '../courses.js';
import { classStatusBadge, el, field, formatDateTime, hide, showError } from '../ui.js';

export function courseView(root, { params, user, signal }) {
  const id = params.id;
  const path = `/api/courses/${encodeURIComponent(id)}`;
  let course = null;
  let shownClasses = ''; // what the class list shows, so a refresh that changes nothing keeps focus where it is
  document.title = 'Course · MetroHub';

  const title = el('h1', { id: 'course-title', tabindex: '-1' }, 'Course');
  const pageError = el('p', { id: 'course-message', class: 'error', role: 'alert', hidden: true });
  const description = el('p', { id: 'course-description-text', class: 'description' });
  const schedule = el('ul', { id: 'course-schedule', class: 'people', 'aria-label': 'Weekly schedule' });
  const next = el('p', { id: 'course-next', class: 'muted' });
  const classes = el('ul', { id: 'classes', class: 'room-list', 'aria-label': 'Classes' });
  const noClasses = el('p', { id: 'classes-empty', class: 'muted', hidden: true }, 'No classes planned yet.');
  const classError = el('div', { id: 'class-error', class: 'error', role: 'alert', hidden: true });
  const classMessage = el('p', { id: 'class-message', class: 'muted', role: 'status' });
  const classSection = el('section', { class: 'card', 'aria-labelledby': 'h-classes' },
    el('h2', { id: 'h-classes' }, 'Classes'), classError, classMessage, classes, noClasses);
  const details = el('div', { id: 'course-details', hidden: true },
    description, next,
    el('section', { class: 'card', 'aria-labelledby': 'h-schedule' }, el('h2', { id: 'h-schedule' }, 'Weekly schedule'), schedule),
    classSection);

  root.append(el('p', { class: 'crumbs' }, el('a', { href: '#/courses' }, '← My courses')), title, pageError, details);

  function show(loaded) {
    course = loaded;
    document.title = `${course.name} · MetroHub`;
    title.textContent = course.name;
    description.textContent = course.description || 'No description.';
    const slots = course.schedule ?? [];
    schedule.replaceChildren(...(slots.length ? slots.map((s) => el('li', {}, describeSlot(s))) : [el('li', { class: 'muted' }, 'No weekly schedule.')]));
    next.textContent = course.nextLessonAt ? `Next lesson: ${formatDateTime(course.nextLessonAt)}` : '';
    details.hidden = false;
  }

  /** Runs an action; its error goes to the given box. */
  async function act(errorBox, work) {
    hide(errorBox);
    try {
      return await work();
    } catch (err) {
      if (!signal.aborted) showError(errorBox, err);
      return undefined;
    }
  }

  // ---- classes ----
  function classItem(c) {
    const manage = canManageCourse(user, course);
    const actions = el('span', { class: 'actions' });
    if (c.status === 'LIVE') {
      actions.append(el('a', { class: 'button primary open-room', href: `#/rooms/${encodeURIComponent(c.roomId)}?join=1` },
        manage ? 'Open room' : 'Join'));
    }
    if (manage && c.status === 'SCHEDULED') {
      actions.append(el('button', { type: 'button', class: 'primary start-class', onclick: () => changeClass(c, 'start', 'started') }, 'Start'));
    }
    if (manage && c.status !== 'ENDED') {
      actions.append(el('button', { type: 'button', class: 'danger end-class', onclick: () => changeClass(c, 'end', c.status === 'LIVE' ? 'ended' : 'called off') },
        c.status === 'LIVE' ? 'End' : 'Call off'));
    }
    if (manage) {
      actions.append(el('a', { class: 'button secondary attendance-link', href: `#/classes/${encodeURIComponent(c.id)}/attendance` }, 'Attendance'));
    }
    return el('li', { dataset: { classId: c.id, status: c.status, roomId: c.roomId ?? '' } },
      el('span', {}, el('span', { class: 'class-title room-name' }, c.title), ' ',
        el('time', { class: 'muted', datetime: c.scheduledStart ?? '' }, `${formatDateTime(c.scheduledStart)}, ${c.durationMinutes} min`)),
      el('span', { class: 'class-status' }, classStatusBadge(c.status)),
      actions);
  }

  async function loadClasses() {
    const answer = await act(classError, () => get(`${path}/classes`));
    if (!answer || signal.aborted) return;
    const items = answer.items ?? [];
    const shown = items.map((c) => `${c.id}:${c.status}:${c.version}`).join();
    if (shown === shownClasses) return;
    shownClasses = shown;
    classes.replaceChildren(...items.map(classItem));
    noClasses.hidden = items.length > 0;
  }

  async function changeClass(c, verb, done) {
    classMessage.textContent = '';
    const updated = await act(classError, () => post(`/api/classes/${encodeURIComponent(c.id)}/${verb}`));
    if (updated && !signal.aborted) {
      classMessage.textContent = `“${c.title}” ${done}.`;
      await loadClasses();
    }
  }

  function planForm() {
    const titleInput = el('input', { id: 'class-title', name: 'title', maxlength: '120', autocomplete: 'off' });
    const soon = new Date(Date.now() + 10 * 60_000);
    const start = el('input', { id: 'class-start', name: 'scheduledStart', type: 'datetime-local', value: instantToLocal(soon) });
    const duration = el('input', { id: 'class-duration', name: 'durationMinutes', type: 'number', min: '5', max: '720', value: '45', inputmode: 'numeric' });
    const button = el('button', { id: 'plan-class', type: 'submit', class: 'primary' }, 'Plan class');
    const form = el('form', { id: 'class-form', class: 'inline-form', novalidate: true, 'aria-label': 'Plan a class' },
      field('Title', titleInput), field('Starts (your local time)', start), field('Minutes', duration), button);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      classMessage.textContent = '';
      const body = { title: titleInput.value.trim(), scheduledStart: localToInstant(start.value), durationMinutes: Number(duration.value) };
      button.disabled = true;
      const created = await act(classError, () => post(`${path}/classes`, body));
      button.disabled = false;
      if (created && !signal.aborted) {
        classMessage.textContent = `“${created.title}” planned.`;
        titleInput.value = '';
        await loadClasses();
      }
    });
    return form;
  }

  // ---- students ----
  function studentSection() {
    const list = el('ul', { id: 'students', class: 'people', 'aria-label': 'Enrolled students' });
    const none = el('p', { id: 'students-empty', class: 'muted', hidden: true }, 'No students yet.');
    const error = el('div', { id: 'students-error', class: 'error', role: 'alert', hidden: true });
    const message = el('p', { id: 'students-message', class: 'muted', role: 'status' });
    const username = el('input', { id: 'student-username', name: 'user', autocomplete: 'off', placeholder: 'student@tenant' });
    const add = el('button', { id: 'add-student', type: 'submit' }, 'Add student');
    const form = el('form', { id: 'student-form', class: 'inline-form', novalidate: true },
      field('User name', username), add);

    async function load() {
      const answer = await act(error, () => get(`${path}/students`));
      if (!answer || signal.aborted) return;
      const items = answer.items ?? [];
      list.replaceChildren(...items.map((s) => el('li', { dataset: { userId: s.userId, username: s.username ?? '' } },
        el('span', { class: 'who' }, s.displayName ?? s.username ?? s.userId),
        el('span', { class: 'muted' }, s.username ?? ''),
        el('span', { class: 'badge' }, s.via === 'INVITE' ? 'Invite' : 'Added'),
        el('button', { type: 'button', class: 'remove-student', 'aria-label': `Remove ${s.displayName ?? s.username}`,
          onclick: () => remove(s) }, 'Remove'))));
      none.hidden = items.length > 0;
    }

    async function remove(s) {
      message.textContent = '';
      const done = await act(error, () => del(`${path}/students/${encodeURIComponent(s.userId)}`));
      if (done !== undefined && !signal.aborted) {
        message.textContent = `${s.displayName ?? s.username} removed.`;
        await load();
      }
    }

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      message.textContent = '';
      add.disabled = true;
      const enrolment = await act(error, () => post(`${path}/students`, { user: username.value.trim() }));
      add.disabled = false;
      if (enrolment && !signal.aborted) {
        message.textContent = `${enrolment.displayName ?? enrolment.username ?? 'The student'} enrolled.`;
        username.value = '';
        await load();
      }
    });
    load();
    return el('section', { id: 'course-students', class: 'card', 'aria-labelledby': 'h-students' },
      el('h2', { id: 'h-students' }, 'Students'), form, error, message, list, none);
  }

  // ---- invite link ----
  function inviteSection() {
    const error = el('div', { id: 'invite-error', class: 'error', role: 'alert', hidden: true });
    const create = el('button', { id: 'invite-create', type: 'button' }, 'Create invite link');
    const result = el('div', { id: 'invite-result', hidden: true });
    create.addEventListener('click', async () => {
      create.disabled = true;
      const invite = await act(error, () => post(`${path}/invites`));
      create.disabled = false;
      if (!invite || signal.aborted) return;
      const url = inviteUrl(`${location.origin}${location.pathname}`, invite.token);
      const link = el('input', { id: 'invite-link', readonly: true, value: url, 'aria-describedby': 'invite-note' });
      const status = el('span', { id: 'invite-copied', class: 'muted', role: 'status' });
      const copy = el('button', { id: 'invite-copy', type: 'button' }, 'Copy link');
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(url);
          status.textContent = 'Copied.';
        } catch {
          link.select(); // no clipboard access: leave it selected for Ctrl+C
          status.textContent = 'Press Ctrl+C to copy the selected link.';
        }
      });
      result.replaceChildren(
        el('div', { class: 'inline-form' }, field('Invite link', link), copy, status),
        el('p', { id: 'invite-note', class: 'hint' },
          `Shown only now: copy it before leaving this page. Valid until ${formatDateTime(invite.expiresAt)}`,
          invite.maxUses ? `, for ${invite.maxUses} students.` : '.'));
      result.hidden = false;
      link.focus();
      link.select();
    });
    return el('section', { id: 'course-invite', class: 'card', 'aria-labelledby': 'h-invite' },
      el('h2', { id: 'h-invite' }, 'Invite link'),
      el('p', {}, 'Students of your municipality who open the link are enrolled in this course.'),
      el('div', { class: 'actions' }, create), error, result);
  }

  (async () => {
    try {
      const loaded = await get(path);
      if (signal.aborted) return;
      show(loaded);
      if (canPlanClasses(user, course)) classSection.insertBefore(planForm(), classError);
      if (canManageCourse(user, course)) details.append(studentSection(), inviteSection());
      await loadClasses();
    } catch (err) {
      if (!signal.aborted) {
        title.textContent = 'Course unavailable';
        showError(pageError, err);
      }
    }
  })();

  // a class's state changes without an event of its own: keep the list fresh while the page is open
  const timer = setInterval(() => { if (course) loadClasses(); }, 10_000);
  signal.addEventListener('abort', () => clearInterval(timer));
}

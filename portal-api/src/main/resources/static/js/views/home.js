// #/home: the sections the signed-in user's roles give them.
import { get } from '../api.js';
import { creatableKinds, hasAnyRole, KIND_LABELS } from '../roles.js';
import { el, showError } from '../ui.js';

const SECTIONS = [
  {
    id: 'classes', title: 'Classes', roles: ['TEACHER', 'STUDENT', 'ADMIN'], kind: 'CLASS',
    text: 'Live lessons: open a class room to teach or to attend.',
    soon: 'Lesson schedules, attendance, hand raise, chat, polls and recordings will come with the e-learning module.',
  },
  {
    id: 'consultations', title: 'Consultations', roles: ['DOCTOR', 'PATIENT', 'ADMIN'], kind: 'CONSULTATION',
    text: 'Private video consultations between a doctor and a patient.',
    soon: 'Appointment links, a waiting room the doctor admits patients from, consent before any recording and a phone fallback.',
  },
  {
    id: 'meetings', title: 'Meetings', roles: null, kind: 'MEETING',
    text: 'Videoconferences between city units and neighbouring municipalities.',
    invitedText: 'Meetings you take part in. Until invitations arrive, you see the meetings of your municipality.',
    soon: 'Invitations, moderation, and phone dial-in and dial-out.',
  },
  {
    id: 'camera-wall', title: 'Camera wall', roles: ['SECURITY', 'ADMIN'],
    soon: 'A wall of live CCTV streams with sub-second latency, access per camera, and every view audited.',
  },
  {
    id: 'calls', title: 'Calls', roles: ['OFFICIAL', 'ADMIN'],
    soon: 'Click-to-call, live call events and conference bridges through the city telephone exchange.',
  },
];

function comingSoon(text) {
  return el('p', { class: 'soon' }, el('span', { class: 'badge soon-badge' }, 'Coming soon'), ' ', text);
}

function roomSection(section, user) {
  const invitedOnly = section.kind === 'MEETING' && !hasAnyRole(user, ['OFFICIAL', 'ADMIN']);
  const links = el('p', { class: 'actions' },
    el('a', { class: 'button', href: `#/rooms?kind=${section.kind}` }, `${KIND_LABELS[section.kind]} rooms`));
  if (creatableKinds(user).includes(section.kind)) {
    links.append(el('a', { class: 'button secondary', href: `#/rooms/new?kind=${section.kind}` }, `New ${KIND_LABELS[section.kind].toLowerCase()}`));
  }
  if (section.kind === 'CLASS' && hasAnyRole(user, ['TEACHER', 'STUDENT'])) return classSection(user, links);
  return [el('p', {}, invitedOnly ? section.invitedText : section.text), links, comingSoon(section.soon)];
}

/** Teachers and students have the course pages; an ADMIN alone keeps the room links and the coming-soon note. */
function classSection(user, roomLinks) {
  const pages = el('p', { class: 'actions' });
  if (hasAnyRole(user, ['TEACHER'])) {
    pages.append(el('a', { id: 'home-my-courses', class: 'button', href: '#/courses' }, 'My courses'));
  }
  if (hasAnyRole(user, ['STUDENT'])) {
    pages.append(el('a', { id: 'home-my-classes', class: 'button', href: '#/classes' }, 'My classes'));
  }
  const text = hasAnyRole(user, ['TEACHER'])
    ? 'Your courses and their students, invite links, planned and live classes, and who attended.'
    : 'The courses you are enrolled in and their classes: join one while it is live.';
  for (const link of roomLinks.children) link.classList.add('secondary');
  return [el('p', {}, text), pages, roomLinks];
}

async function loadUsers(tenant, tbody, error) {
  try {
    const { items = [] } = await get(`/api/tenants/${encodeURIComponent(tenant)}/users`);
    tbody.replaceChildren(...items.map((u) => el('tr', { dataset: { userId: u.id ?? '' } },
      el('td', {}, u.displayName ?? ''), el('td', {}, u.username ?? ''), el('td', {}, (u.roles ?? []).join(', ')))));
    if (!items.length) tbody.append(el('tr', {}, el('td', { colspan: '3' }, 'No users yet.')));
  } catch (err) {
    showError(error, err);
  }
}

function adminSection(user) {
  const tbody = el('tbody', {}, el('tr', {}, el('td', { colspan: '3' }, 'Loading…')));
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  loadUsers(user.tenant, tbody, error);
  return [
    el('p', {}, `The people of ${user.tenant} and their roles.`),
    error,
    el('div', { class: 'table-wrap' }, el('table', { id: 'tenant-users' },
      el('caption', { class: 'visually-hidden' }, 'Users of the tenant'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Username'), el('th', { scope: 'col' }, 'Roles'))),
      tbody)),
    comingSoon('Adding users, changing roles and reading the audit log.'),
  ];
}

export function homeView(root, { user }) {
  document.title = 'Home · MetroHub';
  root.append(el('h1', { tabindex: '-1' }, `Welcome, ${user.displayName ?? user.username}`));
  const grid = el('div', { class: 'sections' });
  const visible = SECTIONS.filter((s) => !s.roles || hasAnyRole(user, s.roles));
  for (const section of visible) {
    const body = section.kind ? roomSection(section, user) : [comingSoon(section.soon)];
    grid.append(el('section', { id: `section-${section.id}`, class: 'card', 'aria-labelledby': `h-${section.id}` },
      el('h2', { id: `h-${section.id}` }, section.title), body));
  }
  if (hasAnyRole(user, ['ADMIN'])) {
    grid.append(el('section', { id: 'section-admin', class: 'card wide', 'aria-labelledby': 'h-admin' },
      el('h2', { id: 'h-admin' }, 'Administration'), adminSection(user)));
  }
  root.append(grid);
}

// #/classes/{id}/attendance: who attended a class, for its teacher (or an ADMIN). Refreshes every 5 s while the
// class is live; the CSV comes through the API with the bearer token and is offered as a file.
import { get, getBlob } from '../api.js';
import { classStatusBadge, el, formatDateTime, formatTime, hide, showError } from '../ui.js';

const REFRESH_MS = 5000;

function yesNo(value) {
  if (value == null) return '–';
  return value ? 'Yes' : 'No';
}

export function attendanceView(root, { params, signal }) {
  const id = params.id;
  const classPath = `/api/classes/${encodeURIComponent(id)}`;
  const reportPath = `${classPath}/attendance`;
  let timer = null;
  document.title = 'Attendance · MetroHub';

  const title = el('h1', { id: 'attendance-title', tabindex: '-1' }, 'Attendance');
  const crumbs = el('p', { class: 'crumbs' }, el('a', { href: '#/courses' }, '← My courses'));
  const status = el('span', { id: 'attendance-class-status' });
  const updated = el('p', { id: 'attendance-updated', class: 'muted', role: 'status' });
  const error = el('div', { id: 'attendance-error', class: 'error', role: 'alert', hidden: true });
  const csv = el('a', { id: 'attendance-csv', class: 'button secondary', href: `${reportPath}?format=csv`, download: `attendance-${id}.csv` }, 'Download CSV');
  const rows = el('tbody', { id: 'attendance-rows' });
  const empty = el('p', { id: 'attendance-empty', class: 'muted', hidden: true }, 'Nobody has joined this class yet.');
  const headers = ['Name', 'Role', 'First join', 'Last leave', 'Minutes present', 'Joins', 'Present now', 'Late'];
  const table = el('div', { class: 'table-wrap' }, el('table', { id: 'attendance-table' },
    el('caption', { class: 'visually-hidden' }, 'Participants of the class'),
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    rows));

  root.append(crumbs, title,
    el('div', { class: 'page-head' }, el('p', { class: 'actions' }, 'Class status: ', status), el('div', { class: 'actions' }, csv)),
    error, updated, el('section', { class: 'card', 'aria-labelledby': 'attendance-title' }, table, empty));

  function row(entry) {
    return el('tr', { dataset: { userId: entry.userId ?? '', presentNow: String(!!entry.presentNow) } },
      el('th', { scope: 'row', class: 'attendee' }, entry.displayName ?? entry.userId ?? ''),
      el('td', {}, entry.role === 'MODERATOR' ? 'Moderator' : 'Participant'),
      el('td', {}, el('time', { datetime: entry.firstJoin ?? '' }, formatTime(entry.firstJoin))),
      el('td', {}, entry.lastLeave ? el('time', { datetime: entry.lastLeave }, formatTime(entry.lastLeave)) : '–'),
      el('td', { class: 'minutes' }, String(entry.minutesPresent ?? 0)),
      el('td', { class: 'joins' }, String(entry.joins ?? 0)),
      el('td', { class: 'present-now' }, yesNo(entry.presentNow)),
      el('td', { class: 'late' }, yesNo(entry.late)));
  }

  async function load() {
    timer = null;
    try {
      const [klass, report] = await Promise.all([get(classPath), get(reportPath)]);
      if (signal.aborted) return;
      hide(error);
      document.title = `Attendance: ${klass.title} · MetroHub`;
      title.textContent = `Attendance: ${klass.title}`;
      crumbs.replaceChildren(el('a', { href: `#/courses/${encodeURIComponent(klass.courseId)}` }, '← Course'));
      status.replaceChildren(classStatusBadge(klass.status));
      status.dataset.status = klass.status;
      const items = report.items ?? [];
      rows.replaceChildren(...items.map(row));
      empty.hidden = items.length > 0;
      updated.textContent = `As of ${formatDateTime(report.generatedAt)}${klass.status === 'LIVE' ? ', refreshed every 5 seconds while the class is live' : ''}.`;
      if (klass.status === 'LIVE') timer = setTimeout(load, REFRESH_MS);
    } catch (err) {
      if (signal.aborted) return;
      showError(error, err);
      if (status.dataset.status === 'LIVE') timer = setTimeout(load, REFRESH_MS);
    }
  }

  csv.addEventListener('click', async (e) => {
    e.preventDefault(); // a plain link would go without the bearer token
    hide(error);
    try {
      const blob = await getBlob(`${reportPath}?format=csv`, 'text/csv');
      if (signal.aborted) return;
      const url = URL.createObjectURL(blob);
      const save = el('a', { href: url, download: csv.getAttribute('download'), hidden: true });
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      if (!signal.aborted) showError(error, err);
    }
  });

  signal.addEventListener('abort', () => { if (timer) clearTimeout(timer); });
  load();
}

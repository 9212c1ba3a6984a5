// #/rooms?kind=&status=&q=&page=  The room list, filtered, paged and updated live.
import { get } from '../api.js';
import { subscribe } from '../events.js';
import { rememberRoom } from '../room-names.js';
import { creatableKinds, KIND_LABELS, KINDS } from '../roles.js';
import { el, field, hide, showError, statusBadge } from '../ui.js';

const PAGE_SIZE = 20;

function select(id, options, value) {
  return el('select', { id }, options.map(([v, label]) => el('option', { value: v, selected: v === value }, label)));
}

function flash(node) {
  node.classList.remove('fresh');
  void node.offsetWidth; // restart the highlight animation
  node.classList.add('fresh');
}

function roomItem(room) {
  const item = el('li', { dataset: { roomId: room.id, status: room.status } });
  fillRoomItem(item, room);
  return item;
}

function fillRoomItem(item, room) {
  item.dataset.status = room.status;
  item.replaceChildren(
    el('a', { class: 'room-name', href: `#/rooms/${encodeURIComponent(room.id)}` }, room.name),
    el('span', { class: 'room-kind badge' }, KIND_LABELS[room.kind] ?? room.kind),
    el('span', { class: 'room-status' }, statusBadge(room.status)));
}

export function roomsView(root, { user, query, signal }) {
  const state = {
    kind: KINDS.includes(query.get('kind')) ? query.get('kind') : '',
    status: ['OPEN', 'CLOSED'].includes(query.get('status')) ? query.get('status') : '',
    q: query.get('q') ?? '',
    page: Math.max(0, Number.parseInt(query.get('page') ?? '0', 10) || 0),
    total: 0,
  };
  document.title = 'Rooms · MetroHub';

  const kinds = creatableKinds(user);
  const newHref = `#/rooms/new${kinds.includes(state.kind) ? `?kind=${state.kind}` : ''}`;
  const kindSelect = select('filter-kind', [['', 'All kinds'], ...KINDS.map((k) => [k, KIND_LABELS[k]])], state.kind);
  const statusSelect = select('filter-status', [['', 'Any status'], ['OPEN', 'Open'], ['CLOSED', 'Closed']], state.status);
  const search = el('input', { id: 'filter-q', type: 'search', value: state.q, placeholder: 'Room name', autocomplete: 'off' });
  const list = el('ul', { id: 'room-list', class: 'room-list', 'aria-label': 'Rooms' });
  const empty = el('p', { id: 'room-empty', class: 'muted', hidden: true }, 'No rooms match these filters.');
  const error = el('p', { id: 'rooms-error', class: 'error', role: 'alert', hidden: true });
  const prev = el('button', { id: 'prev-page', type: 'button' }, 'Previous');
  const next = el('button', { id: 'next-page', type: 'button' }, 'Next');
  const pageInfo = el('span', { id: 'page-info', 'aria-live': 'polite' });

  root.append(
    el('div', { class: 'page-head' },
      el('h1', { tabindex: '-1' }, 'Rooms'),
      kinds.length ? el('a', { id: 'new-room', class: 'button primary', href: newHref }, 'New room') : null),
    el('form', { class: 'filters', role: 'search', onsubmit: (e) => e.preventDefault() },
      field('Kind', kindSelect), field('Status', statusSelect), field('Search by name', search)),
    error, list, empty,
    el('nav', { class: 'pager', 'aria-label': 'Pages' }, prev, pageInfo, next));

  function pages() {
    return Math.max(1, Math.ceil(state.total / PAGE_SIZE));
  }

  function updatePager() {
    pageInfo.textContent = `Page ${state.page + 1} of ${pages()} · ${state.total} room${state.total === 1 ? '' : 's'}`;
    prev.disabled = state.page === 0;
    next.disabled = state.page + 1 >= pages();
    empty.hidden = list.children.length > 0;
  }

  function params() {
    const p = new URLSearchParams();
    if (state.kind) p.set('kind', state.kind);
    if (state.status) p.set('status', state.status);
    if (state.q.trim()) p.set('q', state.q.trim());
    return p;
  }

  async function load() {
    const visible = params();
    if (state.page) visible.set('page', state.page);
    const shown = visible.toString();
    history.replaceState(null, '', `#/rooms${shown ? `?${shown}` : ''}`);
    const p = params();
    p.set('page', state.page);
    p.set('size', PAGE_SIZE);
    try {
      const answer = await get(`/api/rooms?${p}`);
      if (signal.aborted) return;
      hide(error);
      const items = answer.items ?? [];
      items.forEach((room) => { rememberRoom(room); known.set(room.id, room); });
      state.total = answer.total ?? items.length;
      list.replaceChildren(...items.map(roomItem));
      updatePager();
    } catch (err) {
      if (!signal.aborted) showError(error, err);
    }
  }

  const known = new Map(); // room id -> last known room, so partial updates keep the other fields

  function matches(room) {
    return (!state.kind || room.kind === state.kind)
      && (!state.status || room.status === state.status)
      && (!state.q.trim() || String(room.name).toLowerCase().includes(state.q.trim().toLowerCase()));
  }

  function findItem(id) {
    return [...list.children].find((li) => li.dataset.roomId === id) ?? null;
  }

  const unsubscribe = subscribe((event) => {
    if (!event.type.startsWith('room.')) return;
    if (!event.data.id) return;
    const room = { ...known.get(event.data.id), ...event.data };
    if (event.type === 'room.closed') room.status = 'CLOSED';
    known.set(room.id, room);
    const item = findItem(room.id);
    if (event.type === 'room.created') {
      if (item || state.page !== 0 || !matches(room)) return;
      const created = roomItem(room);
      list.prepend(created);
      flash(created);
      state.total++;
      while (list.children.length > PAGE_SIZE) list.lastElementChild.remove();
      updatePager();
    } else if (item) {
      fillRoomItem(item, room);
      flash(item);
    }
  });
  signal.addEventListener('abort', unsubscribe);

  const refilter = () => { state.page = 0; load(); };
  kindSelect.addEventListener('change', () => { state.kind = kindSelect.value; refilter(); });
  statusSelect.addEventListener('change', () => { state.status = statusSelect.value; refilter(); });
  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.q = search.value; refilter(); }, 300);
  });
  signal.addEventListener('abort', () => clearTimeout(timer));
  prev.addEventListener('click', () => { state.page = Math.max(0, state.page - 1); load(); });
  next.addEventListener('click', () => { state.page++; load(); });

  updatePager();
  load();
}

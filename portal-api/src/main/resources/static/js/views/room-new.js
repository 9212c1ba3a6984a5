// #/rooms/new?kind=  Create a room of a kind the user's role allows.
import { post } from '../api.js';
import { rememberRoom } from '../room-names.js';
import { creatableKinds, KIND_LABELS } from '../roles.js';
import { el, field, hide, showError } from '../ui.js';

export function newRoomView(root, { user, query, navigate }) {
  document.title = 'New room · MetroHub';
  const kinds = creatableKinds(user);
  root.append(el('h1', { tabindex: '-1' }, 'New room'));
  if (!kinds.length) {
    root.append(el('p', { class: 'error', role: 'alert' }, 'Your role cannot create rooms.'),
      el('p', {}, el('a', { href: '#/rooms' }, 'Back to the rooms')));
    return;
  }
  const wanted = query.get('kind');
  const name = el('input', { id: 'room-name', name: 'name', required: true, maxlength: '120', autocomplete: 'off', autofocus: true });
  const kind = el('select', { id: 'room-kind', name: 'kind' },
    kinds.map((k) => el('option', { value: k, selected: k === wanted }, KIND_LABELS[k])));
  const description = el('textarea', { id: 'room-description', name: 'description', rows: '4', maxlength: '2000' });
  const capacity = el('input', { id: 'room-capacity', name: 'capacity', type: 'number', min: '1', max: '500', value: '50', inputmode: 'numeric' });
  const button = el('button', { id: 'create-room', type: 'submit', class: 'primary' }, 'Create room');
  const error = el('div', { id: 'room-error', class: 'error', role: 'alert', hidden: true });

  // novalidate: the server is the judge; its problems are shown in #room-error.
  const form = el('form', { id: 'room-form', class: 'card narrow', novalidate: true },
    field('Name', name, 'Up to 120 characters.'),
    field('Kind', kind),
    field('Description (optional)', description),
    field('Capacity', capacity, 'From 1 to 500 people.'),
    error,
    el('div', { class: 'actions' }, button, el('a', { class: 'button secondary', href: '#/rooms' }, 'Cancel')));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    hide(error);
    const body = { kind: kind.value, name: name.value.trim() };
    if (description.value.trim()) body.description = description.value.trim();
    if (capacity.value.trim()) body.capacity = Number(capacity.value);
    button.disabled = true;
    try {
      const room = await post('/api/rooms', body);
      rememberRoom(room);
      navigate(`/rooms/${encodeURIComponent(room.id)}`);
    } catch (err) {
      showError(error, err);
      button.disabled = false;
    }
  });
  root.append(form);
}

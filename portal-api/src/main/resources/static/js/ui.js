// DOM helpers. Server text only ever goes in as text nodes, never as HTML.
import { ApiError } from './api.js';
import { CLASS_STATUS_LABELS } from './courses.js';

/** el('a', {href: '#/x', class: 'btn', dataset: {id}}, 'text', childNode) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** A label + control pair in a wrapper. */
export function field(labelText, control, hint) {
  const hintNode = hint ? el('small', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return el('div', { class: 'field' }, el('label', { for: control.id }, labelText), control, hintNode);
}

/** A user-facing message for any error; never a stack trace. */
export function describeError(error) {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  const detail = error.detail ? ` ${error.detail}` : '';
  switch (error.status) {
    case 0: return error.detail;
    case 401: return 'Your session has ended. Please sign in again.';
    case 403: return `You are not allowed to do this.${detail}`;
    case 404: return 'Not found. It may have been removed, or the link may be wrong.';
    case 409: return `This conflicts with the current state.${detail}`;
    case 429: return 'Too many attempts. Wait a moment and try again.';
    default:
      if (error.status >= 500) return 'The server ran into a problem. Please try again shortly.';
      return error.detail || error.title;
  }
}

/** Field errors a validation problem may carry (errors / fieldErrors / violations arrays). */
function fieldErrors(error) {
  const p = error?.problem ?? {};
  const list = [p.errors, p.fieldErrors, p.violations, p.invalidParams].find(Array.isArray) ?? [];
  return list.map((item) => {
    if (typeof item !== 'object' || item === null) return String(item);
    const name = item.field ?? item.name ?? item.pointer ?? item.property ?? '';
    const message = item.message ?? item.detail ?? item.reason ?? item.defaultMessage ?? '';
    return name ? `${name}: ${message}` : String(message);
  });
}

export function showError(node, error) {
  node.replaceChildren(describeError(error));
  const items = fieldErrors(error);
  if (items.length) node.append(el('ul', {}, items.map((t) => el('li', {}, t))));
  node.hidden = false;
}

export function hide(node) {
  node.hidden = true;
  node.replaceChildren();
}

export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString();
}

export function formatDateTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}

export function statusBadge(status) {
  return el('span', { class: `badge status-${String(status).toLowerCase()}` }, status === 'CLOSED' ? 'Closed' : 'Open');
}

export function classStatusBadge(status) {
  return el('span', { class: `badge class-status-${String(status).toLowerCase()}` }, CLASS_STATUS_LABELS[status] ?? String(status ?? ''));
}

// #/login
import { login } from '../api.js';
import { describeError, el, field } from '../ui.js';

const DEMO_ROLES = 'admin, official, teacher, student, doctor, patient, security';

export function loginView(root, { query, navigate, onSignedIn }) {
  document.title = 'Sign in · MetroHub';
  const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false', autofocus: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const button = el('button', { id: 'login', type: 'submit', class: 'primary' }, 'Sign in');
  const error = el('p', { id: 'login-error', class: 'error', role: 'alert', hidden: true });

  const form = el('form', { id: 'login-form', class: 'card narrow', novalidate: true },
    el('h1', { tabindex: '-1' }, 'Sign in to MetroHub'),
    field('Username', username),
    field('Password', password),
    query.get('expired') ? el('p', { id: 'login-info', class: 'notice', role: 'status' }, 'Your session has ended. Please sign in again.') : null,
    error,
    el('div', { class: 'actions' }, button),
    el('p', { class: 'hint' },
      `Demo accounts: <role>@riverton or <role>@lakeside, where role is one of ${DEMO_ROLES} `,
      '(for example ', el('code', {}, 'teacher@riverton'), '). The password is ', el('code', {}, 'demo'), '.'));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    button.disabled = true;
    try {
      await login(username.value.trim(), password.value);
      onSignedIn();
      const next = query.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('/login') ? next : '/home');
    } catch (err) {
      error.textContent = err.detail || describeError(err);
      error.hidden = false;
      password.select();
    } finally {
      button.disabled = false;
    }
  });
  root.append(form);
}

// fetch wrapper for /api: bearer token, JSON, RFC 9457 problems as ApiError, one refresh on 401.
import * as session from './session.js';

export class ApiError extends Error {
  constructor(status, title, detail, problem = {}) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
  }
}

const expiryListeners = new Set();
let refreshing = null;

/** Called when the session cannot be renewed; the app then shows the login page. */
export function onSessionExpired(listener) {
  expiryListeners.add(listener);
}

export function expireSession() {
  session.clear();
  for (const listener of expiryListeners) listener();
}

function networkError() {
  return new ApiError(0, 'Network error', 'Cannot reach MetroHub. Check the network connection and try again.');
}

async function toError(response) {
  let problem = {};
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      problem = (await response.json()) ?? {};
    } catch {
      problem = {};
    }
  }
  const title = problem.title || response.statusText || `HTTP ${response.status}`;
  return new ApiError(response.status, title, problem.detail || '', problem);
}

/** Trades the refresh token for new tokens, once for all concurrent callers. Resolves true on success. */
export function refreshTokens() {
  refreshing ??= (async () => {
    const token = session.refreshToken();
    if (!token) return false;
    let response;
    try {
      response = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken: token }),
      });
    } catch {
      throw networkError();
    }
    if (!response.ok) return false;
    session.storeTokens(await response.json());
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export async function request(path, { method = 'GET', body, auth = true, retry = true, accept = 'application/json', blob = false } = {}) {
  const headers = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = auth ? session.accessToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw networkError();
  }
  if (response.status === 401 && auth && retry) {
    // Another call may have refreshed meanwhile; otherwise refresh now.
    if (session.accessToken() !== token || (await refreshTokens())) {
      return request(path, { method, body, auth, retry: false, accept, blob });
    }
    const error = await toError(response);
    expireSession();
    throw error;
  }
  if (!response.ok) throw await toError(response);
  if (blob) return response.blob();
  if (response.status === 204) return null;
  if (!(response.headers.get('Content-Type') ?? '').includes('json')) return null;
  return response.json();
}

export const get = (path) => request(path);
export const post = (path, body) => request(path, { method: 'POST', body });
export const patch = (path, body) => request(path, { method: 'PATCH', body });
export const del = (path) => request(path, { method: 'DELETE' });
/** The body as a Blob (e.g. a CSV report), fetched with the bearer token like any other call. */
export const getBlob = (path, accept = '*/*') => request(path, { accept, blob: true });

export async function login(username, password) {
  const answer = await request('/api/auth/login', { method: 'POST', body: { username, password }, auth: false });
  session.storeTokens(answer);
  if (!answer.user) session.setUser(await get('/api/me'));
  return session.currentUser();
}

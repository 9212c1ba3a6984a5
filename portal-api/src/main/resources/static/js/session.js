// The signed-in session, kept in sessionStorage (per tab, gone when the tab closes).
// Tokens are never put in URLs and never logged.

const KEY = 'metrohub.session';

function read() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) ?? null;
  } catch {
    return null;
  }
}

function write(value) {
  sessionStorage.setItem(KEY, JSON.stringify(value));
}

/** Stores a login or refresh answer: {accessToken, refreshToken, expiresIn, user?}. */
export function storeTokens({ accessToken, refreshToken, expiresIn, user }) {
  const previous = read() ?? {};
  write({
    accessToken,
    refreshToken,
    expiresAt: Date.now() + (Number(expiresIn) || 0) * 1000,
    user: user ?? previous.user ?? null,
  });
}

export function setUser(user) {
  const current = read();
  if (current) write({ ...current, user });
}

export const accessToken = () => read()?.accessToken ?? null;
export const refreshToken = () => read()?.refreshToken ?? null;
export const currentUser = () => read()?.user ?? null;
export const isSignedIn = () => !!accessToken();

export function clear() {
  sessionStorage.removeItem(KEY);
}

// Pure rules of a call: where its signalling socket is, when to try again, how many receive sections to add.

export const MAX_RECONNECT_ATTEMPTS = 5;

/** Server error codes that no retry can cure (docs/media-signalling.md). */
export const FATAL_ERROR_CODES = Object.freeze(['bad-token', 'wrong-room', 'room-unavailable']);

/** Milliseconds to wait before reconnect attempt n (1-based): 1 s, 2 s, 4 s … at most 15 s; null once given up. */
export function reconnectDelay(attempt, { baseMs = 1000, maxMs = 15_000, maxAttempts = MAX_RECONNECT_ATTEMPTS } = {}) {
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > maxAttempts) return null;
  return Math.min(baseMs * 2 ** (attempt - 1), maxMs);
}

export function isFatalError(code) {
  return FATAL_ERROR_CODES.includes(code);
}

/** A REST join refused for good (a 4xx other than 408 and 429) is not retried; network trouble and 5xx are. */
export function isFatalJoinError(error) {
  const status = error?.status;
  return Number.isInteger(status) && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** The join answer's signallingUrl (often a path) as a ws:/wss: address, like the page's http:/https:. */
export function signallingAddress(signallingUrl, pageUrl) {
  if (!signallingUrl) throw new Error('The join answer has no signalling address.');
  const url = new URL(signallingUrl, pageUrl);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new Error(`Unsupported signalling address: ${signallingUrl}`);
  }
  url.hash = '';
  return url.href;
}

/** Receive-only sections per kind among [{direction, kind}] (stopped ones do not count). */
export function countReceiveSections(transceivers) {
  const count = { audio: 0, video: 0 };
  for (const t of transceivers) {
    if (t.direction === 'recvonly' && (t.kind === 'audio' || t.kind === 'video')) count[t.kind] += 1;
  }
  return count;
}

/** How many receive-only sections to add so that there are at least `wanted` per kind; never removes any. */
export function receiveSectionsToAdd(have, wanted) {
  const more = (kind) => Math.max(0, (Number(wanted?.[kind]) || 0) - (have?.[kind] ?? 0));
  return { audio: more('audio'), video: more('video') };
}

/**
 * What to receive in the first offer, before the node has said anything: one audio and one video section per
 * participant already there (their participant-joined messages come before joined). Extra sections are answered
 * inactive and reused later.
 */
export function initialReceiveSections(othersInRoom) {
  const n = Math.max(0, othersInRoom | 0);
  return { audio: n, video: n };
}

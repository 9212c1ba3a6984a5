// Live updates: reads GET /api/events (server-sent events) with fetch and a stream reader,
// because EventSource cannot send the Authorization header. Reconnects with backoff.
import { SseParser } from './sse-parser.js';
import { toPortalEvent } from './cloudevents.js';
import { accessToken } from './session.js';
import { expireSession, refreshTokens } from './api.js';

const subscribers = new Set();
const statusListeners = new Set();
let controller = null;
let lastEventId = '';
let status = 'off';

/** fn(event) for every event: {id, type: "room.updated", fullType, roomId, time, data}. Returns unsubscribe. */
export function subscribe(fn) {
  subscribers.add(fn);
  return () => subscribers.delete(fn);
}

/** fn(status) with status one of off, connecting, live, reconnecting. */
export function onStatus(fn) {
  statusListeners.add(fn);
  fn(status);
  return () => statusListeners.delete(fn);
}

function setStatus(next) {
  status = next;
  for (const fn of statusListeners) fn(next);
}

export function start() {
  if (controller) return;
  controller = new AbortController();
  run(controller.signal);
}

export function stop() {
  controller?.abort();
  controller = null;
  lastEventId = '';
  setStatus('off');
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

function deliver(sse) {
  const event = toPortalEvent(sse);
  if (!event) return;
  for (const fn of subscribers) {
    try {
      fn(event);
    } catch (error) {
      console.error('live event handler failed', error);
    }
  }
}

async function connectOnce(signal, parser, onData) {
  const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${accessToken()}` };
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  const response = await fetch('/api/events', { headers, signal, cache: 'no-store' });
  if (response.status === 401) return 'unauthorized';
  if (!response.ok || !response.body) return 'failed';
  setStatus('live');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return 'ended';
    onData();
    for (const sse of parser.push(value)) deliver(sse);
    lastEventId = parser.lastEventId || lastEventId;
  }
}

async function run(signal) {
  let failures = 0;
  while (!signal.aborted) {
    setStatus(failures === 0 ? 'connecting' : 'reconnecting');
    const parser = new SseParser();
    let outcome;
    try {
      outcome = await connectOnce(signal, parser, () => { failures = 0; });
    } catch {
      outcome = 'failed';
    }
    if (signal.aborted) return;
    if (outcome === 'unauthorized') {
      let renewed = null; // null: the refresh itself could not reach the server; try again later
      try {
        renewed = await refreshTokens();
      } catch {
        renewed = null;
      }
      if (renewed === false) {
        expireSession();
        return;
      }
      if (renewed) failures = 0;
    }
    const base = parser.retry ?? 1000;
    const delay = Math.min(30_000, base * 2 ** failures) * (0.5 + Math.random() / 2);
    failures++;
    setStatus('reconnecting');
    await sleep(delay, signal);
  }
}

// Run with: node --test portal-api/src/main/resources/static/js/media/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  countReceiveSections, initialReceiveSections, isFatalError, isFatalJoinError, MAX_RECONNECT_ATTEMPTS,
  receiveSectionsToAdd, reconnectDelay, signallingAddress,
} from './policy.js';

test('reconnect backoff: 1 s, 2 s, 4 s, 8 s, 15 s, then give up', () => {
  const schedule = [];
  for (let attempt = 1; attempt <= MAX_RECONNECT_ATTEMPTS + 1; attempt++) schedule.push(reconnectDelay(attempt));
  assert.deepEqual(schedule, [1000, 2000, 4000, 8000, 15_000, null]);
  assert.equal(reconnectDelay(0), null);
  assert.equal(reconnectDelay(7, { maxAttempts: 10 }), 15_000, 'never more than 15 s');
});

test('fatal server errors are the ones no retry can cure', () => {
  for (const code of ['bad-token', 'wrong-room', 'room-unavailable']) assert.ok(isFatalError(code), code);
  for (const code of ['flood', 'not-joined', 'bad-offer', 'bad-candidate', undefined]) assert.ok(!isFatalError(code), code);
});

test('a REST join refused with a 4xx is final; network errors, 408, 429 and 5xx are retried', () => {
  assert.ok(isFatalJoinError({ status: 403 }));
  assert.ok(isFatalJoinError({ status: 409 }));
  for (const status of [0, 408, 429, 500, 503, undefined]) assert.ok(!isFatalJoinError({ status }), String(status));
  assert.ok(!isFatalJoinError(new TypeError('fetch failed')));
});

test('signalling address: a path follows the page to ws: or wss:, absolute addresses are kept', () => {
  assert.equal(signallingAddress('/media/rooms/r1/signal', 'https://hub.example/#/rooms/r1'), 'wss://hub.example/media/rooms/r1/signal');
  assert.equal(signallingAddress('/media/rooms/r1/signal', 'http://127.0.0.1:8080/index.html#/x'), 'ws://127.0.0.1:8080/media/rooms/r1/signal');
  assert.equal(signallingAddress('wss://node-2.example/media/rooms/r1/signal', 'http://a.example/'), 'wss://node-2.example/media/rooms/r1/signal');
  assert.equal(signallingAddress('https://node-2.example/s', 'http://a.example/'), 'wss://node-2.example/s');
  assert.throws(() => signallingAddress('', 'http://a.example/'), /no signalling address/);
  assert.throws(() => signallingAddress('ftp://x/y', 'http://a.example/'), /Unsupported/);
});

test('receive sections: counted per kind, only added up to what is wanted, never removed', () => {
  const have = countReceiveSections([
    { direction: 'sendonly', kind: 'audio' }, { direction: 'sendonly', kind: 'video' },
    { direction: 'recvonly', kind: 'audio' }, { direction: 'recvonly', kind: 'video' },
    { direction: 'recvonly', kind: 'video' }, { direction: 'stopped', kind: 'audio' },
  ]);
  assert.deepEqual(have, { audio: 1, video: 2 });
  assert.deepEqual(receiveSectionsToAdd(have, { audio: 3, video: 1 }), { audio: 2, video: 0 });
  assert.deepEqual(receiveSectionsToAdd(have, {}), { audio: 0, video: 0 });
  assert.deepEqual(initialReceiveSections(2), { audio: 2, video: 2 });
  assert.deepEqual(initialReceiveSections(0), { audio: 0, video: 0 });
});

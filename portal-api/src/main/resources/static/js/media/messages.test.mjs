// Run with: node --test portal-api/src/main/resources/static/js/media/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closedMessage, failedMessage, mediaErrorMessage, qualityLabel, reconnectingMessage } from './messages.js';

test('permission denied says what the others miss and what to do', () => {
  assert.equal(mediaErrorMessage({ reason: 'denied', missing: ['audio', 'video'] }),
    'Camera or microphone access was denied — others can\'t see or hear you, but you can still see and hear them. '
    + 'Allow access in the browser and rejoin.');
});

test('a missing device names the device and the effect', () => {
  assert.equal(mediaErrorMessage({ reason: 'not-found', missing: ['video'] }), 'No camera was found — others can hear you but not see you.');
  assert.match(mediaErrorMessage({ reason: 'unavailable', missing: ['audio'] }), /^The microphone is in use .* see you but not hear you\.$/);
  assert.match(mediaErrorMessage({ reason: 'unsupported', missing: ['audio', 'video'] }), /https/);
});

test('connection messages', () => {
  assert.equal(reconnectingMessage({ attempt: 2, maxAttempts: 5 }), 'The connection to the call was lost. Reconnecting (attempt 2 of 5)…');
  assert.match(failedMessage({ code: 'unreachable' }), /could not be restored/);
  assert.match(failedMessage({ code: 'room-unavailable', message: 'The room is full.' }), /not available .* The room is full\.$/);
  assert.equal(closedMessage({ reason: 'room closed' }), 'The call has ended: room closed.');
  assert.equal(closedMessage({}), 'The call has ended.');
  assert.equal(qualityLabel('poor'), 'Connection: poor');
  assert.equal(qualityLabel('whatever'), 'Connection: checking…');
});

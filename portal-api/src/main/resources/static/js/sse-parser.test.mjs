// Run with: node --test portal-api/src/main/resources/static/js/  (not part of the Maven build)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shortType, toPortalEvent } from './cloudevents.js';
import { canManageRoom, creatableKinds } from './roles.js';
import { SseParser } from './sse-parser.js';

const feedAll = (chunks) => {
  const parser = new SseParser();
  return chunks.flatMap((c) => parser.push(c));
};

test('parses event, id and data; a blank line ends the event', () => {
  const events = feedAll(['event: org.metrohub.room.created.v1\nid: e1\ndata: {"a":1}\n\n']);
  assert.deepEqual(events, [{ type: 'org.metrohub.room.created.v1', id: 'e1', data: '{"a":1}' }]);
});

test('ignores comments such as :keepalive and waits for the blank line', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push(':keepalive\n\n'), []);
  assert.deepEqual(parser.push('data: x\n'), []);
  assert.deepEqual(parser.push('\n'), [{ type: 'message', id: '', data: 'x' }]);
});

test('joins multi-line data with LF and strips only one leading space', () => {
  assert.deepEqual(feedAll(['data:  two\ndata:one\n\n'])[0].data, ' two\none');
});

test('handles chunks split anywhere, including inside CRLF', () => {
  const text = 'event: t\r\nid: 7\r\ndata: {"k":"v"}\r\n\r\nevent: u\rdata: second\r\r';
  for (let size = 1; size <= text.length; size++) {
    const chunks = [];
    for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
    assert.deepEqual(feedAll(chunks), [
      { type: 't', id: '7', data: '{"k":"v"}' },
      { type: 'u', id: '7', data: 'second' },
    ], `chunk size ${size}`);
  }
});

test('keeps the last id across events, reads retry, skips a BOM and unknown fields', () => {
  const parser = new SseParser();
  const events = parser.push('\uFEFFid: 1\ndata: a\n\nretry: 2500\nfoo: bar\ndata\n\n');
  assert.deepEqual(events, [{ type: 'message', id: '1', data: 'a' }, { type: 'message', id: '1', data: '' }]);
  assert.equal(parser.retry, 2500);
  assert.equal(parser.lastEventId, '1');
});

test('an event without data is not dispatched and does not leak its type', () => {
  assert.deepEqual(feedAll(['event: lonely\n\ndata: d\n\n']), [{ type: 'message', id: '', data: 'd' }]);
});

test('CloudEvents: short type, room id from subject, bad JSON dropped', () => {
  assert.equal(shortType('org.metrohub.participant.joined.v1'), 'participant.joined');
  const ce = { specversion: '1.0', id: 'x', type: 'org.metrohub.room.closed.v1', subject: 'r1', time: '2025-01-01T00:00:00Z', data: { id: 'r1', name: 'N' } };
  const event = toPortalEvent({ type: ce.type, id: 'x', data: JSON.stringify(ce) });
  assert.equal(event.type, 'room.closed');
  assert.equal(event.roomId, 'r1');
  assert.equal(event.data.name, 'N');
  assert.equal(toPortalEvent({ data: 'not json' }), null);
});

test('roles: creatable kinds and who may manage a room', () => {
  assert.deepEqual(creatableKinds({ roles: ['ADMIN'] }), ['MEETING', 'CONSULTATION', 'CLASS']);
  assert.deepEqual(creatableKinds({ roles: ['TEACHER'] }), ['CLASS']);
  assert.deepEqual(creatableKinds({ roles: ['STUDENT'] }), []);
  assert.ok(canManageRoom({ id: 'u1', roles: ['TEACHER'] }, { createdBy: 'u1' }));
  assert.ok(!canManageRoom({ id: 'u2', roles: ['TEACHER'] }, { createdBy: 'u1' }));
  assert.ok(canManageRoom({ id: 'u2', roles: ['ADMIN'] }, { createdBy: 'u1' }));
});

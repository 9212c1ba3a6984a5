// Run with: node --test portal-api/src/main/resources/static/js/media/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAnswerMuted, applyMuted, participantsModel } from './participants.js';

const roster = new Map([['ann', 'Ann Archer'], ['bob', 'Bob Baker']]);
const transceivers = [
  { mid: '0', currentDirection: 'sendonly', track: 'my-audio' },
  { mid: '1', currentDirection: 'sendonly', track: 'my-video' },
  { mid: '2', currentDirection: 'recvonly', track: 'rx-a2' },
  { mid: '3', currentDirection: 'recvonly', track: 'rx-v3' },
  { mid: '4', currentDirection: 'recvonly', track: 'rx-a4' },
  { mid: '5', currentDirection: 'inactive', track: 'rx-v5' },
  { mid: '10', currentDirection: 'recvonly', track: 'rx-v10' },
];

test('maps each answered mid onto its transceiver track, per participant in roster order', () => {
  const answerTracks = {
    10: { participantId: 'ann', displayName: 'Ann Archer', kind: 'video', muted: false },
    2: { participantId: 'ann', displayName: 'Ann Archer', kind: 'audio', muted: false },
    3: { participantId: 'bob', displayName: 'Bob Baker', kind: 'video', muted: false },
    4: { participantId: 'bob', displayName: 'Bob Baker', kind: 'audio', muted: true },
  };
  const model = participantsModel({ roster, answerTracks, transceivers, muted: applyAnswerMuted(new Map(), answerTracks) });
  assert.deepEqual(model.map((p) => p.participantId), ['ann', 'bob']);
  const [ann, bob] = model;
  assert.equal(ann.audioTrack, 'rx-a2');
  assert.equal(ann.videoTrack, 'rx-v10');
  assert.deepEqual(ann.mids, { audio: ['2'], video: ['10'] });
  assert.equal(bob.audioTrack, 'rx-a4');
  assert.equal(bob.videoTrack, 'rx-v3');
  assert.deepEqual(bob.muted, { audio: true, video: false });
  assert.equal(bob.displayName, 'Bob Baker');
});

test('sections answered inactive or missing from the answer carry nothing', () => {
  const answerTracks = {
    5: { participantId: 'ann', kind: 'video', muted: false }, // answered inactive
    9: { participantId: 'ann', kind: 'audio', muted: false }, // no such transceiver
  };
  const [ann, bob] = participantsModel({ roster, answerTracks, transceivers });
  assert.equal(ann.videoTrack, null);
  assert.equal(ann.audioTrack, null);
  assert.deepEqual(ann.mids, { audio: [], video: [] });
  assert.equal(bob.videoTrack, null, 'mid 3 receives but the answer does not list it');
});

test('a second video of one participant (a screen share) comes after the camera, in mid order', () => {
  const answerTracks = {
    10: { participantId: 'ann', kind: 'video', muted: false },
    3: { participantId: 'ann', kind: 'video', muted: false },
  };
  const [ann] = participantsModel({ roster, answerTracks, transceivers });
  assert.deepEqual(ann.videoTracks, ['rx-v3', 'rx-v10']);
  assert.equal(ann.videoTrack, 'rx-v3');
});

test('someone on the roster without tracks has a tile; tracks of someone who left are dropped', () => {
  const answerTracks = { 2: { participantId: 'cyd', displayName: 'Cyd', kind: 'audio', muted: false } };
  const model = participantsModel({ roster: new Map([['ann', 'Ann Archer']]), answerTracks, transceivers });
  assert.deepEqual(model.map((p) => [p.participantId, p.audioTrack, p.videoTrack]), [['ann', null, null]]);
});

test('mute flags: from the answer per kind, then from muted messages', () => {
  let muted = applyAnswerMuted(new Map(), {
    2: { participantId: 'ann', kind: 'audio', muted: true },
    3: { participantId: 'ann', kind: 'video', muted: false },
  });
  assert.deepEqual(muted.get('ann'), { audio: true, video: false });
  muted = applyMuted(muted, { participantId: 'ann', kind: 'video', muted: true });
  muted = applyMuted(muted, { participantId: 'bob', kind: 'audio', muted: true });
  assert.deepEqual(muted.get('ann'), { audio: true, video: true });
  assert.deepEqual(muted.get('bob'), { audio: true, video: false });
  assert.equal(applyMuted(muted, { participantId: 'bob', kind: 'screen', muted: true }), muted, 'unknown kinds ignored');
});

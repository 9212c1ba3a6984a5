// Run with: node --test portal-api/src/main/resources/static/js/media/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NegotiationQueue } from './negotiation-queue.js';

/** A round that stays in flight until release() is called. */
function gatedRounds() {
  const log = [];
  let inFlight = 0;
  let release = null;
  const run = async () => {
    inFlight += 1;
    log.push(`start ${inFlight}`);
    await new Promise((resolve) => { release = resolve; });
    inFlight -= 1;
    log.push('end');
  };
  return { log, run, release: () => release?.(), get inFlight() { return inFlight; } };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('never runs two rounds at once; requests during a round collapse into one more round', async () => {
  const rounds = gatedRounds();
  const queue = new NegotiationQueue(rounds.run);
  const first = queue.request();
  await tick();
  assert.equal(queue.busy, true);
  const second = queue.request();
  const third = queue.request();
  assert.equal(second, third, 'requests while one round is in flight share the follow-up round');
  await tick();
  assert.deepEqual(rounds.log, ['start 1'], 'nothing starts while the first round is in flight');
  rounds.release();
  await first;
  await tick();
  assert.deepEqual(rounds.log, ['start 1', 'end', 'start 1']);
  rounds.release();
  await second;
  assert.deepEqual(rounds.log, ['start 1', 'end', 'start 1', 'end']);
  await tick();
  assert.equal(queue.busy, false);
});

test('a failed round goes to onError, rejects its waiters, and the next request still runs', async () => {
  const errors = [];
  let calls = 0;
  const queue = new NegotiationQueue(async () => {
    calls += 1;
    if (calls === 1) throw new Error('bad-offer');
  }, { onError: (e) => errors.push(e.message) });
  await assert.rejects(queue.request(), /bad-offer/);
  assert.deepEqual(errors, ['bad-offer']);
  await queue.request();
  assert.equal(calls, 2);
});

test('after close() no round starts and a waiting request is released', async () => {
  const rounds = gatedRounds();
  const queue = new NegotiationQueue(rounds.run);
  queue.request();
  await tick();
  const waiting = queue.request();
  queue.close();
  await waiting; // settles without running
  rounds.release();
  await tick();
  await queue.request();
  assert.deepEqual(rounds.log, ['start 1', 'end']);
});

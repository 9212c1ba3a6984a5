// Run with: node --test portal-api/src/main/resources/static/js/media/
// MediaCall against in-memory stand-ins for the browser (WebSocket, RTCPeerConnection, media devices, timers):
// the signalling protocol of docs/media-signalling.md, message by message, without a browser or a server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MediaCall, SIMULCAST_ENCODINGS } from './call.js';

const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

class FakeClock {
  now = 0;
  #next = 1;
  #timers = new Map();
  setTimeout = (fn, ms) => this.#add(fn, ms, 0);
  setInterval = (fn, ms) => this.#add(fn, ms, ms);
  clearTimeout = (id) => this.#timers.delete(id);
  clearInterval = (id) => this.#timers.delete(id);
  #add(fn, ms, every) {
    const id = this.#next++;
    this.#timers.set(id, { at: this.now + ms, fn, every });
    return id;
  }

  /** Delays of the pending one-shot timers, soonest first. */
  pending() {
    return [...this.#timers.values()].filter((t) => !t.every).map((t) => t.at - this.now).sort((a, b) => a - b);
  }

  async advance(ms) {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.now = timer.at;
      if (timer.every) timer.at += timer.every;
      else this.#timers.delete(id);
      timer.fn();
      await flush();
    }
    this.now = until;
  }
}

let trackIds = 0;
class FakeTrack extends EventTarget {
  constructor(kind) {
    super();
    this.kind = kind;
    this.id = `${kind}-${++trackIds}`;
    this.enabled = true;
    this.readyState = 'live';
  }

  stop() { this.readyState = 'ended'; }
}

class FakeStream {
  constructor(tracks = []) { this.tracks = tracks; }
  getTracks() { return [...this.tracks]; }
  getVideoTracks() { return this.tracks.filter((t) => t.kind === 'video'); }
}

class FakeSocket {
  static all = [];
  readyState = 0;
  sent = [];
  constructor(url) {
    this.url = url;
    FakeSocket.all.push(this);
  }

  static get last() { return FakeSocket.all.at(-1); }
  send(text) { this.sent.push(JSON.parse(text)); }
  close() { if (this.readyState !== 3) { this.readyState = 3; queueMicrotask(() => this.onclose?.({ code: 1000 })); } }
  open() { this.readyState = 1; this.onopen?.(); }
  receive(message) { this.onmessage?.({ data: JSON.stringify(message) }); }
  drop(code = 1006) { this.readyState = 3; this.onclose?.({ code }); }
  ofType(type) { return this.sent.filter((m) => m.type === type); }
}

/**
 * Mids are given out at createOffer in transceiver order. An answer's sdp is the test's own shorthand:
 * "inactive:5,6" answers those receive sections inactive.
 */
class FakePeerConnection {
  static all = [];
  signalingState = 'stable';
  connectionState = 'new';
  iceConnectionState = 'new';
  localDescription = null;
  transceivers = [];
  offers = 0;
  closed = false;
  constructor(config) {
    this.config = config;
    FakePeerConnection.all.push(this);
  }

  static get last() { return FakePeerConnection.all.at(-1); }
  addTransceiver(trackOrKind, init = {}) {
    const kind = typeof trackOrKind === 'string' ? trackOrKind : trackOrKind.kind;
    const sender = { track: typeof trackOrKind === 'string' ? null : trackOrKind, replaceTrack: async (t) => { sender.track = t; } };
    const t = {
      mid: null, direction: init.direction ?? 'sendrecv', currentDirection: null, init, sender,
      receiver: { track: new FakeTrack(kind) },
    };
    this.transceivers.push(t);
    return t;
  }

  getTransceivers() { return [...this.transceivers]; }
  async createOffer() {
    if (this.signalingState !== 'stable') throw new Error(`InvalidStateError: offer in ${this.signalingState}`);
    this.offers += 1;
    this.transceivers.forEach((t, i) => { t.mid ??= String(i); });
    return { type: 'offer', sdp: `offer ${this.offers}: ${this.transceivers.map((t) => `${t.mid}=${t.direction}`).join(' ')}` };
  }

  async setLocalDescription(description) {
    if (description.type === 'rollback') {
      this.signalingState = 'stable';
      return;
    }
    this.localDescription = description;
    this.signalingState = 'have-local-offer';
  }

  async setRemoteDescription({ sdp }) {
    const inactive = new Set((/inactive:([\d,]+)/.exec(sdp)?.[1] ?? '').split(',').filter(Boolean));
    for (const t of this.transceivers) {
      const answered = { sendonly: 'sendonly', recvonly: 'recvonly', inactive: 'inactive', sendrecv: 'sendrecv' }[t.direction];
      t.currentDirection = inactive.has(t.mid) ? 'inactive' : answered;
    }
    this.signalingState = 'stable';
  }

  async getStats() {
    return new Map([
      ['T', { id: 'T', type: 'transport', selectedCandidatePairId: 'P' }],
      ['P', { id: 'P', type: 'candidate-pair', localCandidateId: 'L', remoteCandidateId: 'R', currentRoundTripTime: 0.02 }],
      ['L', { id: 'L', type: 'local-candidate', address: '127.0.0.1', port: 5000, protocol: 'udp', candidateType: 'host' }],
      ['R', { id: 'R', type: 'remote-candidate', address: '127.0.0.1', port: 10000, protocol: 'udp', candidateType: 'host' }],
      ['I', { id: 'I', type: 'inbound-rtp', kind: 'audio', mid: '2', packetsReceived: 100, bytesReceived: 9000, packetsLost: 0, totalAudioEnergy: 0.1 }],
    ]);
  }

  close() { this.closed = true; this.connectionState = 'closed'; }
  candidate(line) { this.onicecandidate?.({ candidate: { candidate: line } }); }
  setConnectionState(state) { this.connectionState = state; this.onconnectionstatechange?.(); }
}

function setup({ getUserMedia, join } = {}) {
  FakeSocket.all = [];
  FakePeerConnection.all = [];
  const clock = new FakeClock();
  const tickets = [];
  const env = {
    WebSocket: FakeSocket,
    RTCPeerConnection: FakePeerConnection,
    MediaStream: FakeStream,
    location: { href: 'https://portal.test/#/rooms/r1' },
    navigator: {
      mediaDevices: {
        getUserMedia: getUserMedia ?? (async (c) => new FakeStream(['audio', 'video'].filter((k) => c[k]).map((k) => new FakeTrack(k)))),
        getDisplayMedia: async () => new FakeStream([new FakeTrack('video')]),
      },
    },
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    setInterval: clock.setInterval,
    clearInterval: clock.clearInterval,
  };
  const call = new MediaCall({
    roomId: 'r1',
    env,
    video: { width: 320, height: 180 },
    join: join ?? (async () => {
      tickets.push(`token-${tickets.length + 1}`);
      return { roomId: 'r1', roomToken: tickets.at(-1), expiresIn: 120, role: 'PARTICIPANT', signallingUrl: '/media/rooms/r1/signal' };
    }),
  });
  const events = [];
  for (const type of ['state', 'media-error', 'joined', 'tracks', 'reconnecting', 'failed', 'closed', 'left', 'quality', 'speaker', 'error']) {
    call.addEventListener(type, (e) => events.push({ type, ...e.detail }));
  }
  const of = (type) => events.filter((e) => e.type === type);
  return { call, env, clock, tickets, events, of };
}

/** Start, open the socket, let Bea be there already, receive `joined`. */
async function joinedCall(options) {
  const ctx = setup(options);
  await ctx.call.start();
  await flush();
  FakeSocket.last.open();
  FakeSocket.last.receive({ type: 'participant-joined', participantId: 'bea', displayName: 'Bea' });
  FakeSocket.last.receive({ type: 'joined', participantId: 'me', displayName: 'Me' });
  await flush();
  return ctx;
}

test('joins with the token over ws: next to the page, then offers audio and simulcast camera as one connection', async () => {
  const { call, env, tickets, of } = await joinedCall();
  const ws = FakeSocket.last;
  assert.equal(ws.url, 'wss://portal.test/media/rooms/r1/signal');
  assert.deepEqual(ws.sent[0], { type: 'join', token: tickets[0] });
  assert.equal(env.metrohubCall, call);
  assert.deepEqual(of('joined')[0], { type: 'joined', participantId: 'me', displayName: 'Me' });

  assert.equal(FakePeerConnection.all.length, 1);
  const pc = FakePeerConnection.last;
  assert.deepEqual(pc.config, { bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require', iceServers: [] });
  const [audio, video, ...receive] = pc.transceivers;
  assert.equal(audio.direction, 'sendonly');
  assert.equal(audio.sender.track.kind, 'audio');
  assert.equal(video.direction, 'sendonly');
  assert.deepEqual(video.init.sendEncodings, [
    { rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
    { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
    { rid: 'f', maxBitrate: 1_500_000 },
  ]);
  assert.deepEqual(video.init.sendEncodings, SIMULCAST_ENCODINGS);
  assert.deepEqual(receive.map((t) => [t.receiver.track.kind, t.direction]), [['audio', 'recvonly'], ['video', 'recvonly']],
    'one receive section per kind for Bea, who was there before us');
  assert.equal(ws.ofType('offer').length, 1);
  assert.match(ws.ofType('offer')[0].sdp, /^offer 1: 0=sendonly 1=sendonly 2=recvonly 3=recvonly$/);
});

test('the answer maps mids to participants; sections answered inactive are not in the model', async () => {
  const { of } = await joinedCall();
  const pc = FakePeerConnection.last;
  FakeSocket.last.receive({
    type: 'answer', sdp: 'answer inactive:3',
    tracks: {
      2: { participantId: 'bea', displayName: 'Bea', kind: 'audio', muted: true },
      3: { participantId: 'bea', displayName: 'Bea', kind: 'video', muted: false },
    },
  });
  await flush();
  const [bea] = of('tracks').at(-1).participants;
  assert.equal(bea.participantId, 'bea');
  assert.equal(bea.displayName, 'Bea');
  assert.equal(bea.audioTrack, pc.transceivers[2].receiver.track);
  assert.equal(bea.videoTrack, null, 'mid 3 was answered inactive');
  assert.deepEqual(bea.muted, { audio: true, video: false });

  FakeSocket.last.receive({ type: 'muted', participantId: 'bea', kind: 'audio', muted: false });
  assert.deepEqual(of('tracks').at(-1).participants[0].muted, { audio: false, video: false });
  FakeSocket.last.receive({ type: 'participant-left', participantId: 'bea' });
  assert.deepEqual(of('tracks').at(-1).participants, []);
});

test('candidates wait for the first answer, then trickle; renegotiate during an offer waits for its answer', async () => {
  await joinedCall();
  const ws = FakeSocket.last;
  const pc = FakePeerConnection.last;
  pc.candidate('candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host');
  pc.onicecandidate({ candidate: null }); // end of candidates
  assert.equal(ws.ofType('candidate').length, 0, 'no candidate before the node has the offer answered');

  ws.receive({ type: 'renegotiate', audio: 2, video: 3 });
  ws.receive({ type: 'renegotiate', audio: 2, video: 3 });
  await flush();
  assert.equal(ws.ofType('offer').length, 1, 'never two offers in flight');

  ws.receive({ type: 'answer', sdp: 'answer', tracks: {} });
  await flush();
  assert.deepEqual(ws.ofType('candidate'), [{ type: 'candidate', candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host' }]);
  assert.equal(ws.ofType('offer').length, 2, 'one more offer for both renegotiates');
  assert.match(ws.ofType('offer')[1].sdp, /2=recvonly 3=recvonly 4=recvonly 5=recvonly 6=recvonly$/);
  ws.receive({ type: 'answer', sdp: 'answer', tracks: {} });
  await flush();
  assert.equal(ws.ofType('offer').length, 2);

  pc.candidate('candidate:2 1 udp 1 127.0.0.1 50001 typ host');
  assert.equal(ws.ofType('candidate').length, 2, 'after the first answer, candidates go out at once');
  ws.receive({ type: 'renegotiate', audio: 1, video: 1 });
  await flush();
  assert.match(ws.ofType('offer')[2].sdp, /6=recvonly$/, 'receive sections are reused, never removed');
  assert.equal(pc.transceivers.length, 7);
});

test('a refused offer is rolled back and the call goes on', async () => {
  const { call, of } = await joinedCall();
  const pc = FakePeerConnection.last;
  FakeSocket.last.receive({ type: 'error', code: 'bad-offer', message: 'no opus' });
  await flush();
  assert.equal(pc.signalingState, 'stable');
  assert.deepEqual(of('error').map((e) => e.code), ['bad-offer']);
  assert.equal(of('reconnecting').length, 0);
  FakeSocket.last.receive({ type: 'renegotiate', audio: 1, video: 1 });
  await flush();
  assert.equal(FakeSocket.last.ofType('offer').length, 2);
  assert.equal(call.state, 'connecting');
});

test('mute and unmute: the track is disabled and the node is told', async () => {
  const { call } = await joinedCall();
  const ws = FakeSocket.last;
  const [audio, video] = FakePeerConnection.last.transceivers;
  call.setAudioMuted(true);
  call.setVideoMuted(true);
  assert.equal(audio.sender.track.enabled, false);
  assert.equal(video.sender.track.enabled, false);
  call.setAudioMuted(false);
  assert.equal(audio.sender.track.enabled, true);
  assert.deepEqual(ws.ofType('mute'), [
    { type: 'mute', kind: 'audio', muted: true }, { type: 'mute', kind: 'video', muted: true },
    { type: 'mute', kind: 'audio', muted: false },
  ]);
});

test('a moderator mute turns the track off; a held one refuses unmuting until released', async () => {
  const { call, events } = await joinedCall();
  const ws = FakeSocket.last;
  const [audio] = FakePeerConnection.last.transceivers;
  for (const type of ['force-muted', 'mute-held', 'mute-released']) {
    call.addEventListener(type, (e) => events.push({ type, ...e.detail }));
  }
  ws.receive({ type: 'force-mute', kind: 'audio', hold: true, by: 'mod' });
  assert.equal(audio.sender.track.enabled, false);
  assert.equal(call.audioMuted, true);
  assert.equal(call.audioHeld, true);
  assert.equal(call.setAudioMuted(false), false);
  assert.equal(audio.sender.track.enabled, false);
  assert.deepEqual(ws.ofType('mute'), [], 'nothing to tell the node: it muted us');
  ws.receive({ type: 'mute-released', kind: 'audio', by: 'mod' });
  assert.equal(call.audioHeld, false);
  assert.equal(call.setAudioMuted(false), true);
  assert.equal(audio.sender.track.enabled, true);
  assert.deepEqual(ws.ofType('mute'), [{ type: 'mute', kind: 'audio', muted: false }]);
  assert.deepEqual(events.filter((e) => ['force-muted', 'mute-held', 'mute-released'].includes(e.type)), [
    { type: 'force-muted', kind: 'audio', hold: true, by: 'mod' }, { type: 'mute-held', kind: 'audio' },
    { type: 'mute-released', kind: 'audio', by: 'mod' },
  ]);
});

test('moderate sends the action; room-locked and room-unlocked set locked', async () => {
  const { call } = await joinedCall();
  const ws = FakeSocket.last;
  assert.equal(call.isModerator, false);
  assert.equal(call.locked, false);
  assert.equal(call.moderate('mute', { participantId: 'bea', kind: 'audio', hold: true }), true);
  call.moderate('lock');
  assert.deepEqual(ws.ofType('moderate'), [
    { type: 'moderate', action: 'mute', participantId: 'bea', kind: 'audio', hold: true },
    { type: 'moderate', action: 'lock' },
  ]);
  ws.receive({ type: 'room-locked', by: 'mod' });
  assert.equal(call.locked, true);
  ws.receive({ type: 'room-unlocked', by: 'mod' });
  assert.equal(call.locked, false);
});

test('raiseHand sends hand; hands keeps the queue in order and says whether my hand is up', async () => {
  const { call } = await joinedCall();
  const ws = FakeSocket.last;
  const seen = [];
  call.addEventListener('hands', (event) => seen.push(event.detail));
  assert.equal(call.raiseHand(true), true);
  call.moderate('lower-hand', { participantId: 'bea' });
  assert.deepEqual(ws.ofType('hand'), [{ type: 'hand', raised: true }]);
  assert.deepEqual(ws.ofType('moderate'), [{ type: 'moderate', action: 'lower-hand', participantId: 'bea' }]);
  assert.equal(call.handRaised, false);
  ws.receive({ type: 'hands', queue: [
    { participantId: 'bea', displayName: 'Bea', raisedAt: '2026-01-01T10:00:00Z' },
    { participantId: 'me', displayName: 'Me', raisedAt: '2026-01-01T10:00:01Z' },
  ] });
  assert.deepEqual(call.hands.map((h) => h.participantId), ['bea', 'me']);
  assert.equal(call.handRaised, true);
  assert.equal(seen.at(-1).raised, true);
  ws.receive({ type: 'hands', queue: [{ participantId: 'bea', displayName: 'Bea', raisedAt: '2026-01-01T10:00:00Z' }] });
  assert.equal(call.handRaised, false);
  assert.equal(seen.length, 2);
});

test('screen share adds one sendonly video section; stopping makes it inactive, sharing again reuses it', async () => {
  const { call } = await joinedCall();
  const ws = FakeSocket.last;
  const pc = FakePeerConnection.last;
  ws.receive({ type: 'answer', sdp: 'answer', tracks: {} });
  await flush();
  assert.equal(await call.startScreenShare(), true);
  await flush();
  assert.match(ws.ofType('offer')[1].sdp, /4=sendonly$/);
  const screen = pc.transceivers[4];
  assert.equal(screen.init.sendEncodings, undefined, 'no simulcast for the screen');
  ws.receive({ type: 'answer', sdp: 'answer', tracks: {} });
  await flush();

  call.stopScreenShare();
  await flush();
  assert.equal(screen.sender.track, null);
  assert.match(ws.ofType('offer')[2].sdp, /4=inactive$/);
  ws.receive({ type: 'answer', sdp: 'answer', tracks: {} });
  await flush();

  await call.startScreenShare();
  await flush();
  assert.equal(pc.transceivers.length, 5, 'the screen section is reused');
  assert.match(ws.ofType('offer')[3].sdp, /4=sendonly$/);
  assert.equal(screen.sender.track.kind, 'video');
});

test('camera or microphone denied: a media-error, and the call goes on receive-only', async () => {
  const denied = Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
  const { call, of } = await joinedCall({ getUserMedia: async () => { throw denied; } });
  assert.deepEqual(of('media-error').map((e) => [e.reason, e.missing]), [['denied', ['audio', 'video']]]);
  assert.equal(call.localStream, null);
  assert.match(FakeSocket.last.ofType('offer')[0].sdp, /^offer 1: 0=recvonly 1=recvonly$/);
});

test('no camera: the microphone alone is used and the camera is reported missing', async () => {
  const getUserMedia = async (c) => {
    if (c.video) throw Object.assign(new Error('no camera'), { name: 'NotFoundError' });
    return new FakeStream([new FakeTrack('audio')]);
  };
  const { call, of } = await joinedCall({ getUserMedia });
  assert.deepEqual(of('media-error').map((e) => [e.reason, e.missing]), [['not-found', ['video']]]);
  assert.equal(call.hasAudio, true);
  assert.equal(call.hasVideo, false);
  assert.match(FakeSocket.last.ofType('offer')[0].sdp, /^offer 1: 0=sendonly 1=recvonly 2=recvonly$/);
});

test('a lost socket reconnects from scratch with a fresh token; connected resets the backoff', async () => {
  const { call, clock, tickets, of } = await joinedCall();
  const firstPc = FakePeerConnection.last;
  firstPc.setConnectionState('connected');
  assert.equal(call.state, 'connected');
  FakeSocket.last.drop(1006);
  assert.equal(call.state, 'reconnecting');
  assert.equal(firstPc.closed, true);
  assert.deepEqual(of('reconnecting').map((e) => [e.attempt, e.delayMs]), [[1, 1000]]);
  assert.equal(FakeSocket.all.length, 1, 'waits before trying again');
  await clock.advance(1000);
  assert.equal(tickets.length, 2);
  assert.equal(FakeSocket.all.length, 2);
  FakeSocket.last.open();
  assert.deepEqual(FakeSocket.last.sent[0], { type: 'join', token: 'token-2' });
  FakeSocket.last.receive({ type: 'joined', participantId: 'me', displayName: 'Me' });
  await flush();
  assert.equal(FakePeerConnection.all.length, 2, 'a new peer connection');
  FakePeerConnection.last.setConnectionState('connected');
  assert.equal(call.state, 'connected');

  FakePeerConnection.last.setConnectionState('failed');
  assert.deepEqual(of('reconnecting').map((e) => [e.attempt, e.delayMs]), [[1, 1000], [1, 1000]],
    'after a connection the count starts again');
});

test('gives up after five attempts at 1, 2, 4, 8 and 15 s with a failed event', async () => {
  let joins = 0;
  const { call, clock, of } = setup({ join: async () => { joins += 1; throw Object.assign(new Error('offline'), { status: 0 }); } });
  await call.start();
  await flush();
  for (let i = 0; i < 5; i++) await clock.advance(of('reconnecting').at(-1).delayMs);
  assert.deepEqual(of('reconnecting').map((e) => e.delayMs), [1000, 2000, 4000, 8000, 15_000]);
  assert.equal(joins, 6);
  assert.equal(call.state, 'failed');
  assert.equal(of('failed')[0].code, 'unreachable');
  assert.deepEqual(clock.pending(), []);
});

test('a fatal server error ends the call without retrying and releases the camera', async () => {
  const { call, clock, tickets, of } = await joinedCall();
  const camera = FakePeerConnection.last.transceivers[1].sender.track;
  FakeSocket.last.receive({ type: 'error', code: 'room-unavailable', message: 'The room is closed.' });
  FakeSocket.last.drop(1008);
  await clock.advance(60_000);
  assert.equal(call.state, 'failed');
  assert.deepEqual(of('failed').map((e) => e.code), ['room-unavailable']);
  assert.equal(of('reconnecting').length, 0);
  assert.equal(tickets.length, 1);
  assert.equal(camera.readyState, 'ended');
});

test('closed by the node: a closed event and no reconnect', async () => {
  const { call, clock, of } = await joinedCall();
  FakeSocket.last.receive({ type: 'closed', reason: 'room closed' });
  FakeSocket.last.drop(1000);
  await clock.advance(60_000);
  assert.deepEqual(of('closed').map((e) => e.reason), ['room closed']);
  assert.equal(call.state, 'closed');
  assert.equal(of('reconnecting').length, 0);
});

test('leave tells the node, closes everything and forgets window.metrohubCall', async () => {
  const { call, env, of } = await joinedCall();
  const ws = FakeSocket.last;
  const pc = FakePeerConnection.last;
  const mic = pc.transceivers[0].sender.track;
  call.leave();
  assert.deepEqual(ws.sent.at(-1), { type: 'leave' });
  assert.equal(ws.readyState, 3);
  assert.equal(pc.closed, true);
  assert.equal(mic.readyState, 'ended');
  assert.equal(env.metrohubCall, undefined);
  assert.equal(call.state, 'closed');
  assert.equal(of('left').length, 1);
  await flush();
  assert.equal(of('reconnecting').length, 0, 'our own close is no reason to reconnect');
});

test('an unanswered offer is a lost connection', async () => {
  const { clock, of } = await joinedCall();
  await clock.advance(15_000);
  assert.equal(of('reconnecting').length, 1);
  assert.match(of('reconnecting')[0].reason, /no answer/);
});

test('stats() and quality: JSON-able summary with remote tracks mapped to participants, sampled every 2 s', async () => {
  const { call, clock, of } = await joinedCall();
  FakeSocket.last.receive({ type: 'answer', sdp: 'answer', tracks: { 2: { participantId: 'bea', displayName: 'Bea', kind: 'audio', muted: false } } });
  await flush();
  FakePeerConnection.last.setConnectionState('connected');
  const stats = await call.stats();
  assert.equal(stats.participantId, 'me');
  assert.equal(stats.connectionState, 'connected');
  assert.deepEqual(stats.selectedPair.remote, { address: '127.0.0.1', port: 10000, protocol: 'udp', candidateType: 'host' });
  assert.deepEqual(stats.remote.map((r) => [r.participantId, r.kind, r.mid]), [['bea', 'audio', '2']]);
  await clock.advance(2000);
  assert.deepEqual(of('quality').map((q) => q.level), ['good']);
});

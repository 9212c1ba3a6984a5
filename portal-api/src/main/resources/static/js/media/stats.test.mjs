// Run with: node --test portal-api/src/main/resources/static/js/media/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyQuality, qualitySample, summarizeStats } from './stats.js';

// Shaped like Chromium's RTCStatsReport entries (webrtc-stats), trimmed to what the summary reads.
const report = [
  { id: 'T01', type: 'transport', selectedCandidatePairId: 'CP1' },
  { id: 'CP0', type: 'candidate-pair', localCandidateId: 'L2', remoteCandidateId: 'R1', state: 'failed' },
  { id: 'CP1', type: 'candidate-pair', localCandidateId: 'L1', remoteCandidateId: 'R1', state: 'succeeded', nominated: true, currentRoundTripTime: 0.012 },
  { id: 'L1', type: 'local-candidate', address: '127.0.0.1', port: 50123, protocol: 'udp', candidateType: 'host' },
  { id: 'L2', type: 'local-candidate', address: '10.0.0.9', port: 50124, protocol: 'udp', candidateType: 'host' },
  { id: 'R1', type: 'remote-candidate', address: '127.0.0.1', port: 10000, protocol: 'udp', candidateType: 'host' },
  { id: 'OV-h', type: 'outbound-rtp', kind: 'video', rid: 'h', mid: '1', framesEncoded: 90, packetsSent: 300, frameWidth: 640 },
  { id: 'OV-q', type: 'outbound-rtp', kind: 'video', rid: 'q', mid: '1', framesEncoded: 90, packetsSent: 120, frameWidth: 320 },
  { id: 'OA', type: 'outbound-rtp', kind: 'audio', mid: '0', packetsSent: 500 },
  { id: 'IV', type: 'inbound-rtp', kind: 'video', mid: '3', trackIdentifier: 'tv', packetsReceived: 400, bytesReceived: 400_000, framesDecoded: 88, frameWidth: 1280, frameHeight: 720, packetsLost: 4 },
  { id: 'IA', type: 'inbound-rtp', kind: 'audio', trackIdentifier: 'ta', packetsReceived: 250, bytesReceived: 20_000, totalAudioEnergy: 0.25, packetsLost: 0 },
];
const tracks = { 2: { participantId: 'ann', kind: 'audio' }, 3: { participantId: 'ann', kind: 'video' } };

test('summary: selected pair, outbound layers by rid, inbound mapped by mid (or track id) to participants', () => {
  const summary = summarizeStats(report, {
    participantId: 'me', connectionState: 'connected', iceState: 'connected', tracks, midByTrackId: { ta: '2' },
  });
  assert.equal(summary.participantId, 'me');
  assert.deepEqual(summary.selectedPair, {
    local: { address: '127.0.0.1', port: 50123, protocol: 'udp', candidateType: 'host' },
    remote: { address: '127.0.0.1', port: 10000, protocol: 'udp', candidateType: 'host' },
    currentRoundTripTime: 0.012,
  });
  assert.deepEqual(summary.outbound.map((o) => [o.kind, o.rid, o.frameWidth]), [['audio', null, null], ['video', 'h', 640], ['video', 'q', 320]]);
  assert.deepEqual(summary.remote[0], {
    participantId: 'ann', kind: 'audio', mid: '2', packetsReceived: 250, bytesReceived: 20_000, framesDecoded: null,
    frameWidth: null, frameHeight: null, totalAudioEnergy: 0.25, packetsLost: 0,
  });
  assert.equal(summary.remote[1].participantId, 'ann');
  assert.equal(summary.remote[1].frameHeight, 720);
  assert.deepEqual(JSON.parse(JSON.stringify(summary)), summary, 'plain JSON');
});

test('summary without a transport entry falls back to the nominated, succeeded pair', () => {
  const summary = summarizeStats(report.filter((s) => s.type !== 'transport'));
  assert.equal(summary.selectedPair.local.port, 50123);
  assert.equal(summarizeStats([]).selectedPair, null);
});

test('loss is measured between samples; counters that restart count from zero', () => {
  const first = qualitySample(null, { remote: [{ packetsLost: 10, packetsReceived: 990 }] });
  assert.equal(first.lossFraction, 0.01);
  const second = qualitySample(first.totals, {
    selectedPair: { currentRoundTripTime: 0.05 }, remote: [{ packetsLost: 20, packetsReceived: 1080 }],
  });
  assert.equal(second.lossFraction, 0.1); // 10 lost of 100 since the first sample
  assert.equal(second.rtt, 0.05);
  const restarted = qualitySample(second.totals, { remote: [{ packetsLost: 0, packetsReceived: 50 }] });
  assert.equal(restarted.lossFraction, 0);
  assert.equal(qualitySample(null, { remote: [] }).lossFraction, null);
});

test('quality: good, fair and poor by round-trip time and loss', () => {
  assert.equal(classifyQuality({ rtt: 0.03, lossFraction: 0 }), 'good');
  assert.equal(classifyQuality({ rtt: 0.03, lossFraction: null }), 'good');
  assert.equal(classifyQuality({ rtt: 0.2, lossFraction: 0 }), 'fair');
  assert.equal(classifyQuality({ rtt: 0.05, lossFraction: 0.03 }), 'fair');
  assert.equal(classifyQuality({ rtt: 0.45, lossFraction: 0 }), 'poor');
  assert.equal(classifyQuality({ rtt: null, lossFraction: 0.1 }), 'poor');
  assert.equal(classifyQuality({}), 'unknown');
});

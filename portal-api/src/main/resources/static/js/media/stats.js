// getStats() → a small JSON summary, and the connection-quality verdict drawn from two summaries in a row.

const num = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const byMid = (a, b) => String(a.mid).localeCompare(String(b.mid), 'en', { numeric: true });

function candidate(stat) {
  if (!stat) return null;
  return {
    address: stat.address ?? stat.ip ?? null,
    port: num(stat.port),
    protocol: stat.protocol ?? null,
    candidateType: stat.candidateType ?? null,
  };
}

/** The candidate pair in use: the transport's selectedCandidatePairId, else one marked selected or nominated. */
function selectedPair(stats, byId) {
  const transport = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId);
  const pair = (transport && byId.get(transport.selectedCandidatePairId))
    ?? stats.find((s) => s.type === 'candidate-pair' && s.selected)
    ?? stats.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
  if (!pair) return null;
  return {
    local: candidate(byId.get(pair.localCandidateId)),
    remote: candidate(byId.get(pair.remoteCandidateId)),
    currentRoundTripTime: num(pair.currentRoundTripTime),
  };
}

/**
 * @param stats  the RTCStatsReport's values
 * @param info   {participantId, connectionState, iceState, tracks: answer mid → {participantId, kind},
 *               midByTrackId: receiver track id → mid, for browsers whose inbound-rtp has no mid}
 */
export function summarizeStats(stats, { participantId = null, connectionState = null, iceState = null, tracks = {},
  midByTrackId = {} } = {}) {
  const list = [...stats];
  const byId = new Map(list.map((s) => [s.id, s]));
  const outbound = list.filter((s) => s.type === 'outbound-rtp').map((s) => ({
    kind: s.kind ?? s.mediaType ?? null,
    rid: s.rid ?? null,
    framesEncoded: num(s.framesEncoded),
    packetsSent: num(s.packetsSent),
    frameWidth: num(s.frameWidth),
  })).sort((a, b) => `${a.kind}/${a.rid}`.localeCompare(`${b.kind}/${b.rid}`));
  const remote = list.filter((s) => s.type === 'inbound-rtp').map((s) => {
    const trackIdentifier = s.trackIdentifier ?? byId.get(s.trackId)?.trackIdentifier;
    const mid = s.mid ?? midByTrackId[trackIdentifier] ?? null;
    const owner = mid != null ? tracks[mid] : null;
    return {
      participantId: owner?.participantId ?? null,
      kind: s.kind ?? s.mediaType ?? owner?.kind ?? null,
      mid,
      packetsReceived: num(s.packetsReceived),
      bytesReceived: num(s.bytesReceived),
      framesDecoded: num(s.framesDecoded),
      frameWidth: num(s.frameWidth),
      frameHeight: num(s.frameHeight),
      totalAudioEnergy: num(s.totalAudioEnergy),
      packetsLost: num(s.packetsLost),
    };
  }).sort(byMid);
  return { participantId, connectionState, iceState, selectedPair: selectedPair(list, byId), outbound, remote };
}

/**
 * Round-trip time and the share of packets lost since the previous sample. `previous` is the last result's
 * `totals` (or null); counters that went backwards (a new peer connection) count from zero.
 */
export function qualitySample(previous, summary) {
  let lost = 0;
  let received = 0;
  for (const r of summary?.remote ?? []) {
    lost += Math.max(0, r.packetsLost ?? 0);
    received += r.packetsReceived ?? 0;
  }
  const before = previous && previous.lost <= lost && previous.received <= received ? previous : { lost: 0, received: 0 };
  const newLost = lost - before.lost;
  const newReceived = received - before.received;
  return {
    rtt: summary?.selectedPair?.currentRoundTripTime ?? null,
    lossFraction: newLost + newReceived > 0 ? newLost / (newLost + newReceived) : null,
    totals: { lost, received },
  };
}

/** good: RTT under 150 ms and under 2 % lost; poor: RTT of 400 ms or more, or 8 % or more lost; fair between. */
export function classifyQuality({ rtt = null, lossFraction = null } = {}) {
  if (rtt == null && lossFraction == null) return 'unknown';
  const r = rtt ?? 0;
  const l = lossFraction ?? 0;
  if (r >= 0.4 || l >= 0.08) return 'poor';
  if (r >= 0.15 || l >= 0.02) return 'fair';
  return 'good';
}

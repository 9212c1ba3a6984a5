// The model of what this browser receives, per participant, rebuilt from the room's roster, the last answer's
// `tracks` (mid → whose track) and the peer connection's transceivers. Pure: tracks are passed through as given.

const byMid = (a, b) => String(a).localeCompare(String(b), 'en', { numeric: true });

const RECEIVING = new Set(['recvonly', 'sendrecv']);

/** Mute flags after an answer: each track the answer lists says whether its owner has muted that kind. */
export function applyAnswerMuted(muted, answerTracks) {
  const next = new Map([...muted].map(([id, flags]) => [id, { ...flags }]));
  for (const track of Object.values(answerTracks ?? {})) {
    if (!track?.participantId || (track.kind !== 'audio' && track.kind !== 'video')) continue;
    const flags = next.get(track.participantId) ?? { audio: false, video: false };
    flags[track.kind] = Boolean(track.muted);
    next.set(track.participantId, flags);
  }
  return next;
}

/** Mute flags after a `muted` message. */
export function applyMuted(muted, { participantId, kind, muted: value }) {
  if (!participantId || (kind !== 'audio' && kind !== 'video')) return muted;
  const next = new Map(muted);
  next.set(participantId, { audio: false, video: false, ...muted.get(participantId), [kind]: Boolean(value) });
  return next;
}

/**
 * One entry per participant on the roster, in roster order:
 * {participantId, displayName, audioTrack, videoTrack, videoTracks, mids: {audio, video}, muted: {audio, video}}.
 * A mid counts only if the answer lists it and its transceiver receives (a section answered inactive, or one the
 * answer does not list, carries nothing). Tracks of someone not on the roster (already left) are left out.
 *
 * @param roster        Map participantId → displayName
 * @param answerTracks  {mid: {participantId, displayName, kind, muted}}
 * @param transceivers  [{mid, currentDirection, track}]
 * @param muted         Map participantId → {audio, video}
 */
export function participantsModel({ roster, answerTracks = {}, transceivers = [], muted = new Map() }) {
  const live = new Map();
  for (const t of transceivers) {
    if (t.mid != null && RECEIVING.has(t.currentDirection) && t.track) live.set(String(t.mid), t.track);
  }
  const model = new Map();
  for (const [participantId, displayName] of roster) {
    model.set(participantId, {
      participantId,
      displayName: displayName ?? '',
      audioTrack: null,
      videoTrack: null,
      videoTracks: [],
      mids: { audio: [], video: [] },
      muted: { audio: false, video: false, ...muted.get(participantId) },
    });
  }
  for (const mid of Object.keys(answerTracks).sort(byMid)) {
    const info = answerTracks[mid];
    const entry = model.get(info?.participantId);
    const track = live.get(mid);
    if (!entry || !track || (info.kind !== 'audio' && info.kind !== 'video')) continue;
    if (!entry.displayName && info.displayName) entry.displayName = info.displayName;
    entry.mids[info.kind].push(mid);
    if (info.kind === 'audio') entry.audioTrack ??= track;
    else entry.videoTracks.push(track);
  }
  for (const entry of model.values()) entry.videoTrack = entry.videoTracks[0] ?? null;
  return [...model.values()];
}

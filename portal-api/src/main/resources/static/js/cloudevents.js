// Small pure helpers for the CloudEvents the portal receives.

/** "org.metrohub.room.updated.v1" -> "room.updated". */
export function shortType(type) {
  return String(type ?? '').replace(/^org\.metrohub\./, '').replace(/\.v\d+$/, '');
}

/** Turns one parsed SSE event into the portal's event object, or null if it is not a CloudEvent. */
export function toPortalEvent(sse) {
  let ce;
  try {
    ce = JSON.parse(sse.data);
  } catch {
    return null;
  }
  if (!ce || typeof ce !== 'object') return null;
  const fullType = ce.type || sse.type;
  const data = ce.data && typeof ce.data === 'object' ? ce.data : {};
  return {
    id: ce.id || sse.id,
    type: shortType(fullType),
    fullType,
    roomId: ce.subject || data.roomId || data.id || null,
    time: ce.time || new Date().toISOString(),
    data,
  };
}

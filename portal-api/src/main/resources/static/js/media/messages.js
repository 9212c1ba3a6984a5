// What the call tells the user, as sentences. Pure, so the wording is tested without a browser.

export const PERMISSION_DENIED = 'Camera or microphone access was denied — others can\'t see or hear you, but you '
  + 'can still see and hear them. Allow access in the browser and rejoin.';

const STILL_RECEIVING = 'but you can still see and hear them';

function missingPart(missing) {
  const audio = missing.includes('audio');
  const video = missing.includes('video');
  if (audio && video) return { what: 'camera or microphone', effect: `others can't see or hear you, ${STILL_RECEIVING}` };
  if (video) return { what: 'camera', effect: 'others can hear you but not see you' };
  return { what: 'microphone', effect: 'others can see you but not hear you' };
}

/** The alert for a MediaCall 'media-error' event's detail {reason, missing}. */
export function mediaErrorMessage({ reason, missing = ['audio', 'video'] } = {}) {
  if (reason === 'denied') return PERMISSION_DENIED;
  const { what, effect } = missingPart(missing);
  switch (reason) {
    case 'not-found': return `No ${what} was found — ${effect}.`;
    case 'unsupported': return `This page cannot use the ${what} (it needs a secure https address) — ${effect}.`;
    default: return `The ${what} is in use by another program or not working — ${effect}.`;
  }
}

/** The alert while reconnecting: {attempt, maxAttempts}. */
export function reconnectingMessage({ attempt, maxAttempts } = {}) {
  const which = attempt && maxAttempts ? ` (attempt ${attempt} of ${maxAttempts})` : '';
  return `The connection to the call was lost. Reconnecting${which}…`;
}

/** The alert when the call has failed for good: {code, message}. */
export function failedMessage({ code, message } = {}) {
  const detail = message ? ` ${message}` : '';
  switch (code) {
    case 'bad-token':
    case 'wrong-room':
      return 'The call did not accept your room pass. Leave and join the room again.';
    case 'room-unavailable':
      return `Audio and video are not available in this room right now.${detail}`;
    case 'join-refused':
      return `You can no longer join this room's call.${detail}`;
    case 'unreachable':
      return 'The call connection failed and could not be restored. Check the network connection, then leave and '
        + 'join again.';
    default:
      return `The call connection failed.${detail}`;
  }
}

/** The alert when the node ended the call: {reason}. */
export function closedMessage({ reason } = {}) {
  return reason ? `The call has ended: ${reason}.` : 'The call has ended.';
}

const QUALITY = { good: 'good', fair: 'fair', poor: 'poor', unknown: 'checking…' };

export function qualityLabel(level) {
  return `Connection: ${QUALITY[level] ?? QUALITY.unknown}`;
}

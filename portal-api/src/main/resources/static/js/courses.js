// Courses and classes: who manages what, labels and time conversions (docs/api.md, Courses and Classes). Pure.
import { hasAnyRole } from './roles.js';

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
export const DAY_LABELS = {
  MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday',
  FRIDAY: 'Friday', SATURDAY: 'Saturday', SUNDAY: 'Sunday',
};
export const CLASS_STATUS_LABELS = { SCHEDULED: 'Scheduled', LIVE: 'Live', ENDED: 'Ended' };

/** The course's teacher and the tenant's ADMINs manage a course; its students only see it. */
export function canManageCourse(user, course) {
  return hasAnyRole(user, ['ADMIN']) || (!!user?.id && course?.teacherId === user.id);
}

/** Only the course's teacher plans classes. */
export function canPlanClasses(user, course) {
  return !!user?.id && course?.teacherId === user.id;
}

/** "Monday 09:00, 45 min (Europe/Oslo)" */
export function describeSlot(slot) {
  const day = DAY_LABELS[slot?.dayOfWeek] ?? slot?.dayOfWeek ?? '';
  return `${day} ${slot?.start ?? ''}, ${slot?.durationMinutes ?? ''} min (${slot?.zone ?? ''})`;
}

/** A datetime-local value ("2026-09-01T08:00", local wall-clock time) as an ISO-8601 instant; '' if not a time. */
export function localToInstant(value) {
  if (!value) return '';
  const date = new Date(value); // no zone in the string: the browser's local time, as the control shows it
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** A Date as a datetime-local value in local time, minutes precision. */
export function instantToLocal(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The browser's IANA time zone, for new schedule slots. */
export function localZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The portal address a student opens to accept an invite: the token goes in the hash, never to the server. */
export function inviteUrl(base, token) {
  return `${base}#/invites/${encodeURIComponent(token)}`;
}

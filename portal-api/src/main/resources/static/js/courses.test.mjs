// node --test portal-api/src/main/resources/static/js/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canManageCourse, canPlanClasses, describeSlot, instantToLocal, inviteUrl, localToInstant } from './courses.js';

const course = { id: 'c1', teacherId: 'u-teacher' };

test('the course teacher and ADMINs manage a course; a student does not', () => {
  assert.equal(canManageCourse({ id: 'u-teacher', roles: ['TEACHER'] }, course), true);
  assert.equal(canManageCourse({ id: 'u-admin', roles: ['ADMIN'] }, course), true);
  assert.equal(canManageCourse({ id: 'u-other', roles: ['TEACHER'] }, course), false);
  assert.equal(canManageCourse({ id: 'u-student', roles: ['STUDENT'] }, course), false);
  assert.equal(canManageCourse({ roles: [] }, { teacherId: undefined }), false);
});

test('only the course teacher plans classes, not an ADMIN', () => {
  assert.equal(canPlanClasses({ id: 'u-teacher', roles: ['TEACHER'] }, course), true);
  assert.equal(canPlanClasses({ id: 'u-admin', roles: ['ADMIN'] }, course), false);
});

test('a datetime-local value becomes the ISO instant of that local wall-clock time', () => {
  const local = '2026-09-01T08:30';
  const instant = localToInstant(local);
  assert.match(instant, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
  assert.equal(new Date(instant).getTime(), new Date(2026, 8, 1, 8, 30).getTime());
  assert.equal(instantToLocal(new Date(instant)), local);
  assert.equal(localToInstant(''), '');
  assert.equal(localToInstant('not a time'), '');
});

test('a schedule slot reads as day, time, length and zone', () => {
  assert.equal(describeSlot({ dayOfWeek: 'MONDAY', start: '09:00', durationMinutes: 45, zone: 'Europe/Oslo' }),
    'Monday 09:00, 45 min (Europe/Oslo)');
});

test('the invite token goes in the hash of the portal address', () => {
  assert.equal(inviteUrl('http://127.0.0.1:8080/', 'abc-_DEF'), 'http://127.0.0.1:8080/#/invites/abc-_DEF');
});

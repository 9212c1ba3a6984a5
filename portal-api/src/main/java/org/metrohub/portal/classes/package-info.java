/**
 * Courses and their classes, on the rules of {@code org.metrohub.elearning.course}: courses with a teacher, a
 * weekly schedule and enrolled students (added by the teacher or through time-limited invite links whose
 * tokens are stored only as hashes), and classes, scheduled live lessons each backed by a room of kind
 * {@code CLASS} that is created through {@link org.metrohub.portal.rooms.RoomService} (so the room events flow).
 * {@link org.metrohub.portal.classes.ClassRoomAccess} plugs into rooms' join as a
 * {@link org.metrohub.portal.rooms.RoomAccessPolicy}: only the course's members, and only while the class is live.
 *
 * <pre>
 *  POST /api/courses/{id}/classes ─▶ RoomService.create(CLASS) + course_class (SCHEDULED), one transaction
 *  POST /api/classes/{id}/start   ─▶ LIVE: members' joins are let through
 *  POST /api/rooms/{room}/join    ─▶ RoomService ─▶ ClassRoomAccess: 403 not a member, 409 not started
 *  POST /api/classes/{id}/end     ─▶ RoomService.close + ENDED, one transaction
 * </pre>
 */
package org.metrohub.portal.classes;

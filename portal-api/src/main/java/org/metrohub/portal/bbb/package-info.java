/**
 * The BigBlueButton-compatible API over HTTP, so that LMS plugins written for BigBlueButton drive MetroHub rooms:
 * {@code BbbController} serves {@code /bigbluebutton/api/{call}} with the elearning library's dispatcher (checksum,
 * parameters, XML), {@code RoomMeetings} implements its {@code BbbApi} with rooms of one tenant, and
 * {@code BbbMeetingStore} keeps the LMS's meeting ids in {@code bbb_meeting}.
 *
 * <pre>
 *   LMS ─ GET /bigbluebutton/api/create?…&amp;checksum= ─ BbbDispatcher ─ RoomMeetings ─ RoomService (room) + bbb_meeting
 *   browser ─ GET …/join?… ─ 302 /#/join/{guest ticket} ─ POST /api/auth/guest ─ access token for that room only
 * </pre>
 */
package org.metrohub.portal.bbb;

package org.metrohub.elearning.bbb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test fixture: meetings in a map, the create time from a settable clock, joins that send the browser to
 * {@code https://hub.example/rooms/<internal id>?role=<ROLE>} (standing in for the MetroHub room page) and refuse
 * once {@code maxParticipants} attendees are in.
 */
final class InMemoryBbbApi implements BbbApi {
  final Map<String, BbbMeeting> meetings = new LinkedHashMap<>();
  final List<BbbRecording> recordings = new ArrayList<>();
  final List<String> ended = new ArrayList<>();
  final List<JoinMeetingRequest> joins = new ArrayList<>();
  long nowMillis = 1_700_000_000_000L;
  private int nextUser = 1;

  @Override
  public synchronized Created create(CreateMeetingRequest request) {
    BbbMeeting existing = meetings.get(request.meetingID());
    if (existing != null && !existing.forciblyEnded()) {
      return new Created(existing, false);
    }
    BbbMeeting meeting = new BbbMeeting(request.name(), request.meetingID(),
        BbbMeeting.internalMeetingId(request.meetingID(), nowMillis), BbbMeeting.NO_PARENT, request.attendeePW(),
        request.moderatorPW(), nowMillis, Integer.toString(request.voiceBridge().orElse(70000 + meetings.size())),
        request.dialNumber(), false, request.duration(), false, request.record(), false, 0, 0,
        request.maxParticipants(), List.of(), request.metadata());
    meetings.put(request.meetingID(), meeting);
    return new Created(meeting, true);
  }

  @Override
  public synchronized Optional<BbbMeeting> findMeeting(String meetingID) {
    return Optional.ofNullable(meetings.get(meetingID));
  }

  @Override
  public synchronized JoinOutcome join(BbbMeeting meeting, JoinMeetingRequest request, BbbRole role) {
    if (meeting.maxUsers() > 0 && meeting.attendees().size() >= meeting.maxUsers()) {
      return new Refused(BbbError.MAX_PARTICIPANTS_REACHED);
    }
    joins.add(request);
    String internalUser = "w_user" + nextUser++;
    List<BbbAttendee> attendees = new ArrayList<>(meeting.attendees());
    attendees.add(new BbbAttendee(request.userID().orElse(internalUser), request.fullName(), role,
        attendees.isEmpty(), false, false, false, "HTML5", request.userData()));
    meetings.put(meeting.meetingID(), new BbbMeeting(meeting.meetingName(), meeting.meetingID(),
        meeting.internalMeetingID(), meeting.parentMeetingID(), meeting.attendeePW(), meeting.moderatorPW(),
        meeting.createTime(), meeting.voiceBridge(), meeting.dialNumber(), true, meeting.duration(), true,
        meeting.recording(), false, meeting.startTime() == 0 ? nowMillis : meeting.startTime(), 0,
        meeting.maxUsers(), attendees, meeting.metadata()));
    return new Joined("https://hub.example/rooms/" + meeting.internalMeetingID() + "?role=" + role, internalUser,
        "auth-" + internalUser, "session-" + internalUser);
  }

  @Override
  public synchronized void end(BbbMeeting meeting) {
    ended.add(meeting.meetingID());
    meetings.put(meeting.meetingID(), new BbbMeeting(meeting.meetingName(), meeting.meetingID(),
        meeting.internalMeetingID(), meeting.parentMeetingID(), meeting.attendeePW(), meeting.moderatorPW(),
        meeting.createTime(), meeting.voiceBridge(), meeting.dialNumber(), false, meeting.duration(),
        meeting.hasUserJoined(), meeting.recording(), true, meeting.startTime(), nowMillis, meeting.maxUsers(),
        List.of(), meeting.metadata()));
  }

  @Override
  public synchronized List<BbbMeeting> meetings() {
    return List.copyOf(meetings.values());
  }

  @Override
  public synchronized List<BbbRecording> recordings(GetRecordingsRequest request) {
    return recordings.stream()
        .filter(r -> request.meetingIDs().isEmpty() || request.meetingIDs().contains(r.meetingID()))
        .toList();
  }
}

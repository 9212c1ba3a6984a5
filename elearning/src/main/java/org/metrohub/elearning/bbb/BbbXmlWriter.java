package org.metrohub.elearning.bbb;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.metrohub.elearning.bbb.internal.XmlOut;

/**
 * BigBlueButton's XML answers, element for element as bbb-web's FreeMarker templates write them
 * ({@code bigbluebutton-web/src/main/webapp/WEB-INF/freemarker/*.ftlx}) and the API reference shows them. Every
 * answer is a {@code <response>} starting with {@code <returncode>SUCCESS|FAILED</returncode>}.
 */
public final class BbbXmlWriter {
  public static final String SUCCESS = "SUCCESS";
  public static final String FAILED = "FAILED";

  /** bbb-web prints {@code createDate} with {@code java.util.Date.toString()}: "Mon Jul 09 17:03:29 UTC 2018". */
  private final DateTimeFormatter createDate;

  /** @param zone the zone of {@code createDate} (bbb-web: the server's, usually UTC) */
  public BbbXmlWriter(ZoneId zone) {
    this.createDate = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US)
        .withZone(Objects.requireNonNull(zone));
  }

  /** {@code createDate} of a meeting created at {@code createTime} milliseconds since the epoch. */
  public String createDate(long createTime) {
    return createDate.format(Instant.ofEpochMilli(createTime));
  }

  /** {@code FAILED} with a message key (bbb-web's {@code api-error.ftlx}). */
  public String error(BbbError error) {
    return new XmlOut().start("response")
        .element("returncode", FAILED)
        .element("messageKey", error.messageKey())
        .element("message", error.message())
        .end().finish();
  }

  /**
   * {@code create}'s answer ({@code create-meeting.ftlx}); {@code messageKey} and {@code message} are always
   * present, empty for a new meeting, {@code duplicateWarning} for a repeated create.
   */
  public String create(BbbMeeting meeting, String messageKey, String message) {
    XmlOut xml = new XmlOut().start("response")
        .element("returncode", SUCCESS)
        .element("meetingID", meeting.meetingID())
        .element("internalMeetingID", meeting.internalMeetingID())
        .element("parentMeetingID", meeting.parentMeetingID());
    passwords(xml, meeting);
    return xml.element("createTime", meeting.createTime())
        .element("voiceBridge", meeting.voiceBridge())
        .element("dialNumber", meeting.dialNumber())
        .element("createDate", createDate(meeting.createTime()))
        .element("hasUserJoined", meeting.hasUserJoined())
        .element("duration", meeting.duration())
        .element("hasBeenForciblyEnded", meeting.forciblyEnded())
        .element("messageKey", messageKey)
        .element("message", message)
        .end().finish();
  }

  public String isMeetingRunning(boolean running) {
    return new XmlOut().start("response")
        .element("returncode", SUCCESS)
        .element("running", running)
        .end().finish();
  }

  /** {@code end}'s answer: {@code sentEndMeetingRequest}, with bbb-web's message. */
  public String end() {
    return new XmlOut().start("response")
        .element("returncode", SUCCESS)
        .element("messageKey", "sentEndMeetingRequest")
        .element("message", "A request to end the meeting was sent.  Please wait a few seconds, and then use the "
            + "getMeetingInfo or isMeetingRunning API calls to verify that it was ended.")
        .end().finish();
  }

  /** {@code getMeetingInfo} ({@code get-meeting-info.ftlx}). */
  public String meetingInfo(BbbMeeting meeting) {
    XmlOut xml = new XmlOut().start("response").element("returncode", SUCCESS);
    meetingBody(xml, meeting);
    return xml.end().finish();
  }

  /** {@code getMeetings} ({@code get-meetings.ftlx}): the list, or {@code <meetings/>} and {@code noMeetings}. */
  public String meetings(List<BbbMeeting> meetings) {
    XmlOut xml = new XmlOut().start("response").element("returncode", SUCCESS);
    if (meetings.isEmpty()) {
      return xml.empty("meetings")
          .element("messageKey", "noMeetings")
          .element("message", "no meetings were found on this server")
          .end().finish();
    }
    xml.start("meetings");
    for (BbbMeeting meeting : meetings) {
      xml.start("meeting");
      meetingBody(xml, meeting);
      xml.end();
    }
    return xml.end().end().finish();
  }

  /**
   * {@code join} with {@code redirect=false} ({@code join-meeting.ftlx}): {@code successfullyJoined}, the
   * internal meeting and user ids, tokens, and the URL the browser would have been sent to.
   */
  public String joined(BbbMeeting meeting, BbbApi.Joined joined) {
    return new XmlOut().start("response")
        .element("returncode", SUCCESS)
        .element("messageKey", "successfullyJoined")
        .element("message", "You have joined successfully.")
        .element("meeting_id", meeting.internalMeetingID())
        .element("user_id", joined.internalUserID())
        .element("auth_token", joined.authToken())
        .element("session_token", joined.sessionToken())
        .element("guestStatus", "ALLOW")
        .element("url", joined.url())
        .end().finish();
  }

  /** {@code getRecordings}: the list, or an empty {@code <recordings>} and {@code noRecordings}. */
  public String recordings(List<BbbRecording> recordings) {
    XmlOut xml = new XmlOut().start("response").element("returncode", SUCCESS);
    if (recordings.isEmpty()) {
      return xml.element("recordings", "")
          .element("messageKey", "noRecordings")
          .element("message", "There are no recordings for the meeting(s).")
          .end().finish();
    }
    xml.start("recordings");
    for (BbbRecording recording : recordings) {
      xml.start("recording")
          .element("recordID", recording.recordID())
          .element("meetingID", recording.meetingID())
          .element("internalMeetingID", recording.internalMeetingID())
          .element("name", recording.name())
          .element("isBreakout", recording.breakout())
          .element("published", recording.published())
          .element("state", recording.state())
          .element("startTime", recording.startTime())
          .element("endTime", recording.endTime())
          .element("participants", recording.participants());
      map(xml, "metadata", recording.metadata());
      xml.start("playback");
      for (BbbRecording.Playback format : recording.playback()) {
        xml.start("format")
            .element("type", format.type())
            .element("url", format.url())
            .element("processingTime", format.processingTime())
            .element("length", format.length())
            .end();
      }
      xml.end().end();
    }
    return xml.end().end().finish();
  }

  /** The answer of the API root ({@code /bigbluebutton/api}), which LMS plugins use to test a server. */
  public String version(String apiVersion) {
    return new XmlOut().start("response")
        .element("returncode", SUCCESS)
        .element("version", apiVersion)
        .element("apiVersion", apiVersion)
        .end().finish();
  }

  private void meetingBody(XmlOut xml, BbbMeeting meeting) {
    xml.element("meetingName", meeting.meetingName())
        .element("meetingID", meeting.meetingID())
        .element("internalMeetingID", meeting.internalMeetingID())
        .element("createTime", meeting.createTime())
        .element("createDate", createDate(meeting.createTime()))
        .element("voiceBridge", meeting.voiceBridge())
        .element("dialNumber", meeting.dialNumber());
    passwords(xml, meeting);
    xml.element("running", meeting.running())
        .element("duration", meeting.duration())
        .element("hasUserJoined", meeting.hasUserJoined())
        .element("recording", meeting.recording())
        .element("hasBeenForciblyEnded", meeting.forciblyEnded())
        .element("startTime", meeting.startTime())
        .element("endTime", meeting.endTime())
        .element("participantCount", meeting.participantCount())
        .element("listenerCount", meeting.listenerCount())
        .element("voiceParticipantCount", meeting.voiceParticipantCount())
        .element("videoCount", meeting.videoCount())
        .element("maxUsers", meeting.maxUsers())
        .element("moderatorCount", meeting.moderatorCount());
    if (meeting.attendees().isEmpty()) {
      xml.empty("attendees");
    } else {
      xml.start("attendees");
      for (BbbAttendee attendee : meeting.attendees()) {
        xml.start("attendee")
            .element("userID", attendee.userID())
            .element("fullName", attendee.fullName())
            .element("role", attendee.role().name())
            .element("isPresenter", attendee.presenter())
            .element("isListeningOnly", attendee.listeningOnly())
            .element("hasJoinedVoice", attendee.joinedVoice())
            .element("hasVideo", attendee.hasVideo())
            .element("clientType", attendee.clientType());
        map(xml, "customdata", attendee.customData());
        xml.end();
      }
      xml.end();
    }
    map(xml, "metadata", meeting.metadata());
    xml.element("isBreakout", false);
  }

  /** bbb-web omits a password that is empty. */
  private static void passwords(XmlOut xml, BbbMeeting meeting) {
    if (!meeting.attendeePW().isEmpty()) {
      xml.element("attendeePW", meeting.attendeePW());
    }
    if (!meeting.moderatorPW().isEmpty()) {
      xml.element("moderatorPW", meeting.moderatorPW());
    }
  }

  private static void map(XmlOut xml, String name, Map<String, String> entries) {
    if (entries.isEmpty()) {
      xml.empty(name);
      return;
    }
    xml.start(name);
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      xml.element(entry.getKey(), entry.getValue());
    }
    xml.end();
  }
}

package org.metrohub.elearning.bbb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A meeting as the BigBlueButton API shows it ({@code create}, {@code getMeetingInfo}, {@code getMeetings}).
 * Counts ({@code participantCount}, {@code moderatorCount}, …) are derived from {@link #attendees()}.
 *
 * @param meetingID the LMS's id from {@code create}
 * @param internalMeetingID BigBlueButton's form is {@link #internalMeetingId(String, long)}
 * @param parentMeetingID {@code bbb-none} unless a breakout room (not supported yet)
 * @param createTime milliseconds since the epoch; also what {@code join}'s {@code createTime} must match
 * @param voiceBridge the dial-in PIN (BigBlueButton: five digits)
 * @param duration maximum length in minutes, 0 for none
 * @param startTime milliseconds since the epoch, 0 before the first join
 * @param endTime milliseconds since the epoch, 0 while not ended
 * @param maxUsers {@code maxParticipants} of {@code create}, 0 for no limit
 * @param metadata the {@code meta_*} parameters of {@code create}, names lower-cased without the prefix
 */
public record BbbMeeting(String meetingName, String meetingID, String internalMeetingID, String parentMeetingID,
                         String attendeePW, String moderatorPW, long createTime, String voiceBridge,
                         String dialNumber, boolean running, int duration, boolean hasUserJoined, boolean recording,
                         boolean forciblyEnded, long startTime, long endTime, int maxUsers,
                         List<BbbAttendee> attendees, Map<String, String> metadata) {
  /** {@code parentMeetingID} of a meeting that is not a breakout room. */
  public static final String NO_PARENT = "bbb-none";

  public BbbMeeting {
    Objects.requireNonNull(meetingName);
    Objects.requireNonNull(meetingID);
    Objects.requireNonNull(internalMeetingID);
    Objects.requireNonNull(parentMeetingID);
    Objects.requireNonNull(attendeePW);
    Objects.requireNonNull(moderatorPW);
    Objects.requireNonNull(voiceBridge);
    Objects.requireNonNull(dialNumber);
    attendees = List.copyOf(attendees);
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /**
   * BigBlueButton's internal meeting id: the SHA-1 hex of the external id, a dash, the create time in
   * milliseconds (e.g. {@code Test} created at 1531155809613 →
   * {@code 640ab2bae07bedc4c163f679a746f7ab7fb5d1fa-1531155809613}, as in the API reference's example).
   */
  public static String internalMeetingId(String meetingID, long createTime) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(meetingID.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest) + "-" + createTime;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
  }

  public int participantCount() {
    return attendees.size();
  }

  public int listenerCount() {
    int count = 0;
    for (BbbAttendee attendee : attendees) {
      count += attendee.listeningOnly() ? 1 : 0;
    }
    return count;
  }

  public int voiceParticipantCount() {
    int count = 0;
    for (BbbAttendee attendee : attendees) {
      count += attendee.joinedVoice() ? 1 : 0;
    }
    return count;
  }

  public int videoCount() {
    int count = 0;
    for (BbbAttendee attendee : attendees) {
      count += attendee.hasVideo() ? 1 : 0;
    }
    return count;
  }

  public int moderatorCount() {
    int count = 0;
    for (BbbAttendee attendee : attendees) {
      count += attendee.role() == BbbRole.MODERATOR ? 1 : 0;
    }
    return count;
  }

  /** Keeps the passwords out of logs. */
  @Override
  public String toString() {
    return "BbbMeeting[meetingID=" + meetingID + ", internalMeetingID=" + internalMeetingID + ", running=" + running
        + ", attendees=" + attendees.size() + "]";
  }
}

package org.metrohub.elearning.bbb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code create}. Passwords the LMS did not send (or sent empty) are generated as bbb-web does (eight random
 * letters and digits), and flagged, because a repeated {@code create} is a {@code duplicateWarning} only when it
 * sends the meeting's passwords or none at all.
 *
 * @param maxParticipants 0 for no limit
 * @param duration maximum length in minutes, 0 for none
 * @param voiceBridge the dial-in PIN the LMS asked for; empty lets the server choose
 * @param dialNumber the LMS's {@code dialNumber}, else the configured default
 * @param metadata {@code meta_<name>} parameters: names lower-cased (as bbb-web stores them) without the prefix
 */
public record CreateMeetingRequest(String meetingID, String name, String attendeePW, boolean attendeePWGenerated,
                                   String moderatorPW, boolean moderatorPWGenerated, Optional<String> welcome,
                                   int maxParticipants, int duration, boolean record, OptionalInt voiceBridge,
                                   String dialNumber, Optional<String> logoutURL, Map<String, String> metadata)
    implements BbbRequest {
  public CreateMeetingRequest {
    Objects.requireNonNull(meetingID);
    Objects.requireNonNull(name);
    Objects.requireNonNull(attendeePW);
    Objects.requireNonNull(moderatorPW);
    Objects.requireNonNull(welcome);
    Objects.requireNonNull(voiceBridge);
    Objects.requireNonNull(dialNumber);
    Objects.requireNonNull(logoutURL);
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  @Override
  public String callName() {
    return "create";
  }

  /**
   * bbb-web's test for a repeated {@code create}: the same passwords as the existing meeting, or no passwords.
   */
  public boolean repeats(BbbMeeting existing) {
    if (attendeePWGenerated && moderatorPWGenerated) {
      return true;
    }
    return !attendeePWGenerated && !moderatorPWGenerated
        && existing.attendeePW().equals(attendeePW) && existing.moderatorPW().equals(moderatorPW);
  }

  /** Keeps the passwords out of logs. */
  @Override
  public String toString() {
    return "CreateMeetingRequest[meetingID=" + meetingID + ", name=" + name + ", record=" + record + "]";
  }
}

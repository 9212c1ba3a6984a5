package org.metrohub.elearning.bbb;

import java.util.Objects;
import java.util.Optional;

/** {@code end}; the deprecated {@code password}, when sent, must be the moderator password. */
public record EndMeetingRequest(String meetingID, Optional<String> password) implements BbbRequest {
  public EndMeetingRequest {
    Objects.requireNonNull(meetingID);
    Objects.requireNonNull(password);
  }

  @Override
  public String callName() {
    return "end";
  }

  @Override
  public String toString() {
    return "EndMeetingRequest[meetingID=" + meetingID + "]";
  }
}

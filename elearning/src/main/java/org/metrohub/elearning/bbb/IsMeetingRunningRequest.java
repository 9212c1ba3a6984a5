package org.metrohub.elearning.bbb;

import java.util.Objects;

/** {@code isMeetingRunning}. */
public record IsMeetingRunningRequest(String meetingID) implements BbbRequest {
  public IsMeetingRunningRequest {
    Objects.requireNonNull(meetingID);
  }

  @Override
  public String callName() {
    return "isMeetingRunning";
  }
}

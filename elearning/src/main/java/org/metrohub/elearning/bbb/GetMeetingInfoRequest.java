package org.metrohub.elearning.bbb;

import java.util.Objects;

/** {@code getMeetingInfo}. */
public record GetMeetingInfoRequest(String meetingID) implements BbbRequest {
  public GetMeetingInfoRequest {
    Objects.requireNonNull(meetingID);
  }

  @Override
  public String callName() {
    return "getMeetingInfo";
  }
}

package org.metrohub.elearning.bbb;

/** {@code getMeetings}: no parameters since BigBlueButton 0.80. */
public record GetMeetingsRequest() implements BbbRequest {
  @Override
  public String callName() {
    return "getMeetings";
  }
}

package org.metrohub.elearning.bbb;

/** A parsed and validated API call; each record names its call. */
public sealed interface BbbRequest
    permits CreateMeetingRequest, JoinMeetingRequest, EndMeetingRequest, IsMeetingRunningRequest,
    GetMeetingInfoRequest, GetMeetingsRequest, GetRecordingsRequest {

  /** The call name as in the URL and in the checksum, e.g. {@code getMeetingInfo}. */
  String callName();
}

package org.metrohub.elearning.bbb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code <attendee>} of {@code getMeetingInfo} and {@code getMeetings}.
 *
 * @param userID the LMS's {@code userID} from {@code join}, or the server's internal id when it sent none
 * @param clientType {@code HTML5} for a browser, as BigBlueButton reports it
 * @param customData the {@code userdata-*} parameters of {@code join}, names without the prefix, in order
 */
public record BbbAttendee(String userID, String fullName, BbbRole role, boolean presenter, boolean listeningOnly,
                          boolean joinedVoice, boolean hasVideo, String clientType, Map<String, String> customData) {
  public BbbAttendee {
    Objects.requireNonNull(userID);
    Objects.requireNonNull(fullName);
    Objects.requireNonNull(role);
    Objects.requireNonNull(clientType);
    customData = Collections.unmodifiableMap(new LinkedHashMap<>(customData));
  }
}

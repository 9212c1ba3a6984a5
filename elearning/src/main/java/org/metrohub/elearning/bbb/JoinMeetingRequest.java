package org.metrohub.elearning.bbb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code join}. A valid {@code role} wins over {@code password} (BBB 2.4+); the role is resolved against the
 * meeting by {@link BbbDispatcher}.
 *
 * @param role {@code role=moderator|viewer} in any case; an unknown value is ignored, as bbb-web does
 * @param redirect false when the LMS asked for an XML answer instead of a redirect ({@code redirect=false})
 * @param createTime when present, must equal the meeting's, so an old join link cannot enter a new session
 * @param errorRedirectUrl where to send the browser on an error (BBB 2.7 {@code errorRedirectUrl}); only
 *     absolute http(s) URLs are kept
 * @param userData {@code userdata-<name>} parameters, names without the prefix, in order
 */
public record JoinMeetingRequest(String meetingID, String fullName, Optional<String> password,
                                 Optional<BbbRole> role, Optional<String> userID, boolean redirect,
                                 OptionalLong createTime, Optional<String> errorRedirectUrl, boolean guest,
                                 Optional<String> avatarURL, Map<String, String> userData) implements BbbRequest {
  public JoinMeetingRequest {
    Objects.requireNonNull(meetingID);
    Objects.requireNonNull(fullName);
    Objects.requireNonNull(password);
    Objects.requireNonNull(role);
    Objects.requireNonNull(userID);
    Objects.requireNonNull(createTime);
    Objects.requireNonNull(errorRedirectUrl);
    Objects.requireNonNull(avatarURL);
    userData = Collections.unmodifiableMap(new LinkedHashMap<>(userData));
  }

  @Override
  public String callName() {
    return "join";
  }

  /** Keeps the password out of logs. */
  @Override
  public String toString() {
    return "JoinMeetingRequest[meetingID=" + meetingID + ", fullName=" + fullName + ", role=" + role
        + ", userID=" + userID + "]";
  }
}

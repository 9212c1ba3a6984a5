package org.metrohub.elearning.bbb;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The meetings behind the BigBlueButton-compatible API, implemented by portal-api (a BBB meeting is a MetroHub
 * room of kind {@code CLASS}). {@link BbbDispatcher} has already checked the checksum and the parameters, and
 * resolved the joining user's role, when it calls these methods. Calls are synchronous: the portal runs the
 * dispatcher off its event loop. A method may throw {@link BbbApiException} to answer with a BBB error.
 */
public interface BbbApi {

  /**
   * Creates the meeting unless one with the same {@code meetingID} exists and has not ended; atomic, since LMS
   * plugins call {@code create} before every join. The caller decides between {@code duplicateWarning} and
   * {@code idNotUnique} from the passwords.
   */
  Created create(CreateMeetingRequest request);

  /** The meeting with this external {@code meetingID} that has not been removed, if any. */
  Optional<BbbMeeting> findMeeting(String meetingID);

  /**
   * Admits a user with {@code role} (already checked against the meeting's passwords, or given by
   * {@code role=}): returns the MetroHub room page URL to send the browser to, or a refusal such as
   * {@link BbbError#MAX_PARTICIPANTS_REACHED}.
   */
  JoinOutcome join(BbbMeeting meeting, JoinMeetingRequest request, BbbRole role);

  /** Ends the meeting for everyone ({@code end}); the meeting then reports {@code hasBeenForciblyEnded}. */
  void end(BbbMeeting meeting);

  /** Meetings that have not been removed, for {@code getMeetings}. */
  List<BbbMeeting> meetings();

  /** Recordings matching the filters; none until MetroHub records classes. */
  default List<BbbRecording> recordings(GetRecordingsRequest request) {
    return List.of();
  }

  /** The meeting {@code create} answers with, and whether this call created it. */
  record Created(BbbMeeting meeting, boolean isNew) {
    public Created {
      Objects.requireNonNull(meeting);
    }
  }

  /** The result of {@link #join}. */
  sealed interface JoinOutcome permits Joined, Refused {
  }

  /**
   * Admitted: {@code url} is where the browser goes (the MetroHub room page carrying a room token for the role);
   * the ids and tokens appear in the XML answer of {@code redirect=false}.
   */
  record Joined(String url, String internalUserID, String authToken, String sessionToken) implements JoinOutcome {
    public Joined {
      Objects.requireNonNull(url);
      Objects.requireNonNull(internalUserID);
      Objects.requireNonNull(authToken);
      Objects.requireNonNull(sessionToken);
    }

    @Override
    public String toString() {
      return "Joined[internalUserID=" + internalUserID + "]";
    }
  }

  /** Not admitted, with the BBB error to answer. */
  record Refused(BbbError error) implements JoinOutcome {
    public Refused {
      Objects.requireNonNull(error);
    }
  }
}

package org.metrohub.elearning.bbb;

import java.util.Objects;

/**
 * A {@code FAILED} answer: BigBlueButton's {@code messageKey} (stable, what LMS plugins test) and its English
 * {@code message}. The keys and messages below are bbb-web's (its {@code ApiController} and the constraint
 * annotations of bbb-common-web's {@code org.bigbluebutton.api.model}).
 */
public record BbbError(String messageKey, String message) {
  public BbbError {
    Objects.requireNonNull(messageKey);
    Objects.requireNonNull(message);
  }

  public static final BbbError CHECKSUM_MISSING =
      new BbbError("checksumError", "You must provide the checksum");
  public static final BbbError CHECKSUM_MISMATCH =
      new BbbError("checksumError", "Checksums do not match");
  public static final BbbError MISSING_MEETING_ID =
      new BbbError("missingParamMeetingID", "You must provide a meeting ID");
  public static final BbbError MEETING_ID_SIZE =
      new BbbError("sizeError", "Meeting ID must be between 2 and 256 characters");
  public static final BbbError MEETING_ID_COMMA =
      new BbbError("validationError", "Meeting ID cannot contain ','");
  public static final BbbError MEETING_ID_INVALID =
      new BbbError("validationError", "Invalid meeting ID");
  public static final BbbError MISSING_NAME =
      new BbbError("nullError", "You must provide a meeting name");
  public static final BbbError EMPTY_NAME =
      new BbbError("emptyError", "You must provide a meeting name");
  public static final BbbError NAME_SIZE =
      new BbbError("sizeError", "Meeting name must be between 2 and 256 characters");
  public static final BbbError INVALID_PASSWORD =
      new BbbError("invalidPassword", "Invalid password");
  public static final BbbError WRONG_JOIN_PASSWORD =
      new BbbError("invalidPassword", "The provided password is neither a moderator or attendee password");
  public static final BbbError ROLE_OR_PASSWORD_REQUIRED =
      new BbbError("invalidPassword", "You must either send the valid role of the user, or the password, should "
          + "the meeting have one.");
  public static final BbbError WRONG_MODERATOR_PASSWORD =
      new BbbError("invalidPassword", "The supplied moderator password is incorrect");
  public static final BbbError MISSING_FULL_NAME =
      new BbbError("missingParamFullName", "You must provide your name");
  public static final BbbError NO_SUCH_MEETING_TO_JOIN =
      new BbbError("invalidMeetingIdentifier", "A meeting with that ID does not exist");
  public static final BbbError NOT_FOUND =
      new BbbError("notFound", "A meeting with that ID does not exist");
  public static final BbbError ID_NOT_UNIQUE =
      new BbbError("idNotUnique", "A meeting already exists with that meeting ID.  Please use a different "
          + "meeting ID.");
  public static final BbbError MEETING_FORCIBLY_ENDED =
      new BbbError("meetingForciblyEnded", "You can not re-join a meeting that has already been forcibly ended");
  public static final BbbError CREATE_TIME_MISMATCH =
      new BbbError("mismatchCreateTimeParam", "The createTime parameter submitted mismatches with the current "
          + "meeting.");
  public static final BbbError MAX_PARTICIPANTS_REACHED =
      new BbbError("maxParticipantsReached", "The number of participants allowed for this meeting has been "
          + "reached.");
  public static final BbbError UNSUPPORTED_REQUEST =
      new BbbError("unsupportedRequest", "This API call is not supported by this server");

  /** {@code validationError} for a parameter that is not of the documented type. */
  public static BbbError invalidParameter(String name, String expected) {
    return new BbbError("validationError", "Parameter " + name + " must be " + expected);
  }
}

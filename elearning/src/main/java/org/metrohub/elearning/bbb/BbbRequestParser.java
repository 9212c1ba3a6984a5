package org.metrohub.elearning.bbb;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.metrohub.elearning.bbb.internal.QueryParams;

/**
 * Turns a call's query string into its {@link BbbRequest}, with bbb-web's rules and message keys (bbb-common-web
 * {@code org.bigbluebutton.api.model.request} and {@code .constraint}):
 * <ul>
 *   <li>{@code meetingID}: required ({@code missingParamMeetingID}), 2 to 256 characters ({@code sizeError}), no
 *       comma ({@code validationError}); {@code create} also refuses an ID that sanitizing (control characters,
 *       surrounding space) would change;</li>
 *   <li>{@code create}: {@code name} required ({@code nullError}/{@code emptyError}), 2 to 256 characters
 *       ({@code sizeError}); {@code attendeePW}/{@code moderatorPW} 2 to 64 characters when sent
 *       ({@code invalidPassword}), generated when absent or empty;</li>
 *   <li>{@code join}: {@code fullName} required ({@code missingParamFullName}); {@code password} 2 to 64
 *       characters when sent ({@code invalidPassword});</li>
 *   <li>numbers are non-negative integers and booleans {@code true}/{@code false}, else
 *       {@code validationError}.</li>
 * </ul>
 * Values are decoded and sanitized (control characters removed, trimmed) as bbb-web's {@code ValidationService}
 * does. {@code meta_*} and {@code userdata-*} names become XML element names in responses, so only names made
 * of letters, digits, {@code _ . -} (not starting with a digit, dot or dash) are accepted.
 */
public final class BbbRequestParser {
  /** Length of a generated password: bbb-web's {@code RandomStringUtils.randomAlphanumeric(8)}. */
  public static final int GENERATED_PASSWORD_LENGTH = 8;

  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

  private final RandomGenerator random;
  private final String defaultDialNumber;

  /**
   * @param random source of generated passwords (a {@link java.security.SecureRandom} in production)
   * @param defaultDialNumber bbb-web's {@code defaultDialAccessNumber}, used when {@code create} sends none
   */
  public BbbRequestParser(RandomGenerator random, String defaultDialNumber) {
    this.random = Objects.requireNonNull(random);
    this.defaultDialNumber = Objects.requireNonNull(defaultDialNumber);
  }

  /**
   * Parses {@code rawQuery} (percent-encoded, without {@code ?}) for {@code callName}; the {@code checksum}
   * parameter is ignored here (see {@link ChecksumVerifier}).
   *
   * @throws BbbApiException with the message key to answer, including {@code unsupportedRequest} for a call
   *     this server does not implement
   */
  public BbbRequest parse(String callName, String rawQuery) {
    return parseDecoded(callName, decode(rawQuery));
  }

  static QueryParams decode(String rawQuery) {
    try {
      return QueryParams.parse(rawQuery);
    } catch (IllegalArgumentException e) {
      throw new BbbApiException(new BbbError("validationError", "Malformed query string: " + e.getMessage()));
    }
  }

  BbbRequest parseDecoded(String callName, QueryParams params) {
    return switch (callName) {
      case "create" -> create(params);
      case "join" -> join(params);
      case "end" -> new EndMeetingRequest(meetingId(params), password(params, "password"));
      case "isMeetingRunning" -> new IsMeetingRunningRequest(meetingId(params));
      case "getMeetingInfo" -> new GetMeetingInfoRequest(meetingId(params));
      case "getMeetings" -> new GetMeetingsRequest();
      case "getRecordings" -> recordings(params);
      default -> throw new BbbApiException(BbbError.UNSUPPORTED_REQUEST);
    };
  }

  private CreateMeetingRequest create(QueryParams params) {
    String meetingID = meetingId(params);
    if (!meetingID.equals(params.unsanitizedFirst("meetingID"))) {
      throw new BbbApiException(BbbError.MEETING_ID_INVALID);
    }
    String name = params.first("name");
    if (name == null) {
      throw new BbbApiException(BbbError.MISSING_NAME);
    }
    if (name.isEmpty()) {
      throw new BbbApiException(BbbError.EMPTY_NAME);
    }
    if (name.length() < 2 || name.length() > 256) {
      throw new BbbApiException(BbbError.NAME_SIZE);
    }
    Optional<String> attendeePW = password(params, "attendeePW");
    Optional<String> moderatorPW = password(params, "moderatorPW");
    OptionalInt voiceBridge = OptionalInt.empty();
    String bridge = params.first("voiceBridge");
    if (bridge != null && !bridge.isEmpty()) {
      voiceBridge = OptionalInt.of(nonNegativeInt(params, "voiceBridge", 0));
    }
    return new CreateMeetingRequest(meetingID, name,
        attendeePW.orElseGet(this::generatePassword), attendeePW.isEmpty(),
        moderatorPW.orElseGet(this::generatePassword), moderatorPW.isEmpty(),
        optional(params, "welcome"), nonNegativeInt(params, "maxParticipants", 0),
        nonNegativeInt(params, "duration", 0), bool(params, "record", false), voiceBridge,
        optional(params, "dialNumber").orElse(defaultDialNumber), optional(params, "logoutURL"),
        prefixed(params, "meta_", true));
  }

  private JoinMeetingRequest join(QueryParams params) {
    String meetingID = meetingId(params);
    String fullName = params.first("fullName");
    if (fullName == null || fullName.isEmpty()) {
      throw new BbbApiException(BbbError.MISSING_FULL_NAME);
    }
    OptionalLong createTime = OptionalLong.empty();
    String time = params.first("createTime");
    if (time != null) {
      if (!DIGITS.matcher(time).matches()) {
        throw new BbbApiException(BbbError.invalidParameter("createTime", "an integer"));
      }
      createTime = OptionalLong.of(Long.parseLong(time));
    }
    return new JoinMeetingRequest(meetingID, fullName, password(params, "password"),
        BbbRole.parse(params.first("role")), optional(params, "userID"), bool(params, "redirect", true),
        createTime, optional(params, "errorRedirectUrl").filter(BbbRequestParser::isAbsoluteHttpUrl),
        bool(params, "guest", false), optional(params, "avatarURL"), prefixed(params, "userdata-", false));
  }

  private GetRecordingsRequest recordings(QueryParams params) {
    OptionalInt offset = params.has("offset") && !params.first("offset").isEmpty()
        ? OptionalInt.of(nonNegativeInt(params, "offset", 0)) : OptionalInt.empty();
    OptionalInt limit = params.has("limit") && !params.first("limit").isEmpty()
        ? OptionalInt.of(nonNegativeInt(params, "limit", 0)) : OptionalInt.empty();
    return new GetRecordingsRequest(commaList(params, "meetingID"), commaList(params, "recordID"),
        commaList(params, "state"), prefixed(params, "meta_", true), offset, limit);
  }

  private static String meetingId(QueryParams params) {
    String id = params.first("meetingID");
    if (id == null || id.isEmpty()) {
      throw new BbbApiException(BbbError.MISSING_MEETING_ID);
    }
    if (id.length() < 2 || id.length() > 256) {
      throw new BbbApiException(BbbError.MEETING_ID_SIZE);
    }
    if (id.indexOf(',') >= 0) {
      throw new BbbApiException(BbbError.MEETING_ID_COMMA);
    }
    return id;
  }

  /** Absent and empty are the same (bbb-web generates a password for an empty one). */
  private static Optional<String> password(QueryParams params, String name) {
    String value = params.first(name);
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() < 2 || value.length() > 64) {
      throw new BbbApiException(BbbError.INVALID_PASSWORD);
    }
    return Optional.of(value);
  }

  private static Optional<String> optional(QueryParams params, String name) {
    String value = params.first(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static int nonNegativeInt(QueryParams params, String name, int absent) {
    String value = params.first(name);
    if (value == null || value.isEmpty()) {
      return absent;
    }
    if (!DIGITS.matcher(value).matches() || Long.parseLong(value) > Integer.MAX_VALUE) {
      throw new BbbApiException(BbbError.invalidParameter(name, "a non-negative integer"));
    }
    return Integer.parseInt(value);
  }

  private static boolean bool(QueryParams params, String name, boolean absent) {
    String value = params.first(name);
    if (value == null || value.isEmpty()) {
      return absent;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new BbbApiException(BbbError.invalidParameter(name, "true or false"));
  }

  private static List<String> commaList(QueryParams params, String name) {
    List<String> result = new ArrayList<>();
    for (String value : params.all(name)) {
      for (String item : value.split(",")) {
        String trimmed = item.strip();
        if (!trimmed.isEmpty()) {
          result.add(trimmed);
        }
      }
    }
    return result;
  }

  private static Map<String, String> prefixed(QueryParams params, String prefix, boolean lowerCase) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String name : params.names()) {
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        String key = name.substring(prefix.length());
        if (lowerCase) {
          key = key.toLowerCase(Locale.ROOT);
        }
        if (!ELEMENT_NAME.matcher(key).matches()) {
          throw new BbbApiException(new BbbError("validationError",
              "Parameter " + prefix + "<name> needs a name of letters, digits, '_', '.' or '-'"));
        }
        result.putIfAbsent(key, params.first(name));
      }
    }
    return result;
  }

  private static boolean isAbsoluteHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return uri.isAbsolute() && uri.getHost() != null
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private String generatePassword() {
    char[] password = new char[GENERATED_PASSWORD_LENGTH];
    for (int i = 0; i < password.length; i++) {
      password[i] = ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length()));
    }
    return new String(password);
  }
}

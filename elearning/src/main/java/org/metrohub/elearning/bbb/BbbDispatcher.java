package org.metrohub.elearning.bbb;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.metrohub.elearning.bbb.internal.QueryParams;

/**
 * One BigBlueButton API call, from the call name and raw query string to the HTTP answer:
 *
 * <pre>
 *   (callName, rawQuery) ─ QueryParams ─ ChecksumVerifier ─ BbbRequestParser ─▶ BbbRequest
 *   BbbRequest ─ rules below ─ BbbApi (the portal's meetings) ─ BbbXmlWriter ─▶ BbbResponse (XML or 302)
 * </pre>
 *
 * The rules bbb-web applies between parsing and its meeting service live here: a repeated {@code create} is
 * {@code duplicateWarning} when it sends the meeting's passwords or none, else {@code idNotUnique}; {@code join}
 * needs an existing ({@code invalidMeetingIdentifier}), not ended ({@code meetingForciblyEnded}) meeting, the
 * matching {@code createTime} when sent ({@code mismatchCreateTimeParam}), and a role: {@code role=} if valid,
 * else the moderator or attendee password ({@code invalidPassword}); {@code end} and {@code getMeetingInfo}
 * answer {@code notFound} for an unknown meeting, {@code isMeetingRunning} answers {@code false}.
 *
 * <p>{@code join} redirects the browser: to the room page on success, and on failure (bbb-web's behaviour) to the
 * LMS's {@code errorRedirectUrl}, else the configured default logout URL, with {@code errors=[{"key":…,
 * "message":…}]} appended; with {@code redirect=false}, or no URL to go to, it answers with XML. The
 * {@code errorRedirectUrl} of a request whose checksum failed is not followed.
 *
 * <p>The empty call name is the API root, which answers with the version and needs no checksum. Stateless and
 * thread-safe.
 */
public final class BbbDispatcher {
  private static final Set<String> CALLS = Set.of("create", "join", "end", "isMeetingRunning", "getMeetingInfo",
      "getMeetings", "getRecordings");
  private static final String DUPLICATE_MESSAGE =
      "This conference was already in existence and may currently be in progress.";

  private final BbbApiConfig config;
  private final ChecksumVerifier verifier;
  private final BbbRequestParser parser;
  private final BbbXmlWriter xml;

  /** @param random source of generated meeting passwords (a {@link java.security.SecureRandom} in production) */
  public BbbDispatcher(BbbApiConfig config, RandomGenerator random) {
    this.config = Objects.requireNonNull(config);
    this.verifier = new ChecksumVerifier(config.sharedSecret(), config.checksumAlgorithms());
    this.parser = new BbbRequestParser(random, config.defaultDialNumber());
    this.xml = new BbbXmlWriter(config.zone());
  }

  /**
   * Answers the call {@code callName} (the path segment after {@code /bigbluebutton/api/}) with the query
   * {@code rawQuery} as received (percent-encoded, without {@code ?}; may be null), against {@code api}.
   */
  public BbbResponse dispatch(String callName, String rawQuery, BbbApi api) {
    if (callName == null || callName.isEmpty()) {
      return BbbResponse.xml(xml.version(config.apiVersion()));
    }
    if (!CALLS.contains(callName)) {
      return BbbResponse.xml(404, xml.error(BbbError.UNSUPPORTED_REQUEST));
    }
    QueryParams params;
    try {
      params = BbbRequestParser.decode(rawQuery);
    } catch (BbbApiException malformed) {
      return failure(callName, null, false, malformed.error());
    }
    Optional<BbbError> checksumError = verifier.verify(callName, rawQuery);
    if (checksumError.isPresent()) {
      return failure(callName, params, false, checksumError.get());
    }
    try {
      return switch (parser.parseDecoded(callName, params)) {
        case CreateMeetingRequest create -> create(create, api);
        case JoinMeetingRequest join -> join(join, api);
        case EndMeetingRequest end -> end(end, api);
        case IsMeetingRunningRequest running ->
            BbbResponse.xml(xml.isMeetingRunning(api.findMeeting(running.meetingID())
                .map(BbbMeeting::running).orElse(false)));
        case GetMeetingInfoRequest info -> BbbResponse.xml(xml.meetingInfo(existing(api, info.meetingID())));
        case GetMeetingsRequest meetings -> BbbResponse.xml(xml.meetings(api.meetings()));
        case GetRecordingsRequest recordings -> BbbResponse.xml(xml.recordings(api.recordings(recordings)));
      };
    } catch (BbbApiException refused) {
      return failure(callName, params, true, refused.error());
    }
  }

  private BbbResponse create(CreateMeetingRequest request, BbbApi api) {
    BbbApi.Created created = api.create(request);
    BbbMeeting meeting = created.meeting();
    if (created.isNew()) {
      return BbbResponse.xml(xml.create(meeting, "", ""));
    }
    if (request.repeats(meeting)) {
      return BbbResponse.xml(xml.create(meeting, "duplicateWarning", DUPLICATE_MESSAGE));
    }
    throw new BbbApiException(BbbError.ID_NOT_UNIQUE);
  }

  private BbbResponse join(JoinMeetingRequest request, BbbApi api) {
    BbbMeeting meeting = api.findMeeting(request.meetingID())
        .orElseThrow(() -> new BbbApiException(BbbError.NO_SUCH_MEETING_TO_JOIN));
    if (meeting.forciblyEnded()) {
      throw new BbbApiException(BbbError.MEETING_FORCIBLY_ENDED);
    }
    if (request.createTime().isPresent() && request.createTime().getAsLong() != meeting.createTime()) {
      throw new BbbApiException(BbbError.CREATE_TIME_MISMATCH);
    }
    BbbRole role = role(request, meeting);
    return switch (api.join(meeting, request, role)) {
      case BbbApi.Joined joined ->
          request.redirect() ? BbbResponse.redirect(joined.url()) : BbbResponse.xml(xml.joined(meeting, joined));
      case BbbApi.Refused refused -> throw new BbbApiException(refused.error());
    };
  }

  /** bbb-web 2.4+: a valid {@code role} wins; else the password decides, moderator's first. */
  private static BbbRole role(JoinMeetingRequest request, BbbMeeting meeting) {
    if (request.role().isPresent()) {
      return request.role().get();
    }
    if (request.password().isEmpty() || meeting.moderatorPW().isEmpty() || meeting.attendeePW().isEmpty()) {
      throw new BbbApiException(BbbError.ROLE_OR_PASSWORD_REQUIRED);
    }
    String password = request.password().get();
    if (same(password, meeting.moderatorPW())) {
      return BbbRole.MODERATOR;
    }
    if (same(password, meeting.attendeePW())) {
      return BbbRole.VIEWER;
    }
    throw new BbbApiException(BbbError.WRONG_JOIN_PASSWORD);
  }

  private BbbResponse end(EndMeetingRequest request, BbbApi api) {
    BbbMeeting meeting = existing(api, request.meetingID());
    if (request.password().isPresent() && !same(request.password().get(), meeting.moderatorPW())) {
      throw new BbbApiException(BbbError.WRONG_MODERATOR_PASSWORD);
    }
    api.end(meeting);
    return BbbResponse.xml(xml.end());
  }

  private static BbbMeeting existing(BbbApi api, String meetingID) {
    return api.findMeeting(meetingID).orElseThrow(() -> new BbbApiException(BbbError.NOT_FOUND));
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param params the decoded query, null when it could not be decoded
   * @param checksumVerified whether the request's own {@code errorRedirectUrl} may be followed
   */
  private BbbResponse failure(String callName, QueryParams params, boolean checksumVerified, BbbError error) {
    if ("join".equals(callName) && params != null && !"false".equalsIgnoreCase(params.first("redirect"))) {
      Optional<String> target = Optional.empty();
      if (checksumVerified) {
        target = Optional.ofNullable(params.first("errorRedirectUrl")).filter(BbbDispatcher::isHttpUrl);
      }
      if (target.isEmpty()) {
        target = config.defaultLogoutUrl().map(URI::toString);
      }
      if (target.isPresent()) {
        return BbbResponse.redirect(withErrors(target.get(), error));
      }
    }
    return BbbResponse.xml(xml.error(error));
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
          || "https".equalsIgnoreCase(uri.getScheme()));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** {@code url} with {@code errors=<JSON array>} added to its query, before any fragment (as bbb-web does). */
  static String withErrors(String url, BbbError error) {
    String json = "[{\"key\":\"" + jsonEscape(error.messageKey()) + "\",\"message\":\""
        + jsonEscape(error.message()) + "\"}]";
    String parameter = "errors=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    String separator = base.indexOf('?') < 0 ? "?" : (base.endsWith("?") || base.endsWith("&") ? "" : "&");
    return base + separator + parameter + fragment;
  }

  private static String jsonEscape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}

package org.metrohub.elearning.bbb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each call's success and error paths through {@link BbbDispatcher}, against {@link InMemoryBbbApi}, with
 * queries signed as an LMS signs them (SHA-1 unless the test says otherwise), in the order a Moodle-style plugin
 * calls them: create, join, getMeetingInfo, end.
 */
class BbbDispatcherTest {
  static final String SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";

  private final BbbApiConfig config = new BbbApiConfig(SECRET, EnumSet.allOf(ChecksumAlgorithm.class),
      "613-555-1234", Optional.of(URI.create("https://hub.example/bbb-error")), ZoneId.of("UTC"), "2.0");
  private final BbbDispatcher dispatcher = new BbbDispatcher(config, new SplittableRandom(3));
  private final ChecksumVerifier lms = new ChecksumVerifier(SECRET, EnumSet.allOf(ChecksumAlgorithm.class));
  private final InMemoryBbbApi api = new InMemoryBbbApi();

  private BbbResponse call(String callName, String query) {
    return dispatcher.dispatch(callName, lms.signedQuery(callName, query, ChecksumAlgorithm.SHA1), api);
  }

  private static List<String> shape(BbbResponse response) {
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/xml;charset=utf-8");
    return XmlShape.of(response.body());
  }

  private static void assertFailed(BbbResponse response, String messageKey) {
    assertThat(response.isRedirect()).as("redirect").isFalse();
    assertThat(shape(response)).startsWith("response", "response/returncode=FAILED", "response/messageKey=" + messageKey);
  }

  /** The {@code errors} JSON of a failed join's redirect, decoded. */
  private static String errorsOf(BbbResponse response) {
    String location = response.location().orElseThrow();
    String query = URI.create(location).getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.startsWith("errors=")) {
        return URLDecoder.decode(pair.substring("errors=".length()), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no errors parameter in " + location);
  }

  private void createPhysics() {
    assertThat(shape(call("create", "name=Physics&meetingID=physics-1&attendeePW=ap&moderatorPW=mp")))
        .contains("response/returncode=SUCCESS");
  }

  // create

  @Test
  void createAnswersTheNewMeetingWithEmptyMessageKey() {
    api.nowMillis = 1531155809613L;
    List<String> response = shape(call("create",
        "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444"));

    assertThat(response).containsExactly("response", "response/returncode=SUCCESS", "response/meetingID=abc123",
        "response/internalMeetingID=" + BbbMeeting.internalMeetingId("abc123", 1531155809613L),
        "response/parentMeetingID=bbb-none", "response/attendeePW=111222", "response/moderatorPW=333444",
        "response/createTime=1531155809613", "response/voiceBridge=70000", "response/dialNumber=613-555-1234",
        "response/createDate=Mon Jul 09 17:03:29 UTC 2018", "response/hasUserJoined=false",
        "response/duration=0", "response/hasBeenForciblyEnded=false", "response/messageKey=",
        "response/message=");
    assertThat(api.meetings).containsKey("abc123");
  }

  @Test
  void repeatedCreateWithTheSamePasswordsIsADuplicateWarning() {
    createPhysics();

    List<String> again = shape(call("create", "name=Physics&meetingID=physics-1&attendeePW=ap&moderatorPW=mp"));

    assertThat(again).contains("response/returncode=SUCCESS", "response/messageKey=duplicateWarning",
        "response/message=This conference was already in existence and may currently be in progress.");
    assertThat(api.meetings).hasSize(1);
  }

  @Test
  void repeatedCreateWithoutPasswordsIsADuplicateWarningWithTheMeetingsPasswords() {
    createPhysics();

    List<String> again = shape(call("create", "name=Physics&meetingID=physics-1"));

    assertThat(again).contains("response/messageKey=duplicateWarning", "response/attendeePW=ap",
        "response/moderatorPW=mp");
  }

  @Test
  void repeatedCreateWithOtherPasswordsIsIdNotUnique() {
    createPhysics();

    assertFailed(call("create", "name=Physics&meetingID=physics-1&attendeePW=ap&moderatorPW=other"), "idNotUnique");
    assertFailed(call("create", "name=Physics&meetingID=physics-1&attendeePW=ap"), "idNotUnique");
  }

  @Test
  void createGeneratesPasswordsAndReportsThem() {
    List<String> response = shape(call("create", "name=Physics&meetingID=physics-2"));

    BbbMeeting meeting = api.meetings.get("physics-2");
    assertThat(meeting.attendeePW()).matches("[A-Za-z0-9]{8}");
    assertThat(response).contains("response/attendeePW=" + meeting.attendeePW(),
        "response/moderatorPW=" + meeting.moderatorPW());
  }

  @Test
  void createValidationErrorsComeAfterTheChecksum() {
    assertFailed(call("create", "name=Physics"), "missingParamMeetingID");
    assertFailed(dispatcher.dispatch("create", "name=Physics&checksum=" + "0".repeat(40), api), "checksumError");
    assertThat(api.meetings).isEmpty();
  }

  // checksum

  @Test
  void acceptsEachAlgorithmAndRefusesAWrongChecksum() {
    for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
      BbbResponse response = dispatcher.dispatch("getMeetings", lms.signedQuery("getMeetings", "", algorithm), api);
      assertThat(shape(response)).as(algorithm.name()).contains("response/returncode=SUCCESS");
    }
    String signed = lms.signedQuery("getMeetings", "", ChecksumAlgorithm.SHA256);
    char last = signed.charAt(signed.length() - 1);
    String tampered = signed.substring(0, signed.length() - 1) + (last == '0' ? '1' : '0');

    assertFailed(dispatcher.dispatch("getMeetings", tampered, api), "checksumError");
    assertFailed(dispatcher.dispatch("getMeetings", null, api), "checksumError");
  }

  @Test
  void refusesAnAlgorithmTheConfigurationLeavesOut() {
    BbbDispatcher sha512Only = new BbbDispatcher(new BbbApiConfig(SECRET, EnumSet.of(ChecksumAlgorithm.SHA512),
        "", Optional.empty(), ZoneId.of("UTC"), "2.0"), new SplittableRandom(1));

    assertFailed(sha512Only.dispatch("getMeetings", lms.signedQuery("getMeetings", "", ChecksumAlgorithm.SHA1), api),
        "checksumError");
    assertThat(shape(sha512Only.dispatch("getMeetings",
        lms.signedQuery("getMeetings", "", ChecksumAlgorithm.SHA512), api))).contains("response/returncode=SUCCESS");
  }

  @Test
  void aChecksumForAnotherCallDoesNotVerify() {
    createPhysics();
    String signedForInfo = lms.signedQuery("getMeetingInfo", "meetingID=physics-1", ChecksumAlgorithm.SHA1);

    assertFailed(dispatcher.dispatch("end", signedForInfo, api), "checksumError");
    assertThat(api.ended).isEmpty();
  }

  // join

  @Test
  void joinWithTheModeratorPasswordRedirectsToTheRoomAsModerator() {
    createPhysics();

    BbbResponse response = call("join", "fullName=Ann+Teacher&meetingID=physics-1&password=mp&userID=lms-1");

    assertThat(response.status()).isEqualTo(302);
    String internal = api.meetings.get("physics-1").internalMeetingID();
    assertThat(response.location()).contains("https://hub.example/rooms/" + internal + "?role=MODERATOR");
    assertThat(api.meetings.get("physics-1").attendees()).singleElement()
        .satisfies(a -> {
          assertThat(a.role()).isEqualTo(BbbRole.MODERATOR);
          assertThat(a.userID()).isEqualTo("lms-1");
          assertThat(a.fullName()).isEqualTo("Ann Teacher");
        });
  }

  @Test
  void joinWithTheAttendeePasswordIsAViewer() {
    createPhysics();

    BbbResponse response = call("join", "fullName=Bob&meetingID=physics-1&password=ap");

    assertThat(response.location()).hasValueSatisfying(l -> assertThat(l).endsWith("?role=VIEWER"));
  }

  @Test
  void joinRoleWinsOverPassword() {
    createPhysics();

    BbbResponse response = call("join", "fullName=Bob&meetingID=physics-1&password=ap&role=moderator");

    assertThat(response.location()).hasValueSatisfying(l -> assertThat(l).endsWith("?role=MODERATOR"));
  }

  @Test
  void joinWithRedirectFalseAnswersXml() {
    createPhysics();

    List<String> response = shape(call("join", "fullName=Bob&meetingID=physics-1&role=viewer&redirect=false"));

    String internal = api.meetings.get("physics-1").internalMeetingID();
    assertThat(response).containsExactly("response", "response/returncode=SUCCESS",
        "response/messageKey=successfullyJoined", "response/message=You have joined successfully.",
        "response/meeting_id=" + internal, "response/user_id=w_user1", "response/auth_token=auth-w_user1",
        "response/session_token=session-w_user1", "response/guestStatus=ALLOW",
        "response/url=https://hub.example/rooms/" + internal + "?role=VIEWER");
  }

  @Test
  void joinWithAWrongPasswordRedirectsToTheErrorUrlWithBbbsErrorsParameter() {
    createPhysics();

    BbbResponse response = call("join", "fullName=Eve&meetingID=physics-1&password=guess"
        + "&errorRedirectUrl=https%3A%2F%2Flms.example%2Fmod%2Fbbb%3Fid%3D7");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).hasValueSatisfying(l -> assertThat(l).startsWith(
        "https://lms.example/mod/bbb?id=7&errors="));
    assertThat(errorsOf(response)).isEqualTo("[{\"key\":\"invalidPassword\",\"message\":\"The provided password "
        + "is neither a moderator or attendee password\"}]");
    assertThat(api.joins).isEmpty();
  }

  @Test
  void joinErrorsGoToTheDefaultLogoutUrlWhenTheLmsGaveNone() {
    BbbResponse response = call("join", "fullName=Eve&meetingID=unknown-1&password=ap");

    assertThat(response.location()).hasValueSatisfying(l -> assertThat(l).startsWith(
        "https://hub.example/bbb-error?errors="));
    assertThat(errorsOf(response)).contains("\"key\":\"invalidMeetingIdentifier\"");
  }

  @Test
  void joinWithABadChecksumDoesNotFollowTheRequestsErrorUrl() {
    createPhysics();
    String forged = "fullName=Eve&meetingID=physics-1&role=moderator"
        + "&errorRedirectUrl=https%3A%2F%2Fevil.example%2F&checksum=" + "1".repeat(40);

    BbbResponse response = dispatcher.dispatch("join", forged, api);

    assertThat(response.location()).hasValueSatisfying(l -> assertThat(l).startsWith("https://hub.example/bbb-error"));
    assertThat(errorsOf(response)).contains("\"key\":\"checksumError\"");
    assertThat(api.joins).isEmpty();
  }

  @Test
  void joinErrorsAreXmlWithRedirectFalseOrWithoutAnyUrl() {
    BbbDispatcher noLogoutUrl = new BbbDispatcher(BbbApiConfig.withSecret(SECRET), new SplittableRandom(2));

    assertFailed(call("join", "fullName=Eve&meetingID=unknown-1&password=ap&redirect=false"),
        "invalidMeetingIdentifier");
    assertFailed(noLogoutUrl.dispatch("join", lms.signedQuery("join", "fullName=Eve&meetingID=unknown-1&role=viewer"),
        api), "invalidMeetingIdentifier");
  }

  @Test
  void joinErrorKeys() {
    createPhysics();
    String xml = "&redirect=false";

    assertFailed(call("join", "meetingID=physics-1&password=ap" + xml), "missingParamFullName");
    assertFailed(call("join", "fullName=Eve&password=ap" + xml), "missingParamMeetingID");
    assertFailed(call("join", "fullName=Eve&meetingID=physics-1" + xml), "invalidPassword");
    assertFailed(call("join", "fullName=Eve&meetingID=physics-1&password=wrong" + xml), "invalidPassword");
    assertFailed(call("join", "fullName=Eve&meetingID=physics-1&password=ap&createTime=12" + xml),
        "mismatchCreateTimeParam");
    assertThat(api.joins).isEmpty();
  }

  @Test
  void joinWithTheMatchingCreateTimeIsAdmitted() {
    createPhysics();
    long createTime = api.meetings.get("physics-1").createTime();

    BbbResponse response = call("join", "fullName=Bob&meetingID=physics-1&password=ap&createTime=" + createTime);

    assertThat(response.status()).isEqualTo(302);
  }

  @Test
  void joinAnEndedMeetingIsRefused() {
    createPhysics();
    call("end", "meetingID=physics-1");

    assertFailed(call("join", "fullName=Bob&meetingID=physics-1&password=ap&redirect=false"),
        "meetingForciblyEnded");
  }

  @Test
  void joinRefusedByTheFacadeAnswersItsError() {
    call("create", "name=Physics&meetingID=small-1&maxParticipants=1&attendeePW=ap&moderatorPW=mp");
    call("join", "fullName=Ann&meetingID=small-1&password=mp");

    assertFailed(call("join", "fullName=Bob&meetingID=small-1&password=ap&redirect=false"), "maxParticipantsReached");
  }

  // isMeetingRunning, getMeetingInfo, getMeetings

  @Test
  void isMeetingRunningFollowsTheMeeting() {
    assertThat(shape(call("isMeetingRunning", "meetingID=physics-1"))).containsExactly("response",
        "response/returncode=SUCCESS", "response/running=false");
    createPhysics();
    call("join", "fullName=Ann&meetingID=physics-1&password=mp");

    assertThat(shape(call("isMeetingRunning", "meetingID=physics-1"))).contains("response/running=true");
    assertFailed(call("isMeetingRunning", ""), "missingParamMeetingID");
  }

  @Test
  void getMeetingInfoListsAttendeesWithRolesAndMetadata() {
    call("create", "name=Physics&meetingID=physics-1&attendeePW=ap&moderatorPW=mp&meta_bbb-origin=Moodle");
    call("join", "fullName=Ann&meetingID=physics-1&password=mp&userID=t-1");
    call("join", "fullName=Bob&meetingID=physics-1&password=ap&userID=s-1&userdata-bbb_skip_check_audio=true");

    List<String> info = shape(call("getMeetingInfo", "meetingID=physics-1"));

    assertThat(info).contains("response/returncode=SUCCESS", "response/meetingName=Physics",
        "response/running=true", "response/participantCount=2", "response/moderatorCount=1",
        "response/attendees/attendee/userID=t-1", "response/attendees/attendee/role=MODERATOR",
        "response/attendees/attendee/isPresenter=true", "response/attendees/attendee/userID=s-1",
        "response/attendees/attendee/role=VIEWER",
        "response/attendees/attendee/customdata/bbb_skip_check_audio=true",
        "response/metadata/bbb-origin=Moodle");
  }

  @Test
  void getMeetingInfoOfAnUnknownMeetingIsNotFound() {
    assertFailed(call("getMeetingInfo", "meetingID=nope-1"), "notFound");
  }

  @Test
  void getMeetingsListsMeetingsOrSaysNoMeetings() {
    assertThat(shape(call("getMeetings", ""))).containsExactly("response", "response/returncode=SUCCESS",
        "response/meetings=", "response/messageKey=noMeetings",
        "response/message=no meetings were found on this server");
    createPhysics();
    call("create", "name=Chemistry&meetingID=chem-1");

    List<String> meetings = shape(call("getMeetings", ""));

    assertThat(meetings).contains("response/meetings/meeting/meetingID=physics-1",
        "response/meetings/meeting/meetingID=chem-1");
    assertThat(meetings).filteredOn(line -> line.equals("response/meetings/meeting")).hasSize(2);
  }

  // end

  @Test
  void endEndsTheMeeting() {
    createPhysics();

    List<String> response = shape(call("end", "meetingID=physics-1&password=mp"));

    assertThat(response).contains("response/returncode=SUCCESS", "response/messageKey=sentEndMeetingRequest");
    assertThat(api.ended).containsExactly("physics-1");
    assertThat(shape(call("getMeetingInfo", "meetingID=physics-1"))).contains(
        "response/hasBeenForciblyEnded=true", "response/running=false");
  }

  @Test
  void endWithoutPasswordIsAllowedAsSinceBbb3() {
    createPhysics();

    assertThat(shape(call("end", "meetingID=physics-1"))).contains("response/returncode=SUCCESS");
  }

  @Test
  void endErrorPaths() {
    createPhysics();

    assertFailed(call("end", "meetingID=physics-1&password=ap"), "invalidPassword");
    assertFailed(call("end", "meetingID=nope-1"), "notFound");
    assertFailed(call("end", ""), "missingParamMeetingID");
    assertThat(api.ended).isEmpty();
  }

  // getRecordings

  @Test
  void getRecordingsSaysNoRecordingsOrListsThem() {
    assertThat(shape(call("getRecordings", "meetingID=physics-1"))).containsExactly("response",
        "response/returncode=SUCCESS", "response/recordings=", "response/messageKey=noRecordings",
        "response/message=There are no recordings for the meeting(s).");
    api.recordings.add(new BbbRecording("rec-1", "physics-1", "int-1", "Physics", false, true, "published", 1, 2, 2,
        Map.of(), List.of(new BbbRecording.Playback("video", "https://hub.example/rec-1.mp4", 10, 45))));

    assertThat(shape(call("getRecordings", "meetingID=physics-1,chem-1"))).contains(
        "response/recordings/recording/recordID=rec-1", "response/recordings/recording/playback/format/type=video");
  }

  // other calls

  @Test
  void theApiRootAnswersTheVersionWithoutChecksum() {
    assertThat(shape(dispatcher.dispatch("", null, api))).containsExactly("response", "response/returncode=SUCCESS",
        "response/version=2.0", "response/apiVersion=2.0");
  }

  @Test
  void anUnsupportedCallIs404WithBbbXml() {
    BbbResponse response = dispatcher.dispatch("insertDocument", lms.signedQuery("insertDocument", "meetingID=x1"),
        api);

    assertThat(response.status()).isEqualTo(404);
    assertThat(XmlShape.of(response.body())).contains("response/returncode=FAILED",
        "response/messageKey=unsupportedRequest");
  }

  @Test
  void aMalformedQueryIsAValidationError() {
    assertFailed(dispatcher.dispatch("getMeetingInfo", "meetingID=%E0%zz&checksum=" + "0".repeat(40), api),
        "validationError");
  }

  @Test
  void theConfigurationKeepsTheSecretOutOfToString() {
    assertThat(config.toString()).doesNotContain(SECRET);
  }
}

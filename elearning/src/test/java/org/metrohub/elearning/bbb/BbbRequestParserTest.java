package org.metrohub.elearning.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parameter rules and message keys of bbb-common-web's request models ({@code CreateMeeting}, {@code JoinMeeting},
 * {@code EndMeeting}, …) and their constraints ({@code MeetingIDConstraint}: {@code missingParamMeetingID},
 * {@code sizeError} 2–256, {@code validationError} for ','; {@code PasswordConstraint}: {@code invalidPassword}
 * 2–64; {@code MeetingNameConstraint}; {@code missingParamFullName}). Queries are written as LMS plugins send them
 * (the API reference's example requests where there is one).
 */
class BbbRequestParserTest {
  private final BbbRequestParser parser = new BbbRequestParser(new SplittableRandom(7), "613-555-1234");

  private AbstractThrowableAssert<?, ? extends Throwable> refused(String call, String query, String messageKey) {
    return assertThatThrownBy(() -> parser.parse(call, query))
        .isInstanceOfSatisfying(BbbApiException.class,
            e -> assertThat(e.error().messageKey()).isEqualTo(messageKey));
  }

  @Test
  void parsesTheReferenceCreateExampleWithMetadata() {
    // API reference, create, third example request
    CreateMeetingRequest create = (CreateMeetingRequest) parser.parse("create",
        "name=Test&meetingID=test01&moderatorPW=mp&attendeePW=ap&meta_presenter=joe&meta_category=education"
            + "&checksum=abcd");

    assertThat(create.meetingID()).isEqualTo("test01");
    assertThat(create.name()).isEqualTo("Test");
    assertThat(create.attendeePW()).isEqualTo("ap");
    assertThat(create.moderatorPW()).isEqualTo("mp");
    assertThat(create.attendeePWGenerated()).isFalse();
    assertThat(create.moderatorPWGenerated()).isFalse();
    assertThat(create.metadata()).containsExactly(Map.entry("presenter", "joe"), Map.entry("category", "education"));
    assertThat(create.dialNumber()).isEqualTo("613-555-1234");
    assertThat(create.record()).isFalse();
    assertThat(create.voiceBridge()).isEmpty();
    assertThat(create.callName()).isEqualTo("create");
  }

  @Test
  void generatesEightCharacterAlphanumericPasswordsWhenAbsentOrEmpty() {
    CreateMeetingRequest create = (CreateMeetingRequest) parser.parse("create",
        "name=Test&meetingID=test01&attendeePW=");

    assertThat(create.attendeePW()).matches("[A-Za-z0-9]{8}");
    assertThat(create.moderatorPW()).matches("[A-Za-z0-9]{8}").isNotEqualTo(create.attendeePW());
    assertThat(create.attendeePWGenerated()).isTrue();
    assertThat(create.moderatorPWGenerated()).isTrue();
  }

  @Test
  void readsCreatesOptionalNumbersBooleansAndTexts() {
    CreateMeetingRequest create = (CreateMeetingRequest) parser.parse("create",
        "name=Physics+101&meetingID=course-7-lesson-3&welcome=Welcome+to+%3Cb%3E%25%25CONFNAME%25%25%3C%2Fb%3E"
            + "&maxParticipants=30&duration=90&record=TRUE&voiceBridge=71296&dialNumber=%2B49+30+1234"
            + "&logoutURL=https%3A%2F%2Flms.example%2Fcourse%2F7&meta_bbb-origin=Moodle&meta_endCallbackUrl=x");

    assertThat(create.name()).isEqualTo("Physics 101");
    assertThat(create.welcome()).contains("Welcome to <b>%%CONFNAME%%</b>");
    assertThat(create.maxParticipants()).isEqualTo(30);
    assertThat(create.duration()).isEqualTo(90);
    assertThat(create.record()).isTrue();
    assertThat(create.voiceBridge()).isEqualTo(OptionalInt.of(71296));
    assertThat(create.dialNumber()).isEqualTo("+49 30 1234");
    assertThat(create.logoutURL()).contains("https://lms.example/course/7");
    // bbb-web lower-cases metadata names (getMeetingInfo's example shows meta_endCallbackUrl as endcallbackurl)
    assertThat(create.metadata()).containsOnlyKeys("bbb-origin", "endcallbackurl");
  }

  @Test
  void meetingIdRules() {
    refused("create", "name=Test", "missingParamMeetingID");
    refused("create", "name=Test&meetingID=", "missingParamMeetingID");
    refused("create", "name=Test&meetingID=a", "sizeError");
    refused("create", "name=Test&meetingID=" + "m".repeat(257), "sizeError");
    refused("create", "name=Test&meetingID=a,b", "validationError");
    refused("isMeetingRunning", "meetingID=", "missingParamMeetingID");
    refused("getMeetingInfo", "meetingID=x", "sizeError");
    refused("end", "meetingID=a%2Cb", "validationError");
    assertThat(((CreateMeetingRequest) parser.parse("create", "name=Test&meetingID=" + "m".repeat(256))).meetingID())
        .hasSize(256);
  }

  @Test
  void createRefusesAMeetingIdThatSanitizingWouldChange() {
    // ApiController.create: ParamsUtil.sanitizeString(meetingID) != meetingID -> validationError "Invalid meeting ID"
    refused("create", "name=Test&meetingID=%20lesson-1", "validationError")
        .hasMessageContaining("Invalid meeting ID");
    refused("create", "name=Test&meetingID=lesson%07-1", "validationError");
    // other calls sanitize it, as ValidationService does
    assertThat(((IsMeetingRunningRequest) parser.parse("isMeetingRunning", "meetingID=%20lesson-1")).meetingID())
        .isEqualTo("lesson-1");
  }

  @Test
  void meetingNameRules() {
    refused("create", "meetingID=test01", "nullError");
    refused("create", "meetingID=test01&name=", "emptyError");
    refused("create", "meetingID=test01&name=+", "emptyError");
    refused("create", "meetingID=test01&name=x", "sizeError");
    refused("create", "meetingID=test01&name=" + "n".repeat(257), "sizeError");
  }

  @ParameterizedTest
  @ValueSource(strings = {"attendeePW=a", "moderatorPW=a"})
  void passwordsOfOneCharacterAreInvalid(String password) {
    refused("create", "name=Test&meetingID=test01&" + password, "invalidPassword");
  }

  @Test
  void passwordsLongerThan64AreInvalid() {
    refused("create", "name=Test&meetingID=test01&moderatorPW=" + "p".repeat(65), "invalidPassword");
    refused("join", "fullName=John&meetingID=test01&password=" + "p".repeat(65), "invalidPassword");
  }

  @Test
  void numbersAndBooleansMustHaveTheDocumentedForm() {
    refused("create", "name=Test&meetingID=test01&maxParticipants=-1", "validationError")
        .hasMessageContaining("maxParticipants");
    refused("create", "name=Test&meetingID=test01&duration=1.5", "validationError");
    refused("create", "name=Test&meetingID=test01&record=yes", "validationError").hasMessageContaining("record");
    refused("create", "name=Test&meetingID=test01&maxParticipants=99999999999", "validationError");
    refused("join", "fullName=John&meetingID=test01&password=ap&createTime=abc", "validationError");
  }

  @Test
  void metadataNamesMustBeElementNames() {
    refused("create", "name=Test&meetingID=test01&meta_a%3E%3Cb=x", "validationError");
    refused("create", "name=Test&meetingID=test01&meta_1st=x", "validationError");
    refused("join", "fullName=John&meetingID=test01&password=ap&userdata-a%20b=x", "validationError");
  }

  @Test
  void parsesTheReferenceJoinExamples() {
    JoinMeetingRequest john = (JoinMeetingRequest) parser.parse("join",
        "meetingID=test01&password=mp&fullName=John&checksum=1234");
    JoinMeetingRequest chris = (JoinMeetingRequest) parser.parse("join",
        "meetingID=test01&password=ap&fullName=Chris&createTime=273648&checksum=abcd");

    assertThat(john.meetingID()).isEqualTo("test01");
    assertThat(john.fullName()).isEqualTo("John");
    assertThat(john.password()).contains("mp");
    assertThat(john.role()).isEmpty();
    assertThat(john.redirect()).isTrue();
    assertThat(john.createTime()).isEmpty();
    assertThat(chris.createTime()).isEqualTo(OptionalLong.of(273648));
  }

  @Test
  void joinReadsRoleInAnyCaseAndIgnoresAnUnknownOne() {
    JoinMeetingRequest moderator = (JoinMeetingRequest) parser.parse("join",
        "meetingID=test01&fullName=Ann&role=MoDeRaToR&userID=lms-42&redirect=false&guest=true"
            + "&userdata-bbb_hide_presentation_on_join=true&errorRedirectUrl=https%3A%2F%2Flms.example%2Ferr");
    JoinMeetingRequest unknown = (JoinMeetingRequest) parser.parse("join",
        "meetingID=test01&fullName=Ann&role=admin&password=ap");

    assertThat(moderator.role()).contains(BbbRole.MODERATOR);
    assertThat(moderator.userID()).contains("lms-42");
    assertThat(moderator.redirect()).isFalse();
    assertThat(moderator.guest()).isTrue();
    assertThat(moderator.userData()).containsExactly(Map.entry("bbb_hide_presentation_on_join", "true"));
    assertThat(moderator.errorRedirectUrl()).contains("https://lms.example/err");
    assertThat(unknown.role()).isEmpty();
    assertThat(unknown.password()).contains("ap");
  }

  @Test
  void joinKeepsOnlyAbsoluteHttpErrorRedirectUrls() {
    JoinMeetingRequest script = (JoinMeetingRequest) parser.parse("join",
        "meetingID=test01&fullName=Ann&role=viewer&errorRedirectUrl=javascript%3Aalert(1)");
    JoinMeetingRequest relative = (JoinMeetingRequest) parser.parse("join",
        "meetingID=test01&fullName=Ann&role=viewer&errorRedirectUrl=%2Ferrors");

    assertThat(script.errorRedirectUrl()).isEmpty();
    assertThat(relative.errorRedirectUrl()).isEmpty();
  }

  @Test
  void joinNeedsAFullName() {
    refused("join", "meetingID=test01&password=ap", "missingParamFullName");
    refused("join", "meetingID=test01&password=ap&fullName=%20%09", "missingParamFullName");
  }

  @Test
  void endTakesTheOptionalPassword() {
    // API reference, end example request
    EndMeetingRequest end = (EndMeetingRequest) parser.parse("end", "meetingID=1234567890&password=mp&checksum=1234");

    assertThat(end).isEqualTo(new EndMeetingRequest("1234567890", Optional.of("mp")));
    assertThat(((EndMeetingRequest) parser.parse("end", "meetingID=1234567890")).password()).isEmpty();
  }

  @Test
  void getRecordingsSplitsCommaListsAsTheReferenceExamples() {
    GetRecordingsRequest byMeetings = (GetRecordingsRequest) parser.parse("getRecordings",
        "meetingID=CS101,CS102&checksum=wxyz");
    GetRecordingsRequest byRecords = (GetRecordingsRequest) parser.parse("getRecordings",
        "recordID=652c9eb4c07ad49283554c76301d68770326bd93-1462283509434,"
            + "9e359d17635e163c4388281567601d7fecf29df8-1461882579628&checksum=wxyz");
    GetRecordingsRequest paged = (GetRecordingsRequest) parser.parse("getRecordings",
        "state=published&offset=20&limit=10&checksum=abc123");
    GetRecordingsRequest all = (GetRecordingsRequest) parser.parse("getRecordings", "checksum=1234");

    assertThat(byMeetings.meetingIDs()).containsExactly("CS101", "CS102");
    assertThat(byRecords.recordIDs()).hasSize(2);
    assertThat(paged.states()).containsExactly("published");
    assertThat(paged.offset()).isEqualTo(OptionalInt.of(20));
    assertThat(paged.limit()).isEqualTo(OptionalInt.of(10));
    assertThat(all).isEqualTo(new GetRecordingsRequest(List.of(), List.of(), List.of(), Map.of(),
        OptionalInt.empty(), OptionalInt.empty()));
  }

  @Test
  void getMeetingsNeedsNoParameter() {
    assertThat(parser.parse("getMeetings", "checksum=1234")).isEqualTo(new GetMeetingsRequest());
    assertThat(parser.parse("getMeetings", null)).isEqualTo(new GetMeetingsRequest());
  }

  @Test
  void anUnknownCallIsUnsupported() {
    refused("insertDocument", "meetingID=test01", "unsupportedRequest");
  }

  @Test
  void aMalformedEscapeIsAValidationError() {
    refused("isMeetingRunning", "meetingID=abc%zz", "validationError").hasMessageContaining("percent");
  }

  @Test
  void sanitizesValuesAsBbbWeb() {
    JoinMeetingRequest join = (JoinMeetingRequest) parser.parse("join",
        "meetingID=test01&role=viewer&fullName=%20Ann%0D%0A+Smith%00%20");

    assertThat(join.fullName()).isEqualTo("Ann Smith");
  }

  @Test
  void keepsPasswordsOutOfToString() {
    CreateMeetingRequest create = (CreateMeetingRequest) parser.parse("create",
        "name=Test&meetingID=test01&moderatorPW=secret-mod&attendeePW=secret-att");
    JoinMeetingRequest join = (JoinMeetingRequest) parser.parse("join",
        "meetingID=test01&fullName=Ann&password=secret-mod");

    assertThat(create.toString()).doesNotContain("secret");
    assertThat(join.toString()).doesNotContain("secret");
  }
}

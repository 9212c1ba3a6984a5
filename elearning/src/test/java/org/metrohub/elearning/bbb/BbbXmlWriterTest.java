package org.metrohub.elearning.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Responses compared element by element, in order, with the examples of BigBlueButton's "API Reference"
 * (https://docs.bigbluebutton.org/development/api, source bigbluebutton/bigbluebutton
 * {@code docs/docs/development/api.md}) and, where the reference has no example, with bbb-web's FreeMarker
 * templates ({@code bigbluebutton-web/src/main/webapp/WEB-INF/freemarker/*.ftlx}). The example texts are
 * copied as published except where noted.
 */
class BbbXmlWriterTest {
  private final BbbXmlWriter writer = new BbbXmlWriter(ZoneId.of("UTC"));

  /** API reference, "create", Example Response (its {@code <`voiceBridge`>} markup typo written as the tag). */
  static final String CREATE_DUPLICATE_EXAMPLE = """
      <response>
        <returncode>SUCCESS</returncode>
        <meetingID>Test</meetingID>
        <internalMeetingID>640ab2bae07bedc4c163f679a746f7ab7fb5d1fa-1531155809613</internalMeetingID>
        <parentMeetingID>bbb-none</parentMeetingID>
        <attendeePW>ap</attendeePW>
        <moderatorPW>mp</moderatorPW>
        <createTime>1531155809613</createTime>
        <voiceBridge>70757</voiceBridge>
        <dialNumber>613-555-1234</dialNumber>
        <createDate>Mon Jul 09 17:03:29 UTC 2018</createDate>
        <hasUserJoined>false</hasUserJoined>
        <duration>0</duration>
        <hasBeenForciblyEnded>false</hasBeenForciblyEnded>
        <messageKey>duplicateWarning</messageKey>
        <message>This conference was already in existence and may currently be in progress.</message>
      </response>
      """;

  /** API reference, "getMeetingInfo", Example Response. */
  static final String MEETING_INFO_EXAMPLE = """
      <response>
      	<returncode>SUCCESS</returncode>
      	<meetingName>Anton G's Room</meetingName>
      	<meetingID>gbesu6dht08uobpislzqxsizjzihn87cmewqyacs</meetingID>
      	<internalMeetingID>a0715c95000a2bcb90604ecc7097dbc94592c690-1715261728123</internalMeetingID>
      	<createTime>1715261728123</createTime>
      	<createDate>Thu May 09 13:35:28 UTC 2024</createDate>
      	<voiceBridge>66052</voiceBridge>
      	<dialNumber>613-555-1234</dialNumber>
      	<attendeePW>1umEM3ic</attendeePW>
      	<moderatorPW>V91JirCa</moderatorPW>
      	<running>true</running>
      	<duration>0</duration>
      	<hasUserJoined>true</hasUserJoined>
      	<recording>true</recording>
      	<hasBeenForciblyEnded>false</hasBeenForciblyEnded>
      	<startTime>1715261728142</startTime>
      	<endTime>0</endTime>
      	<participantCount>1</participantCount>
      	<listenerCount>0</listenerCount>
      	<voiceParticipantCount>1</voiceParticipantCount>
      	<videoCount>1</videoCount>
      	<maxUsers>0</maxUsers>
      	<moderatorCount>1</moderatorCount>
      	<attendees>
      		<attendee>
      			<userID>w_ftcrsyuh44oj</userID>
      			<fullName>Anton G</fullName>
      			<role>MODERATOR</role>
      			<isPresenter>true</isPresenter>
      			<isListeningOnly>false</isListeningOnly>
      			<hasJoinedVoice>true</hasJoinedVoice>
      			<hasVideo>true</hasVideo>
      			<clientType>HTML5</clientType>
      			<customdata></customdata>
      		</attendee>
      	</attendees>
      	<metadata>
      		<bbb-origin-version>summit2024-6d8120x</bbb-origin-version>
      		<bbb-origin-server-name>test30.bigbluebutton.org</bbb-origin-server-name>
      		<bbb-recording-ready-url>https://test30.bigbluebutton.org/recording_ready</bbb-recording-ready-url>
      		<bbb-origin>greenlight</bbb-origin>
      		<endcallbackurl>https://test30.bigbluebutton.org/meeting_ended</endcallbackurl>
      	</metadata>
      	<isBreakout>false</isBreakout>
      </response>
      """;

  /** API reference, "getMeetings", Example Response (same {@code voiceBridge} typo corrected). */
  static final String MEETINGS_EXAMPLE = """
      <response>
        <returncode>SUCCESS</returncode>
        <meetings>
          <meeting>
            <meetingName>Demo Meeting</meetingName>
            <meetingID>Demo Meeting</meetingID>
            <internalMeetingID>183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1531241258036</internalMeetingID>
            <createTime>1531241258036</createTime>
            <createDate>Tue Jul 10 16:47:38 UTC 2018</createDate>
            <voiceBridge>70066</voiceBridge>
            <dialNumber>613-555-1234</dialNumber>
            <attendeePW>ap</attendeePW>
            <moderatorPW>mp</moderatorPW>
            <running>false</running>
            <duration>0</duration>
            <hasUserJoined>false</hasUserJoined>
            <recording>false</recording>
            <hasBeenForciblyEnded>false</hasBeenForciblyEnded>
            <startTime>1531241258074</startTime>
            <endTime>0</endTime>
            <participantCount>0</participantCount>
            <listenerCount>0</listenerCount>
            <voiceParticipantCount>0</voiceParticipantCount>
            <videoCount>0</videoCount>
            <maxUsers>0</maxUsers>
            <moderatorCount>0</moderatorCount>
            <attendees />
            <metadata />
            <isBreakout>false</isBreakout>
          </meeting>
        </meetings>
      </response>
      """;

  static BbbMeeting antonsRoom() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("bbb-origin-version", "summit2024-6d8120x");
    metadata.put("bbb-origin-server-name", "test30.bigbluebutton.org");
    metadata.put("bbb-recording-ready-url", "https://test30.bigbluebutton.org/recording_ready");
    metadata.put("bbb-origin", "greenlight");
    metadata.put("endcallbackurl", "https://test30.bigbluebutton.org/meeting_ended");
    BbbAttendee anton = new BbbAttendee("w_ftcrsyuh44oj", "Anton G", BbbRole.MODERATOR, true, false, true, true,
        "HTML5", Map.of());
    return new BbbMeeting("Anton G's Room", "gbesu6dht08uobpislzqxsizjzihn87cmewqyacs",
        "a0715c95000a2bcb90604ecc7097dbc94592c690-1715261728123", BbbMeeting.NO_PARENT, "1umEM3ic", "V91JirCa",
        1715261728123L, "66052", "613-555-1234", true, 0, true, true, false, 1715261728142L, 0, 0,
        List.of(anton), metadata);
  }

  static BbbMeeting demoMeeting() {
    return new BbbMeeting("Demo Meeting", "Demo Meeting", BbbMeeting.internalMeetingId("Demo Meeting", 1531241258036L),
        BbbMeeting.NO_PARENT, "ap", "mp", 1531241258036L, "70066", "613-555-1234", false, 0, false, false, false,
        1531241258074L, 0, 0, List.of(), Map.of());
  }

  @Test
  void createWithDuplicateWarningMatchesTheReferenceExample() {
    BbbMeeting test = new BbbMeeting("Test", "Test", BbbMeeting.internalMeetingId("Test", 1531155809613L),
        BbbMeeting.NO_PARENT, "ap", "mp", 1531155809613L, "70757", "613-555-1234", true, 0, false, false, false,
        0, 0, 0, List.of(), Map.of());

    String xml = writer.create(test, "duplicateWarning",
        "This conference was already in existence and may currently be in progress.");

    assertThat(XmlShape.of(xml)).containsExactlyElementsOf(XmlShape.of(CREATE_DUPLICATE_EXAMPLE));
  }

  @Test
  void createOfANewMeetingHasEmptyMessageKeyAndMessageAsBbbWebsTemplate() {
    String xml = writer.create(demoMeeting(), "", "");

    assertThat(XmlShape.of(xml)).endsWith("response/hasBeenForciblyEnded=false", "response/messageKey=",
        "response/message=");
  }

  @Test
  void internalMeetingIdIsSha1OfTheExternalIdDashCreateTimeAsInTheExamples() {
    assertThat(BbbMeeting.internalMeetingId("Test", 1531155809613L))
        .isEqualTo("640ab2bae07bedc4c163f679a746f7ab7fb5d1fa-1531155809613");
    assertThat(BbbMeeting.internalMeetingId("Demo Meeting", 1531241258036L))
        .isEqualTo("183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1531241258036");
  }

  @Test
  void createDateIsJavaUtilDateToStringInTheConfiguredZone() {
    assertThat(writer.createDate(1531155809613L)).isEqualTo("Mon Jul 09 17:03:29 UTC 2018");
    assertThat(new BbbXmlWriter(ZoneId.of("Europe/Berlin")).createDate(1531155809613L))
        .isEqualTo("Mon Jul 09 19:03:29 CEST 2018");
  }

  @Test
  void meetingInfoMatchesTheReferenceExampleWithAttendeeAndMetadata() {
    assertThat(XmlShape.of(writer.meetingInfo(antonsRoom()))).containsExactlyElementsOf(XmlShape.of(MEETING_INFO_EXAMPLE));
  }

  @Test
  void meetingsMatchesTheReferenceExample() {
    assertThat(XmlShape.of(writer.meetings(List.of(demoMeeting()))))
        .containsExactlyElementsOf(XmlShape.of(MEETINGS_EXAMPLE));
  }

  @Test
  void noMeetingsIsAnEmptyListWithMessageKeyAsGetMeetingsTemplate() {
    // get-meetings.ftlx, the #else branch, with ApiController's key and message
    String expected = "<response><returncode>SUCCESS</returncode><meetings/><messageKey>noMeetings</messageKey>"
        + "<message>no meetings were found on this server</message></response>";

    assertThat(writer.meetings(List.of())).isEqualTo(expected);
  }

  @Test
  void isMeetingRunningMatchesTheReferenceExample() {
    String example = """
        <response>
          <returncode>SUCCESS</returncode>
          <running>true</running>
        </response>
        """;

    assertThat(XmlShape.of(writer.isMeetingRunning(true))).containsExactlyElementsOf(XmlShape.of(example));
    assertThat(writer.isMeetingRunning(false)).contains("<running>false</running>");
  }

  @Test
  void endHasTheReferenceExamplesShapeAndBbbWebsMessage() {
    String example = """
        <response>
          <returncode>SUCCESS</returncode>
          <messageKey>sentEndMeetingRequest</messageKey>
          <message>
            A request to end the meeting was sent.  Please wait a few seconds, and then use the getMeetingInfo or isMeetingRunning API calls to verify that it was ended
          </message>
        </response>
        """;
    String xml = writer.end();

    assertThat(XmlShape.names(xml)).containsExactlyElementsOf(XmlShape.names(example));
    assertThat(XmlShape.of(xml)).contains("response/messageKey=sentEndMeetingRequest");
    // ApiController's text ends with a full stop; the reference's example dropped it
    assertThat(XmlShape.of(xml).getLast()).startsWith(XmlShape.of(example).getLast());
  }

  @Test
  void joinedWithoutRedirectMatchesTheReferenceExamplePlusTheTemplatesGuestStatus() {
    // the reference's example, plus <guestStatus> which join-meeting.ftlx writes before <url>
    String example = """
        <response>
          <returncode>SUCCESS</returncode>
          <messageKey>successfullyJoined</messageKey>
          <message>You have joined successfully.</message>
          <meeting_id>640ab2bae07bedc4c163f679a746f7ab7fb5d1fa-1531155809613</meeting_id>
          <user_id>w_euxnssffnsbs</user_id>
          <auth_token>14mm5y3eurjw</auth_token>
          <session_token>ai1wqj8wb6s7rnk0</session_token>
          <guestStatus>ALLOW</guestStatus>
          <url>https://yourserver.com/client/BigBlueButton.html?sessionToken=ai1wqj8wb6s7rnk0</url>
        </response>
        """;
    BbbMeeting test = new BbbMeeting("Test", "Test", "640ab2bae07bedc4c163f679a746f7ab7fb5d1fa-1531155809613",
        BbbMeeting.NO_PARENT, "ap", "mp", 1531155809613L, "70757", "613-555-1234", true, 0, false, false, false,
        0, 0, 0, List.of(), Map.of());
    BbbApi.Joined joined = new BbbApi.Joined(
        "https://yourserver.com/client/BigBlueButton.html?sessionToken=ai1wqj8wb6s7rnk0", "w_euxnssffnsbs",
        "14mm5y3eurjw", "ai1wqj8wb6s7rnk0");

    assertThat(XmlShape.of(writer.joined(test, joined))).containsExactlyElementsOf(XmlShape.of(example));
  }

  @Test
  void checksumErrorMatchesTheReferenceExample() {
    // API reference, "create" → "POST request": the answer to a checksum that does not match
    String example = """
        <response>
        <returncode>FAILED</returncode>
        <messageKey>checksumError</messageKey>
        <message>Checksums do not match</message>
        </response>
        """;

    assertThat(XmlShape.of(writer.error(BbbError.CHECKSUM_MISMATCH))).containsExactlyElementsOf(XmlShape.of(example));
  }

  @Test
  void recordingsMatchTheReferenceExamplesFirstRecording() {
    // API reference, "getRecordings": the first recording with its podcast format (the presentation format's
    // <preview> thumbnails are not modelled yet)
    String example = """
        <response>
           <returncode>SUCCESS</returncode>
           <recordings>
              <recording>
                 <recordID>ffbfc4cc24428694e8b53a4e144f414052431693-1530718721124</recordID>
                 <meetingID>c637ba21adcd0191f48f5c4bf23fab0f96ed5c18</meetingID>
                 <internalMeetingID>ffbfc4cc24428694e8b53a4e144f414052431693-1530718721124</internalMeetingID>
                 <name>Fred's Room</name>
                 <isBreakout>false</isBreakout>
                 <published>true</published>
                 <state>published</state>
                 <startTime>1530718721124</startTime>
                 <endTime>1530718810456</endTime>
                 <participants>3</participants>
                 <metadata>
                    <isBreakout>false</isBreakout>
                    <meetingName>Fred's Room</meetingName>
                    <gl-listed>false</gl-listed>
                    <meetingId>c637ba21adcd0191f48f5c4bf23fab0f96ed5c18</meetingId>
                 </metadata>
                 <playback>
                    <format>
                       <type>podcast</type>
                       <url>https://demo.bigbluebutton.org/podcast/ffbfc4cc24428694e8b53a4e144f414052431693-1530718721124/audio.ogg</url>
                       <processingTime>0</processingTime>
                       <length>0</length>
                    </format>
                 </playback>
              </recording>
           </recordings>
        </response>
        """;
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("isBreakout", "false");
    metadata.put("meetingName", "Fred's Room");
    metadata.put("gl-listed", "false");
    metadata.put("meetingId", "c637ba21adcd0191f48f5c4bf23fab0f96ed5c18");
    BbbRecording recording = new BbbRecording("ffbfc4cc24428694e8b53a4e144f414052431693-1530718721124",
        "c637ba21adcd0191f48f5c4bf23fab0f96ed5c18", "ffbfc4cc24428694e8b53a4e144f414052431693-1530718721124",
        "Fred's Room", false, true, "published", 1530718721124L, 1530718810456L, 3, metadata,
        List.of(new BbbRecording.Playback("podcast", "https://demo.bigbluebutton.org/podcast/"
            + "ffbfc4cc24428694e8b53a4e144f414052431693-1530718721124/audio.ogg", 0, 0)));

    assertThat(XmlShape.of(writer.recordings(List.of(recording)))).containsExactlyElementsOf(XmlShape.of(example));
  }

  @Test
  void noRecordingsIsSuccessWithAnEmptyListAndMessageKey() {
    // bbb-web's answer when nothing matches (its recording service builds this literally)
    String expected = "<response><returncode>SUCCESS</returncode><recordings></recordings>"
        + "<messageKey>noRecordings</messageKey><message>There are no recordings for the meeting(s).</message>"
        + "</response>";

    assertThat(writer.recordings(List.of())).isEqualTo(expected);
  }

  @Test
  void escapesMarkupInNamesAndMetadataValues() {
    BbbMeeting hostile = new BbbMeeting("<b>Physics</b> & \"Chem\"", "lesson-1", "x-1", BbbMeeting.NO_PARENT, "ap",
        "mp", 1, "70000", "", true, 0, false, false, false, 0, 0, 0,
        List.of(new BbbAttendee("u1", "Ann</fullName><role>MODERATOR", BbbRole.VIEWER, false, false, false, false,
            "HTML5", Map.of("bbb_key", "]]><x/>"))),
        Map.of("callback", "https://lms.example/cb?a=1&b=<2>"));

    String xml = writer.meetingInfo(hostile);

    assertThat(xml).contains("<meetingName>&lt;b&gt;Physics&lt;/b&gt; &amp; \"Chem\"</meetingName>");
    assertThat(XmlShape.of(xml)).contains("response/meetingName=<b>Physics</b> & \"Chem\"",
        "response/attendees/attendee/fullName=Ann</fullName><role>MODERATOR",
        "response/attendees/attendee/role=VIEWER",
        "response/attendees/attendee/customdata/bbb_key=]]><x/>",
        "response/metadata/callback=https://lms.example/cb?a=1&b=<2>");
  }

  @Test
  void dropsCharactersXmlCannotCarry() {
    BbbMeeting meeting = new BbbMeeting("Bell\u0007 and NUL\u0000 and \uD800lone", "lesson-1", "x-1",
        BbbMeeting.NO_PARENT, "", "", 1, "70000", "", false, 0, false, false, false, 0, 0, 0, List.of(), Map.of());

    String xml = writer.meetingInfo(meeting);

    assertThat(XmlShape.of(xml)).contains("response/meetingName=Bell and NUL and lone");
  }

  @Test
  void omitsEmptyPasswordsAsBbbWebsTemplates() {
    BbbMeeting meeting = new BbbMeeting("Room", "lesson-1", "x-1", BbbMeeting.NO_PARENT, "", "", 1, "70000", "",
        false, 0, false, false, false, 0, 0, 0, List.of(), Map.of());

    assertThat(XmlShape.names(writer.meetingInfo(meeting))).doesNotContain("response/attendeePW",
        "response/moderatorPW");
    assertThat(XmlShape.names(writer.create(meeting, "", ""))).doesNotContain("response/attendeePW");
  }

  @Test
  void refusesAMetadataNameThatIsNotAnElementName() {
    BbbMeeting meeting = new BbbMeeting("Room", "lesson-1", "x-1", BbbMeeting.NO_PARENT, "ap", "mp", 1, "70000",
        "", false, 0, false, false, false, 0, 0, 0, List.of(), Map.of("a><b", "x"));

    assertThatThrownBy(() -> writer.meetingInfo(meeting)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a><b");
  }

  @Test
  void versionAnswersTheApiRoot() {
    assertThat(writer.version("2.0")).isEqualTo(
        "<response><returncode>SUCCESS</returncode><version>2.0</version><apiVersion>2.0</apiVersion></response>");
  }
}

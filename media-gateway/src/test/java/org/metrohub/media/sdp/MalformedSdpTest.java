package org.metrohub.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile or broken input is rejected with an {@link SdpParseException} naming the line, never anything else. */
class MalformedSdpTest {
  private static final String MINIMAL = """
      v=0
      o=- 1 1 IN IP4 127.0.0.1
      s=-
      t=0 0
      m=audio 9 UDP/TLS/RTP/SAVPF 111
      a=rtpmap:111 opus/48000/2
      """;

  private static SdpParseException parseError(String text) {
    Throwable thrown = catchThrowable(() -> SdpParser.parse(text));
    assertThat(thrown).isInstanceOf(SdpParseException.class);
    return (SdpParseException) thrown;
  }

  @Test
  void acceptsTheMinimalDescriptionTheseCasesStartFrom() {
    assertThat(SdpParser.parse(MINIMAL).media()).hasSize(1);
  }

  @Test
  void rejectsAMissingVersionLine() {
    SdpParseException e = parseError(MINIMAL.replace("v=0\n", ""));

    assertThat(e.lineNumber()).isEqualTo(1);
    assertThat(e).hasMessage("line 1: a description starts with \"v=0\"");
  }

  @Test
  void rejectsRtpmapWithoutClockRateOnItsLine() {
    SdpParseException e = parseError(MINIMAL.replace("opus/48000/2", "opus"));

    assertThat(e).hasMessage("line 6: a=rtpmap needs \"<pt> <encoding>/<clock>[/<channels>]\"");
  }

  @Test
  void rejectsRtpmapWithNonNumericPayloadType() {
    assertThat(parseError(MINIMAL.replace("rtpmap:111", "rtpmap:x1")))
        .hasMessage("line 6: payload type must be a number, got \"x1\"");
  }

  @Test
  void rejectsNonNumericPort() {
    assertThat(parseError(MINIMAL.replace("m=audio 9 ", "m=audio nine ")))
        .hasMessage("line 5: port must be a number, got \"nine\"");
  }

  @Test
  void rejectsPortAbove65535() {
    assertThat(parseError(MINIMAL.replace("m=audio 9 ", "m=audio 70000 ")))
        .hasMessage("line 5: port must be between 0 and 65535, got 70000");
  }

  @Test
  void rejectsAOneMebibyteInputAtTheLineThatCrossesTheLimit() {
    String huge = MINIMAL + "a=x:" + "A".repeat(1024 * 1024) + "\n";

    SdpParseException e = parseError(huge);

    assertThat(e.lineNumber()).isEqualTo(7);
    assertThat(e).hasMessageContaining("longer than 65536 characters");
  }

  @Test
  void rejectsTooManyLines() {
    String many = MINIMAL + "a=rtcp-mux\n".repeat(3000);

    assertThat(parseError(many)).hasMessage("line 2001: more than 2000 lines");
  }

  @Test
  void rejectsANulByteWithItsColumn() {
    assertThat(parseError(MINIMAL.replace("s=-", "s=-\0")))
        .hasMessage("line 3: control character U+0000 at column 4");
  }

  @Test
  void rejectsALineWithoutEquals() {
    assertThat(parseError(MINIMAL.replace("t=0 0", "t 0 0")))
        .hasMessage("line 4: expected \"<type>=<value>\", got \"t 0 0\"");
  }

  @Test
  void rejectsAnEmptyLineInTheMiddle() {
    assertThat(parseError(MINIMAL.replace("s=-\n", "s=-\n\n")).lineNumber()).isEqualTo(4);
  }

  @Test
  void rejectsAMissingTimingLineAtTheFirstMediaSection() {
    assertThat(parseError(MINIMAL.replace("t=0 0\n", "")))
        .hasMessage("line 4: missing t= line before this point");
  }

  @Test
  void rejectsEmptyAndNullInput() {
    assertThat(parseError("").lineNumber()).isEqualTo(1);
    assertThat(parseError(null).lineNumber()).isEqualTo(1);
  }

  @Test
  void rejectsABadFingerprintAndSetupRole() {
    assertThat(parseError(MINIMAL + "a=fingerprint:sha-256 ZZ:00\n")).hasMessageStartingWith("line 7: a=fingerprint");
    assertThat(parseError(MINIMAL + "a=setup:both\n")).hasMessageStartingWith("line 7: a=setup must be");
  }

  @Test
  void neverThrowsAnythingElseForTruncatedOrMutatedRealOffers() {
    String offer = SdpResources.load("chrome-156-simulcast-offer.sdp");
    Random random = new Random(42);
    for (int cut = 0; cut < offer.length(); cut += 7) {
      assertParsesOrRejects(offer.substring(0, cut));
    }
    for (int i = 0; i < 2000; i++) {
      char[] chars = offer.toCharArray();
      for (int k = 0; k < 3; k++) {
        chars[random.nextInt(chars.length)] = " :/=;-0123456789\naz~*\r".charAt(random.nextInt(22));
      }
      assertParsesOrRejects(new String(chars));
    }
  }

  private static void assertParsesOrRejects(String text) {
    try {
      SessionDescription parsed = SdpParser.parse(text);
      assertThat(SdpParser.parse(SdpWriter.write(parsed))).isEqualTo(parsed);
    } catch (SdpParseException expected) {
      assertThat(expected.lineNumber()).isPositive();
    }
  }

  @Test
  void rejectsLinesOutsideTheirPlace() {
    assertThatThrownBy(() -> SdpParser.parse(MINIMAL + "o=- 1 1 IN IP4 127.0.0.1\n"))
        .isInstanceOf(SdpParseException.class)
        .hasMessage("line 7: o= belongs to the session, not to a media section");
  }
}

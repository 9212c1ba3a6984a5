package org.metrohub.media.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metrohub.media.sdp.SdpParseException;
import org.metrohub.media.sdp.SdpParser;

/**
 * Offers come from the network: whatever arrives, reading and answering it ends in an answer, a
 * {@link NegotiationException} or an {@link SdpParseException}, never in another exception.
 */
class HostileOfferTest {
  private static final List<String> CAPTURES = List.of(OfferTexts.load(OfferTexts.CHROMIUM_SIMULCAST),
      OfferTexts.load(OfferTexts.CHROMIUM_PLAIN), OfferTexts.load(OfferTexts.FIREFOX));
  private static final String PLAIN = CAPTURES.get(1);

  private final OfferReader reader = new OfferReader();

  /** Reads and answers {@code sdp}; returns the refusal, or null after checking the answer parses back. */
  private Throwable negotiate(String sdp) {
    Throwable thrown = catchThrowable(() -> {
      Offer offer = reader.read(sdp);
      // a source for every section the browser receives in, as the signalling layer would assign them
      Map<String, OutgoingTrack> tracks = new HashMap<>();
      long ssrc = 10_000;
      for (OfferedSection s : offer.sections()) {
        if (s.browserReceives() && (s.kind() == MediaKind.AUDIO || s.kind() == MediaKind.VIDEO)) {
          tracks.put(s.mid(), new OutgoingTrack(s.kind(), ssrc++, OptionalLong.of(ssrc++), "peer", "t" + ssrc,
              "metrohub"));
        }
      }
      Answer answer = new AnswerBuilder(CodecPolicy.DEFAULT, 1).answer(offer, OfferTexts.LOCAL, tracks);
      assertThat(SdpParser.parse(answer.sdp())).isEqualTo(answer.description());
    });
    if (thrown != null && !(thrown instanceof NegotiationException) && !(thrown instanceof SdpParseException)) {
      throw new AssertionError("unexpected " + thrown + " for offer:\n" + sdp, thrown);
    }
    return thrown;
  }

  @Test
  void refusesAHugeOfferBeforeLookingAtIt() {
    String huge = PLAIN + ("a=x-padding:" + "A".repeat(1000) + "\r\n").repeat(600);

    assertThatThrownBy(() -> reader.read(huge)).isInstanceOf(SdpParseException.class)
        .hasMessageContaining("longer than 524288 characters");
  }

  @Test
  void refusesOffersMissingTheirFirstLines() {
    assertThat(negotiate(PLAIN.replace("v=0\r\n", ""))).isInstanceOf(SdpParseException.class);
    assertThat(negotiate(PLAIN.replaceFirst("o=[^\r]*\r\n", ""))).isInstanceOf(SdpParseException.class);
    assertThat(negotiate("")).isInstanceOf(SdpParseException.class);
    assertThat(negotiate(null)).isInstanceOf(SdpParseException.class);
    assertThat(negotiate(PLAIN.substring(0, PLAIN.indexOf("m=audio")))).isInstanceOf(NegotiationException.class)
        .hasMessage("the offer has no media sections");
  }

  @Test
  void refusesBadPayloadTypeNumbers() {
    assertThat(negotiate(PLAIN.replace("SAVPF 111 63", "SAVPF 300 63"))).isInstanceOf(SdpParseException.class)
        .hasMessageContaining("payload type must be between 0 and 127, got 300");
    assertThat(negotiate(PLAIN.replace("a=rtpmap:111 opus", "a=rtpmap:-1 opus"))).isInstanceOf(SdpParseException.class);
  }

  @Test
  void rejectsOpusOnAPayloadTypeThatCollidesWithRtcpButAnswersTheRest() {
    String rtcpRange = OfferTexts.editSection(PLAIN, 0, l -> l.replace("SAVPF 111 ", "SAVPF 72 ")
        .replace(":111 ", ":72 "));

    assertThat(negotiate(rtcpRange)).isNull();
    Answer answer = new AnswerBuilder(CodecPolicy.DEFAULT, 1).answer(reader.read(rtcpRange), OfferTexts.LOCAL, Map.of());
    assertThat(answer.negotiated().section("0").orElseThrow().accepted()).isFalse();
  }

  @Test
  void refusesDuplicateMids() {
    assertThat(negotiate(PLAIN.replace("a=mid:1", "a=mid:0"))).isInstanceOf(NegotiationException.class)
        .hasMessage("mid \"0\" names more than one media section");
  }

  @Test
  void quotesAtMostAShortPieceOfTheOfferInMessages() {
    String longMid = "m".repeat(200);

    Throwable thrown = negotiate(PLAIN.replace("a=mid:2", "a=mid:" + longMid));

    assertThat(thrown).isInstanceOf(NegotiationException.class);
    assertThat(thrown.getMessage()).hasSizeLessThan(100).contains("\"mmmmmmmmmmmmmmmmmmmmmmmm...\"");
  }

  @Test
  void survivesFifteenHundredMutationsOfTheCapturedOffers() {
    Random random = new Random(20261125L); // fixed: a failure names the offer and reproduces
    int answered = 0;
    int refused = 0;
    for (int i = 0; i < 1500; i++) {
      String mutated = mutate(CAPTURES.get(i % CAPTURES.size()), random);
      if (negotiate(mutated) == null) {
        answered++;
      } else {
        refused++;
      }
    }

    // both outcomes occur: the mutations are neither all fatal nor all harmless
    assertThat(answered).isGreaterThan(150);
    assertThat(refused).isGreaterThan(150);
  }

  private static final String[] TOKENS = {"0", "1", "2", "-1", "65536", "4294967296", "127", "128", " ", "  ", ":",
      "/", ";", "*", "~", "a=mid:0", "a=group:BUNDLE", "sha-1", "passive", "recvonly", "inactive", "rtx", "apt=999",
      "\u00e9", "x".repeat(300)};

  /** One to three edits: drop, repeat or swap lines, change a character or a number, splice in a token, cut. */
  private static String mutate(String sdp, Random random) {
    List<String> lines = new ArrayList<>(OfferTexts.lines(sdp));
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && !lines.isEmpty(); e++) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(8)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(random.nextInt(lines.size() + 1), line);
        case 2 -> {
          int other = random.nextInt(lines.size());
          lines.set(at, lines.get(other));
          lines.set(other, line);
        }
        case 3 -> {
          if (!line.isEmpty()) {
            int pos = random.nextInt(line.length());
            lines.set(at, line.substring(0, pos) + (char) (0x20 + random.nextInt(0x5F)) + line.substring(pos + 1));
          }
        }
        case 4 -> lines.set(at, line.replaceFirst("\\d+", Integer.toString(random.nextInt(140))));
        case 5 -> {
          int pos = random.nextInt(line.length() + 1);
          lines.set(at, line.substring(0, pos) + TOKENS[random.nextInt(TOKENS.length)] + line.substring(pos));
        }
        case 6 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
        default -> lines.set(at, line.replaceFirst("a=mid:\\S+", "a=mid:" + random.nextInt(4))
            .replaceFirst("a=(sendrecv|sendonly)", "a=recvonly"));
      }
    }
    return OfferTexts.join(lines);
  }
}

package org.metrohub.media.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.metrohub.media.sdp.HeaderExtensions;
import org.metrohub.media.sdp.SdpParser;

/** Answers to the captured Chromium 156 and Firefox ESR 153 offers and to re-offers built from them. */
class AnswerBuilderTest {
  private static final String CHROMIUM_SIMULCAST = OfferTexts.load(OfferTexts.CHROMIUM_SIMULCAST);
  private static final String CHROMIUM_PLAIN = OfferTexts.load(OfferTexts.CHROMIUM_PLAIN);
  private static final String FIREFOX = OfferTexts.load(OfferTexts.FIREFOX);
  private static final OutgoingTrack BOB_CAMERA =
      new OutgoingTrack(MediaKind.VIDEO, 1111, OptionalLong.of(2222), "bob", "bob-camera", "metrohub");
  private static final OutgoingTrack BOB_MICROPHONE =
      new OutgoingTrack(MediaKind.AUDIO, 3333, OptionalLong.of(4444), "bob", "bob-microphone", "metrohub");

  private final OfferReader reader = new OfferReader();
  private final AnswerBuilder builder = new AnswerBuilder(CodecPolicy.DEFAULT, 4242);

  private Answer answer(String offer, Map<String, OutgoingTrack> tracks) {
    return builder.answer(reader.read(offer), OfferTexts.LOCAL, tracks);
  }

  @Test
  void answersChromiumsSimulcastOfferLineForLine() {
    Answer answer = answer(CHROMIUM_SIMULCAST, Map.of());

    assertThat(answer.sdp()).isEqualTo(OfferTexts.join(List.of(
        "v=0",
        "o=- 4242 1 IN IP4 127.0.0.1",
        "s=-",
        "t=0 0",
        "a=group:BUNDLE 0 1", // the data channel (mid 2) is rejected, so it leaves the group (RFC 9143 §7.3.3)
        "a=extmap-allow-mixed",
        "a=msid-semantic: WMS *",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111",
        "c=IN IP4 0.0.0.0",
        // the answerer-tagged section carries the node's candidates (it does not trickle)
        "a=candidate:1 1 udp 2130706431 192.0.2.10 10000 typ host",
        "a=candidate:2 1 tcp 1694498815 192.0.2.10 4443 typ host tcptype passive",
        "a=end-of-candidates",
        "a=ice-ufrag:Mh7q",
        "a=ice-pwd:Zx3kP9sVb2Qe7RtY1uWc5nLa",
        "a=ice-options:trickle",
        "a=fingerprint:sha-256 4F:1A:93:0C:22:B7:5E:61:D8:0F:3A:9C:47:E2:15:B0:6D:88:21:C4:F9:3E:57:0A:B6:12:DD:84:6F:39"
            + ":C1:70",
        "a=setup:passive",
        "a=mid:0",
        "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
        "a=recvonly", // offered sendrecv, nothing assigned to send back
        "a=rtcp-mux",
        "a=rtcp-rsize",
        "a=rtpmap:111 opus/48000/2",
        "a=rtcp-fb:111 transport-cc",
        "a=fmtp:111 minptime=10;useinbandfec=1",
        "m=video 9 UDP/TLS/RTP/SAVPF 96 97 108 109 98 99",
        "c=IN IP4 0.0.0.0",
        "a=ice-ufrag:Mh7q",
        "a=ice-pwd:Zx3kP9sVb2Qe7RtY1uWc5nLa",
        "a=ice-options:trickle",
        "a=fingerprint:sha-256 4F:1A:93:0C:22:B7:5E:61:D8:0F:3A:9C:47:E2:15:B0:6D:88:21:C4:F9:3E:57:0A:B6:12:DD:84:6F:39"
            + ":C1:70",
        "a=setup:passive",
        "a=mid:1",
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
        "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
        "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id",
        "a=recvonly",
        "a=rtcp-mux",
        "a=rtcp-rsize",
        "a=rtpmap:96 VP8/90000",
        "a=rtcp-fb:96 goog-remb",
        "a=rtcp-fb:96 transport-cc",
        "a=rtcp-fb:96 ccm fir",
        "a=rtcp-fb:96 nack",
        "a=rtcp-fb:96 nack pli",
        "a=rtpmap:97 rtx/90000",
        "a=fmtp:97 apt=96",
        "a=rtpmap:108 H264/90000",
        "a=rtcp-fb:108 goog-remb",
        "a=rtcp-fb:108 transport-cc",
        "a=rtcp-fb:108 ccm fir",
        "a=rtcp-fb:108 nack",
        "a=rtcp-fb:108 nack pli",
        "a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
        "a=rtpmap:109 rtx/90000",
        "a=fmtp:109 apt=108",
        "a=rtpmap:98 VP9/90000",
        "a=rtcp-fb:98 goog-remb",
        "a=rtcp-fb:98 transport-cc",
        "a=rtcp-fb:98 ccm fir",
        "a=rtcp-fb:98 nack",
        "a=rtcp-fb:98 nack pli",
        "a=fmtp:98 profile-id=0",
        "a=rtpmap:99 rtx/90000",
        "a=fmtp:99 apt=98",
        "a=rid:q recv", // RFC 8853 §5.3: the answerer receives the offered send rids
        "a=rid:h recv",
        "a=rid:f recv",
        "a=simulcast:recv q;h;f",
        "m=application 0 UDP/DTLS/SCTP webrtc-datachannel", // data channels: rejected for now
        "c=IN IP4 0.0.0.0",
        "a=mid:2")));
  }

  @Test
  void receivesRidsAddedToThePlainCaptureAsChromiumWritesThem() {
    // The plain capture's video section turned into rid simulcast: Chromium 156 then writes these lines and no
    // a=ssrc lines (compare chrome-156-simulcast-offer.sdp); the rid extmaps 10 and 11 are already offered.
    String simulcast = OfferTexts.editSection(CHROMIUM_PLAIN, 1, l -> l.startsWith("a=ssrc") ? ""
        : l.equals("a=rtpmap:120 ulpfec/90000")
            ? l + "\r\na=rid:q send\r\na=rid:h send\r\na=rid:f send\r\na=simulcast:send q;h;f" : l);

    Answer answer = answer(simulcast, Map.of());

    assertThat(OfferTexts.section(answer.sdp(), 1)).endsWith(
        "a=rid:q recv", "a=rid:h recv", "a=rid:f recv", "a=simulcast:recv q;h;f");
    assertThat(answer.negotiated().section("1").orElseThrow().rids()).containsExactly("q", "h", "f");
    assertThat(answer.negotiated().section("1").orElseThrow().ssrcs()).isEmpty();
  }

  @Test
  void answersAScreenShareSectionWithoutSimulcastNextToTheCamera() {
    // a second sendonly video section with SSRCs and no rids, as Chromium writes a screen-share transceiver
    // (the plain capture's section, on the simulcast capture's ICE credentials and certificate)
    List<String> transport = OfferTexts.section(CHROMIUM_SIMULCAST, 1).stream()
        .filter(l -> l.startsWith("a=ice-ufrag:") || l.startsWith("a=ice-pwd:") || l.startsWith("a=fingerprint:"))
        .toList();
    List<String> screen = OfferTexts.section(CHROMIUM_PLAIN, 1).stream()
        .map(l -> l.equals("a=mid:1") ? "a=mid:3" : l.equals("a=sendrecv") ? "a=sendonly" : l)
        .map(l -> l.startsWith("a=ice-ufrag:") ? transport.get(0) : l.startsWith("a=ice-pwd:") ? transport.get(1)
            : l.startsWith("a=fingerprint:") ? transport.get(2) : l)
        .toList();
    String offer = OfferTexts.withSection(CHROMIUM_SIMULCAST, screen);

    Answer answer = answer(offer, Map.of());

    assertThat(OfferTexts.section(answer.sdp(), 3)).contains("a=mid:3", "a=recvonly")
        .noneMatch(l -> l.startsWith("a=rid:") || l.startsWith("a=simulcast:"));
    Negotiated.Section section = answer.negotiated().section("3").orElseThrow();
    assertThat(section.direction()).isEqualTo(NodeDirection.RECEIVE);
    assertThat(section.rids()).isEmpty();
    assertThat(section.ssrcGroups()).hasSize(1);
    assertThat(answer.negotiated().section("1").orElseThrow().rids()).containsExactly("q", "h", "f");
  }

  @Test
  void tellsTheRouterWhatChromiumSends() {
    Negotiated negotiated = answer(CHROMIUM_SIMULCAST, Map.of()).negotiated();
    Negotiated.Section video = negotiated.section("1").orElseThrow();

    assertThat(negotiated.transportMid()).isEqualTo("0");
    assertThat(negotiated.bundle()).containsExactly("0", "1");
    assertThat(video.direction()).isEqualTo(NodeDirection.RECEIVE);
    assertThat(video.rids()).containsExactly("q", "h", "f");
    assertThat(video.ssrcs()).isEmpty(); // rid simulcast: SSRCs are learnt from the rtp-stream-id extension
    assertThat(video.extensionId(HeaderExtensions.RID)).isEqualTo(OptionalInt.of(10));
    assertThat(video.extensionIds()).containsOnlyKeys(HeaderExtensions.ABS_SEND_TIME,
        HeaderExtensions.TRANSPORT_WIDE_CC, HeaderExtensions.MID, HeaderExtensions.RID, HeaderExtensions.REPAIRED_RID);
    assertThat(video.codecs()).extracting(NegotiatedCodec::payloadType).containsExactly(96, 108, 98);
    assertThat(video.codec(96).orElseThrow().rtxPayloadType()).isEqualTo(OptionalInt.of(97));
    assertThat(negotiated.section("0").orElseThrow().ssrcs()).extracting(OfferedSsrc::ssrc).containsExactly(3869848463L);
    Negotiated.Section data = negotiated.section("2").orElseThrow();
    assertThat(data.accepted()).isFalse();
    assertThat(data.rejection()).contains("is a data channel, which the node does not carry yet");
    assertThat(data.direction()).isEqualTo(NodeDirection.INACTIVE);
  }

  @Test
  void answersParseBackWithOurParserToTheSameDescription() {
    for (String offer : List.of(CHROMIUM_SIMULCAST, CHROMIUM_PLAIN, FIREFOX)) {
      Answer answer = answer(offer, Map.of());

      assertThat(SdpParser.parse(answer.sdp())).isEqualTo(answer.description());
    }
  }

  @Test
  void answersFirefoxWithReversedExtensionDirectionsAndItsOwnPlacementOfExtmapAllowMixed() {
    Answer answer = answer(FIREFOX, Map.of());
    List<String> session = OfferTexts.split(answer.sdp()).get(0);
    List<String> audio = OfferTexts.section(answer.sdp(), 0);
    List<String> video = OfferTexts.section(answer.sdp(), 1);

    assertThat(session).contains("a=group:BUNDLE 0 1").doesNotContain("a=extmap-allow-mixed");
    assertThat(audio).contains("a=extmap-allow-mixed", "a=recvonly", "a=rtpmap:109 opus/48000/2",
        "a=fmtp:109 maxplaybackrate=48000;stereo=1;useinbandfec=1", "a=rtcp-fb:109 transport-cc")
        .doesNotContain("a=rtcp-rsize") // Firefox offers rtcp-rsize for video only
        .noneMatch(l -> l.contains("csrc-audio-level"));
    assertThat(audio.getFirst()).isEqualTo("m=audio 9 UDP/TLS/RTP/SAVPF 109");
    // offered a=extmap:9/sendonly ...rtp-stream-id: the node receives it
    assertThat(video).contains("a=extmap:9/recvonly urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
        "a=extmap:10/recvonly urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id",
        "a=rtcp-rsize", "a=rid:q recv", "a=rid:h recv", "a=rid:f recv", "a=simulcast:recv q;h;f",
        "a=fmtp:120 max-fs=12288;max-fr=60", "a=fmtp:124 apt=120");
    assertThat(video.getFirst()).isEqualTo("m=video 9 UDP/TLS/RTP/SAVPF 120 124 121 125");
    assertThat(OfferTexts.section(answer.sdp(), 2)).containsExactly(
        "m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0", "a=mid:2");
    // Firefox announces rids and SSRCs both: three FID pairs
    Negotiated.Section negotiated = answer.negotiated().section("1").orElseThrow();
    assertThat(negotiated.rids()).containsExactly("q", "h", "f");
    assertThat(negotiated.ssrcs()).hasSize(6);
    assertThat(negotiated.ssrcGroups()).hasSize(3);
  }

  @Test
  void sendsAnAssignedTrackInARecvonlySectionAndLeavesAnUnassignedOneInactive() {
    String reoffer = OfferTexts.withSection(OfferTexts.withSection(CHROMIUM_PLAIN,
        OfferTexts.receivingCopy(CHROMIUM_PLAIN, 1, "3")), OfferTexts.receivingCopy(CHROMIUM_PLAIN, 0, "4"));

    Answer answer = answer(reoffer, Map.of("3", BOB_CAMERA));
    List<String> camera = OfferTexts.section(answer.sdp(), 3);
    List<String> silent = OfferTexts.section(answer.sdp(), 4);

    assertThat(camera).contains("a=mid:3", "a=sendonly", "a=msid:bob bob-camera",
        // RFC 4588 §8.2 / RFC 5576: media and RTX SSRC paired, each named
        "a=ssrc-group:FID 1111 2222",
        "a=ssrc:1111 cname:metrohub", "a=ssrc:1111 msid:bob bob-camera",
        "a=ssrc:2222 cname:metrohub", "a=ssrc:2222 msid:bob bob-camera")
        .noneMatch(l -> l.startsWith("a=rid:") || l.startsWith("a=candidate:"));
    assertThat(camera.subList(camera.size() - 5, camera.size())).containsExactly("a=ssrc-group:FID 1111 2222",
        "a=ssrc:1111 cname:metrohub", "a=ssrc:1111 msid:bob bob-camera",
        "a=ssrc:2222 cname:metrohub", "a=ssrc:2222 msid:bob bob-camera");
    assertThat(silent).contains("a=mid:4", "a=inactive")
        .noneMatch(l -> l.startsWith("a=msid:") || l.startsWith("a=ssrc"));
    assertThat(OfferTexts.split(answer.sdp()).get(0)).contains("a=group:BUNDLE 0 1 3 4");
    Negotiated negotiated = answer.negotiated();
    assertThat(negotiated.section("3").orElseThrow().direction()).isEqualTo(NodeDirection.SEND);
    assertThat(negotiated.section("3").orElseThrow().track()).contains(BOB_CAMERA);
    assertThat(negotiated.section("4").orElseThrow().direction()).isEqualTo(NodeDirection.INACTIVE);
  }

  @Test
  void makesASendrecvSectionSendrecvWhenATrackIsAssigned() {
    Answer answer = answer(CHROMIUM_PLAIN, Map.of("1", BOB_CAMERA));

    Negotiated.Section video = answer.negotiated().section("1").orElseThrow();
    assertThat(OfferTexts.section(answer.sdp(), 1)).contains("a=sendrecv", "a=msid:bob bob-camera",
        "a=ssrc-group:FID 1111 2222");
    assertThat(video.direction()).isEqualTo(NodeDirection.SEND_RECEIVE);
    // what Chromium sends is still known: a=ssrc-group:FID 3707708420 2801758186
    assertThat(video.ssrcs()).extracting(OfferedSsrc::ssrc).containsExactly(3707708420L, 2801758186L);
  }

  @Test
  void leavesOutTheRtxSsrcWhereNoRtxIsNegotiated() {
    Answer answer = answer(CHROMIUM_PLAIN, Map.of("0", BOB_MICROPHONE));

    assertThat(OfferTexts.section(answer.sdp(), 0)).contains("a=sendrecv", "a=ssrc:3333 cname:metrohub",
        "a=ssrc:3333 msid:bob bob-microphone").noneMatch(l -> l.contains("4444") || l.startsWith("a=ssrc-group"));
  }

  @Test
  void ignoresATrackForASectionTheBrowserNoLongerReceivesIn() {
    String reoffer = OfferTexts.withSection(CHROMIUM_PLAIN, OfferTexts.receivingCopy(CHROMIUM_PLAIN, 1, "3").stream()
        .map(l -> l.equals("a=recvonly") ? "a=inactive" : l).toList());

    Answer answer = answer(reoffer, Map.of("3", BOB_CAMERA));

    assertThat(OfferTexts.section(answer.sdp(), 3)).contains("a=inactive").noneMatch(l -> l.startsWith("a=ssrc"));
    assertThat(answer.negotiated().section("3").orElseThrow().track()).isEmpty();
  }

  @Test
  void refusesTracksThatDoNotFitTheOffer() {
    Offer offer = reader.read(OfferTexts.withSection(CHROMIUM_PLAIN,
        OfferTexts.receivingCopy(CHROMIUM_PLAIN, 1, "3")));

    assertThatThrownBy(() -> builder.answer(offer, OfferTexts.LOCAL, Map.of("3", BOB_MICROPHONE)))
        .isInstanceOf(NegotiationException.class)
        .hasMessage("media section \"3\" is video but carries a audio source; a mid keeps its media type");
    assertThatThrownBy(() -> builder.answer(offer, OfferTexts.LOCAL, Map.of("9", BOB_CAMERA)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mid 9");
    OutgoingTrack clashing = new OutgoingTrack(MediaKind.VIDEO, 2281385406L, OptionalLong.empty(), "bob", "cam",
        "metrohub");
    assertThatThrownBy(() -> builder.answer(offer, OfferTexts.LOCAL, Map.of("3", clashing)))
        .isInstanceOf(NegotiationException.class)
        .hasMessage("media section \"0\" announces SSRC 2281385406, which the node sends with; choose another");
    assertThat(builder.version()).isZero(); // failed answers do not use up versions
  }

  @Test
  void raisesTheOriginVersionWithEachAnswerAndKeepsSectionsInOrder() {
    Answer first = answer(CHROMIUM_PLAIN, Map.of());
    String reoffer = OfferTexts.withSection(OfferTexts.withSection(CHROMIUM_PLAIN,
        OfferTexts.receivingCopy(CHROMIUM_PLAIN, 0, "3")), OfferTexts.receivingCopy(CHROMIUM_PLAIN, 1, "4"));

    Answer second = answer(reoffer, Map.of("4", BOB_CAMERA));

    assertThat(first.sdp()).startsWith("v=0\r\no=- 4242 1 IN IP4 127.0.0.1\r\n");
    assertThat(second.sdp()).startsWith("v=0\r\no=- 4242 2 IN IP4 127.0.0.1\r\n");
    assertThat(second.version()).isEqualTo(2);
    assertThat(builder.version()).isEqualTo(2);
    assertThat(second.description().media()).extracting(m -> m.mid().orElseThrow())
        .containsExactly("0", "1", "2", "3", "4");
    // the existing sections are answered as before
    assertThat(OfferTexts.section(second.sdp(), 1)).isEqualTo(OfferTexts.section(first.sdp(), 1));
  }

  @Test
  void movesTheTransportToTheNextBundledSectionWhenTheFirstIsRejected() {
    // RFC 9143 §7.3.1: the offerer-tagged section is the first one in the group the answerer accepts
    String dataFirst = OfferTexts.replace(CHROMIUM_PLAIN, "a=group:BUNDLE 0 1 2", "a=group:BUNDLE 2 1 0");

    Answer answer = answer(dataFirst, Map.of());

    assertThat(answer.negotiated().transportMid()).isEqualTo("1");
    assertThat(OfferTexts.split(answer.sdp()).get(0)).contains("a=group:BUNDLE 1 0");
    assertThat(OfferTexts.section(answer.sdp(), 1)).contains("a=candidate:1 1 udp 2130706431 192.0.2.10 10000 typ host");
    assertThat(OfferTexts.section(answer.sdp(), 0)).noneMatch(l -> l.startsWith("a=candidate:"));
  }

  @Test
  void rejectsASectionWithoutACommonCodecAndTakesItOutOfTheBundle() {
    String noOpus = OfferTexts.editSection(CHROMIUM_PLAIN, 0, l -> l.replace("opus/48000/2", "L16/48000/2"));

    Answer answer = answer(noOpus, Map.of());

    assertThat(OfferTexts.section(answer.sdp(), 0)).containsExactly(
        "m=audio 0 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126", "c=IN IP4 0.0.0.0", "a=mid:0");
    assertThat(answer.negotiated().bundle()).containsExactly("1");
    assertThat(answer.negotiated().section("0").orElseThrow().rejection()).contains("offers no codec the node forwards");
  }

  @Test
  void refusesAnOfferWhereNoBundledSectionCanBeAccepted() {
    String dataOnly = OfferTexts.join(List.of(String.join("\r\n", OfferTexts.split(CHROMIUM_PLAIN).get(0))
            .replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 2"),
        String.join("\r\n", OfferTexts.section(CHROMIUM_PLAIN, 2))));

    assertThatThrownBy(() -> answer(dataOnly, Map.of())).isInstanceOf(NegotiationException.class)
        .hasMessage("no media section of the BUNDLE group can be accepted: \"2\" is a data channel, which the node"
            + " does not carry yet");
  }

  @Test
  void mapsASendersCodecToEachReceiversPayloadTypes() {
    NegotiatedCodec chromiumVp8 = answer(CHROMIUM_PLAIN, Map.of()).negotiated().section("1").orElseThrow()
        .codec(96).orElseThrow();
    NegotiatedCodec chromiumH264 = answer(CHROMIUM_PLAIN, Map.of()).negotiated().section("1").orElseThrow()
        .codec(108).orElseThrow();
    Negotiated.Section firefoxVideo = answer(FIREFOX, Map.of()).negotiated().section("1").orElseThrow();

    // Chromium's VP8 is 96 (RTX 97); the Firefox receiver calls it 120 (RTX 124)
    assertThat(firefoxVideo.payloadTypeFor(chromiumVp8.key())).isEqualTo(OptionalInt.of(120));
    assertThat(firefoxVideo.rtxPayloadTypeFor(chromiumVp8.key())).isEqualTo(OptionalInt.of(124));
    // Firefox offered no H.264 here: the router cannot forward Chromium's H.264 to it
    assertThat(firefoxVideo.payloadTypeFor(chromiumH264.key())).isEmpty();
  }

  @Test
  void refusesASessionIdThatIsNotPositive() {
    assertThatThrownBy(() -> new AnswerBuilder(CodecPolicy.DEFAULT, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}

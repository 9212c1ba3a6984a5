package org.metrohub.media.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.HeaderExtensions;

/** What the node keeps of offered codecs, feedback and header extensions. */
class CodecPolicyTest {
  private static final String CHROMIUM = OfferTexts.load(OfferTexts.CHROMIUM_PLAIN);
  private final OfferReader reader = new OfferReader();

  private OfferedSection video(String sdp) {
    return reader.read(sdp).sections().get(1);
  }

  /** A sendonly video offer with exactly these codec lines. */
  private OfferedSection synthetic(String payloadTypes, String... lines) {
    String sdp = """
        v=0
        o=- 1 1 IN IP4 127.0.0.1
        s=-
        t=0 0
        a=group:BUNDLE 0
        m=video 9 UDP/TLS/RTP/SAVPF %s
        c=IN IP4 0.0.0.0
        a=ice-ufrag:abcd
        a=ice-pwd:abcdefghijklmnopqrstuvwx
        a=fingerprint:sha-256 73:31:28:8C:1E:68:78:32:EF:AF:8B:AD:C8:4E:1C:EC:ED:18:52:DA:AA:BB:5F:F2:68:1F:F2:2C:A7:7C:1C:FF
        a=setup:actpass
        a=mid:0
        a=sendonly
        a=rtcp-mux
        %s
        """.formatted(payloadTypes, String.join("\n", lines));
    return reader.read(sdp).sections().getFirst();
  }

  @Test
  void choosesVp8ThenConstrainedBaselineH264ThenVp9ProfileZeroEachWithRtx() {
    List<NegotiatedCodec> codecs = CodecPolicy.DEFAULT.codecs(video(CHROMIUM));

    // 96 VP8 (rtx 97), 108 H264 42e01f packetization-mode=1 (rtx 109), 98 VP9 profile-id=0 (rtx 99);
    // AV1 45, VP9 profile 2 (100), H264 mode 0 (104, 114) and other profiles, red 118 and ulpfec 120 are left out
    assertThat(codecs).extracting(NegotiatedCodec::payloadType).containsExactly(96, 108, 98);
    assertThat(codecs).extracting(c -> c.rtxPayloadType().getAsInt()).containsExactly(97, 109, 99);
    assertThat(codecs.get(1).fmtp()).contains("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
  }

  @Test
  void followsTheConfiguredVideoOrder() {
    CodecPolicy h264First = new CodecPolicy(List.of(CodecPolicy.VideoCodec.H264, CodecPolicy.VideoCodec.VP8));

    assertThat(h264First.codecs(video(CHROMIUM))).extracting(NegotiatedCodec::payloadType).containsExactly(108, 96);
    assertThatThrownBy(() -> new CodecPolicy(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CodecPolicy(List.of(CodecPolicy.VideoCodec.VP8, CodecPolicy.VideoCodec.VP8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fallsBackToAnyConstrainedBaselineThenToTheFirstMode1H264() {
    CodecPolicy h264Only = new CodecPolicy(List.of(CodecPolicy.VideoCodec.H264));
    // 42c01f: constraint_set0+1, Constrained Baseline at a profile-level-id other than the preferred one
    String constrained = CHROMIUM.replace("packetization-mode=1;profile-level-id=42e01f",
        "packetization-mode=1;profile-level-id=42c01f");
    // 640c1f is Constrained High: no Constrained Baseline left, so the first mode-1 entry (102, 42001f) wins
    String none = CHROMIUM.replace("packetization-mode=1;profile-level-id=42e01f",
        "packetization-mode=1;profile-level-id=640c1f");

    assertThat(h264Only.codecs(video(constrained))).extracting(NegotiatedCodec::payloadType).containsExactly(108);
    assertThat(h264Only.codecs(video(none))).extracting(NegotiatedCodec::payloadType).containsExactly(102);
  }

  @Test
  void keepsFirefoxVp8AndVp9WithTheirFmtpAsWritten() {
    List<NegotiatedCodec> codecs = CodecPolicy.DEFAULT.codecs(video(OfferTexts.load(OfferTexts.FIREFOX)));

    // a=rtpmap:120 VP8/90000, a=fmtp:120 max-fs=12288;max-fr=60, a=fmtp:124 apt=120; no H264 offered
    assertThat(codecs).extracting(NegotiatedCodec::payloadType).containsExactly(120, 121);
    assertThat(codecs.getFirst().rtxPayloadType()).isEqualTo(OptionalInt.of(124));
    assertThat(codecs.getFirst().fmtp()).contains("max-fs=12288;max-fr=60");
  }

  @Test
  void takesOnlyStereoOpusAt48kHzAndKeepsItsFmtp() {
    OfferedSection audio = reader.read(CHROMIUM).sections().getFirst();

    List<NegotiatedCodec> codecs = CodecPolicy.DEFAULT.codecs(audio);

    // a=rtpmap:111 opus/48000/2 a=fmtp:111 minptime=10;useinbandfec=1; red, G722, PCMU, PCMA, CN, DTMF dropped
    assertThat(codecs).extracting(NegotiatedCodec::payloadType).containsExactly(111);
    assertThat(codecs.getFirst().fmtp()).contains("minptime=10;useinbandfec=1");
    assertThat(codecs.getFirst().rtxPayloadType()).isEmpty();
    String mono = CHROMIUM.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/48000/1");
    assertThat(CodecPolicy.DEFAULT.codecs(reader.read(mono).sections().getFirst())).isEmpty();
  }

  @Test
  void keepsOnlyTheFiveFeedbackTypesAndWritesWildcardsForThePayloadType() {
    OfferedSection section = synthetic("96 97",
        "a=rtpmap:96 VP8/90000",
        "a=rtcp-fb:* nack",
        "a=rtcp-fb:96 nack",
        "a=rtcp-fb:96 ccm tmmbr",
        "a=rtcp-fb:96 nack sli",
        "a=rtcp-fb:96 goog-remb",
        "a=rtcp-fb:96 ccm fir",
        "a=rtpmap:97 rtx/90000",
        "a=fmtp:97 apt=96");

    NegotiatedCodec vp8 = CodecPolicy.DEFAULT.codecs(section).getFirst();

    assertThat(vp8.feedback()).containsExactly(
        new Attribute.RtcpFb("96", "nack", Optional.empty()),
        new Attribute.RtcpFb("96", "goog-remb", Optional.empty()),
        new Attribute.RtcpFb("96", "ccm", Optional.of("fir")));
  }

  @Test
  void neverChoosesPayloadTypesThatCollideWithRtcp() {
    // RFC 5761 §4: with rtcp-mux, payload types 64-95 look like RTCP packet types 192-223
    OfferedSection section = synthetic("72 100 73",
        "a=rtpmap:72 VP8/90000",
        "a=rtpmap:100 VP8/90000",
        "a=rtpmap:73 rtx/90000",
        "a=fmtp:73 apt=100");

    List<NegotiatedCodec> codecs = CodecPolicy.DEFAULT.codecs(section);

    assertThat(codecs).extracting(NegotiatedCodec::payloadType).containsExactly(100);
    assertThat(codecs.getFirst().rtxPayloadType()).isEmpty();
  }

  @Test
  void rejectsVp9OfOtherProfilesAndVideoAtOtherClockRates() {
    OfferedSection section = synthetic("98 100",
        "a=rtpmap:98 VP9/90000",
        "a=fmtp:98 profile-id=2",
        "a=rtpmap:100 VP8/48000");

    assertThat(CodecPolicy.DEFAULT.codecs(section)).isEmpty();
  }

  @Test
  void keepsTheSixHeaderExtensionsWithTheOfferedIds() {
    List<Attribute.ExtMap> kept = CodecPolicy.DEFAULT.headerExtensions(video(CHROMIUM));

    // toffset 14, video-orientation 13, playout-delay 5, content-type 6, timing 7, color-space 8 are dropped
    assertThat(kept).extracting(Attribute.ExtMap::id, Attribute.ExtMap::uri).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2, HeaderExtensions.ABS_SEND_TIME),
        org.assertj.core.groups.Tuple.tuple(3, HeaderExtensions.TRANSPORT_WIDE_CC),
        org.assertj.core.groups.Tuple.tuple(4, HeaderExtensions.MID),
        org.assertj.core.groups.Tuple.tuple(10, HeaderExtensions.RID),
        org.assertj.core.groups.Tuple.tuple(11, HeaderExtensions.REPAIRED_RID));
    assertThat(CodecPolicy.DEFAULT.headerExtensions(reader.read(CHROMIUM).sections().getFirst()))
        .extracting(Attribute.ExtMap::uri).startsWith(HeaderExtensions.SSRC_AUDIO_LEVEL);
  }

  @Test
  void codecKeysMatchAcrossPayloadTypesAndLevelsButNotProfiles() {
    List<NegotiatedCodec> chromium = CodecPolicy.DEFAULT.codecs(video(CHROMIUM));
    List<NegotiatedCodec> firefox = CodecPolicy.DEFAULT.codecs(video(OfferTexts.load(OfferTexts.FIREFOX)));
    OfferedSection h264Level52 = synthetic("100",
        "a=rtpmap:100 H264/90000",
        "a=fmtp:100 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e034");
    OfferedSection h264Mode0 = synthetic("100",
        "a=rtpmap:100 H264/90000",
        "a=fmtp:100 profile-level-id=42e01f");

    // VP8 is 96 in Chromium's offer and 120 in Firefox's: one key
    assertThat(chromium.getFirst().key()).isEqualTo(firefox.getFirst().key())
        .isEqualTo(new CodecKey("vp8", 90000, 1, ""));
    assertThat(chromium.get(1).key()).isEqualTo(
        new CodecKey("h264", 90000, 1, "h264:constrained-baseline;packetization-mode=1"));
    assertThat(h264Level52.codecs().getFirst().codec()).satisfies(
        c -> assertThat(CodecKey.of(c)).isEqualTo(chromium.get(1).key()));
    assertThat(CodecKey.of(h264Mode0.codecs().getFirst().codec())).isNotEqualTo(chromium.get(1).key());
    assertThat(chromium.get(2).key().format()).isEqualTo("vp9:profile-id=0");
  }
}

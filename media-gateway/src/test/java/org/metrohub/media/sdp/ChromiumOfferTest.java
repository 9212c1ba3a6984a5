package org.metrohub.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Reads the offer Chromium 156 wrote for audio, simulcast video (rids q/h/f) and a data channel. */
class ChromiumOfferTest {
  private final SessionDescription sdp = SdpParser.parse(SdpResources.load("chrome-156-simulcast-offer.sdp"));
  private final MediaDescription audio = sdp.media().get(0);
  private final MediaDescription video = sdp.media().get(1);
  private final MediaDescription data = sdp.media().get(2);

  @Test
  void readsTheSessionLevelLines() {
    // o=- 2054554641914194411 2 IN IP4 127.0.0.1
    assertThat(sdp.origin()).isEqualTo(
        new SdpLine.Origin("-", "2054554641914194411", "2", "IN", "IP4", "127.0.0.1"));
    assertThat(sdp.sessionName()).isEqualTo("-");
    assertThat(sdp.timing()).isEqualTo(new SdpLine.Timing(0, 0));
    // a=msid-semantic: WMS 684d0f45-... (Chromium's space after the colon is remembered)
    assertThat(sdp.msidSemantic()).contains(new Attribute.MsidSemantic("WMS",
        List.of("684d0f45-53dc-42f1-a60d-966ae8a41053"), true));
    assertThat(sdp.extmapAllowMixed()).isTrue();
    assertThat(sdp.iceLite()).isFalse();
  }

  @Test
  void detectsBundleAndRtcpMuxOnEveryRtpSection() {
    // a=group:BUNDLE 0 1 2
    assertThat(sdp.bundle()).containsExactly("0", "1", "2");
    assertThat(sdp.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1", "2");
    assertThat(audio.rtcpMux()).isTrue();
    assertThat(video.rtcpMux()).isTrue();
    assertThat(video.rtcpRsize()).isTrue();
    assertThat(data.rtcpMux()).isFalse();
  }

  @Test
  void readsTheMediaLines() {
    // m=audio 34233 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
    assertThat(audio.media().port()).isEqualTo(34233);
    assertThat(audio.media().proto()).isEqualTo("UDP/TLS/RTP/SAVPF");
    assertThat(audio.media().payloadTypes()).containsExactly(111, 63, 9, 0, 8, 13, 110, 126);
    // m=application 35257 UDP/DTLS/SCTP webrtc-datachannel
    assertThat(data.kind()).isEqualTo("application");
    assertThat(data.media().formats()).containsExactly("webrtc-datachannel");
    assertThat(data.media().payloadTypes()).isEmpty();
    assertThat(data.sctpPort()).contains(5000);
    assertThat(data.maxMessageSize()).contains(262144L);
    // c=IN IP4 192.0.2.2
    assertThat(audio.connection()).contains(new SdpLine.Connection("IN", "IP4", "192.0.2.2"));
  }

  @Test
  void parsesTheDtlsFingerprintAndIceCredentials() {
    Attribute.Fingerprint fp = video.fingerprint().orElseThrow();

    assertThat(fp.algorithm()).isEqualTo("sha-256");
    assertThat(fp.bytes()).hasSize(32).startsWith((byte) 0xBD, (byte) 0x60, (byte) 0x79);
    assertThat(video.setup()).contains(Attribute.Setup.Role.ACTPASS);
    assertThat(video.iceUfrag()).contains("8yqI");
    assertThat(video.icePwd()).contains("ahatVRRA0u+mZKGSFROLstcz");
    assertThat(video.iceOptions()).containsExactly("trickle");
    assertThat(video.direction()).isEqualTo(Direction.SENDRECV);
  }

  @Test
  void findsTheThreeSimulcastRidsInOrder() {
    // a=rid:q send / a=rid:h send / a=rid:f send / a=simulcast:send q;h;f
    assertThat(video.rids()).extracting(Attribute.Rid::id).containsExactly("q", "h", "f");
    assertThat(SimulcastLayers.of(video)).containsExactly(
        new SimulcastLayers.Layer("q", RidDirection.SEND, false),
        new SimulcastLayers.Layer("h", RidDirection.SEND, false),
        new SimulcastLayers.Layer("f", RidDirection.SEND, false));
    assertThat(SimulcastLayers.of(audio)).isEmpty();
  }

  @Test
  void findsHeaderExtensionIdsByUri() {
    assertThat(HeaderExtensions.idOf(audio, HeaderExtensions.SSRC_AUDIO_LEVEL)).hasValue(1);
    assertThat(HeaderExtensions.idOf(video, HeaderExtensions.ABS_SEND_TIME)).hasValue(2);
    assertThat(HeaderExtensions.idOf(video, HeaderExtensions.TRANSPORT_WIDE_CC)).hasValue(3);
    assertThat(HeaderExtensions.idOf(video, HeaderExtensions.MID)).hasValue(4);
    assertThat(HeaderExtensions.idOf(video, HeaderExtensions.RID)).hasValue(10);
    assertThat(HeaderExtensions.idOf(video, HeaderExtensions.REPAIRED_RID)).hasValue(11);
    assertThat(HeaderExtensions.idOf(audio, HeaderExtensions.RID)).isEmpty();
  }

  @Test
  void pairsEveryRtxPayloadTypeWithTheCodecItRepairs() {
    SectionCodecs codecs = SectionCodecs.of(video);

    // a=rtpmap:97 rtx/90000 + a=fmtp:97 apt=96 (VP8)
    assertThat(codecs.rtxFor(96)).hasValue(97);
    assertThat(codecs.rtxToMedia()).containsEntry(97, 96).containsEntry(103, 102).containsEntry(119, 118)
        .hasSize(11);
    assertThat(codecs.rtxFor(120)).isEmpty(); // ulpfec has no RTX
  }

  @Test
  void readsCodecsByNameWithTheirParameters() {
    SectionCodecs codecs = SectionCodecs.of(video);

    Codec vp8 = codecs.named(Codec.VP8).getFirst();
    assertThat(vp8.payloadType()).isEqualTo(96);
    assertThat(vp8.clockRate()).isEqualTo(90000);
    assertThat(vp8.hasFeedback("nack", Optional.of("pli"))).isTrue();
    assertThat(vp8.hasFeedback("transport-cc", Optional.empty())).isTrue();
    // a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
    assertThat(codecs.named(Codec.H264)).extracting(Codec::payloadType).containsExactly(102, 104, 108, 114, 116, 39);
    Codec h264 = codecs.byPayloadType(108).orElseThrow();
    assertThat(h264.h264ProfileLevelId()).contains("42e01f");
    assertThat(h264.h264PacketizationMode()).isEqualTo(1);
    assertThat(codecs.byPayloadType(104).orElseThrow().h264PacketizationMode()).isZero();
    assertThat(codecs.named(Codec.VP9)).extracting(c -> c.parameters().get("profile-id")).containsExactly("0", "2");

    // a=rtpmap:111 opus/48000/2 + a=fmtp:111 minptime=10;useinbandfec=1
    Codec opus = SectionCodecs.of(audio).named(Codec.OPUS).getFirst();
    assertThat(opus.channels()).isEqualTo(OptionalInt.of(2));
    assertThat(opus.parameters()).containsEntry("useinbandfec", "1").containsEntry("minptime", "10");
    assertThat(SectionCodecs.of(audio).byPayloadType(0).orElseThrow().channels()).isEmpty();
  }

  @Test
  void readsHostCandidatesOverUdpAndActiveTcp() {
    // a=candidate:2513981995 1 tcp 1518214911 192.0.2.2 9 typ host tcptype active generation 0 network-id 1
    Candidate tcp = audio.candidates().get(2);
    assertThat(tcp.isUdp()).isFalse();
    assertThat(tcp.priority()).isEqualTo(1518214911L);
    assertThat(tcp.port()).isEqualTo(9);
    assertThat(tcp.tcpType()).contains("active");
    assertThat(tcp.generation()).isEqualTo(OptionalLong.of(0));
    assertThat(tcp.extensions()).containsExactly(new Candidate.Extension("network-id", "1"));
    // a=candidate:3966098435 1 udp 2122265343 fd00::2 41524 typ host ...
    assertThat(audio.candidates().get(1).address()).isEqualTo("fd00::2");
    assertThat(audio.endOfCandidates()).isFalse();
  }

  @Test
  void readsTrackIdentityFromMsidAndSsrcLines() {
    assertThat(audio.msid()).contains(new Attribute.Msid("684d0f45-53dc-42f1-a60d-966ae8a41053",
        Optional.of("8d309ebb-1880-43ef-a5e3-e04ca024783e")));
    // a=ssrc:3869848463 cname:eetDA5UWu6D8Ostd
    assertThat(audio.ssrcs().getFirst()).isEqualTo(
        new Attribute.Ssrc(3869848463L, "cname", Optional.of("eetDA5UWu6D8Ostd")));
  }

  @Test
  void plainOfferPairsMediaAndRtxSsrcsInAFidGroup() {
    MediaDescription plainVideo = SdpParser.parse(SdpResources.load("chrome-156-plain-offer.sdp")).media().get(1);

    // a=ssrc-group:FID 3707708420 2801758186
    assertThat(plainVideo.ssrcGroups()).containsExactly(
        new Attribute.SsrcGroup(Attribute.SsrcGroup.FID, List.of(3707708420L, 2801758186L)));
    assertThat(plainVideo.simulcast()).isEmpty();
    assertThat(SimulcastLayers.of(plainVideo)).isEmpty();
  }
}

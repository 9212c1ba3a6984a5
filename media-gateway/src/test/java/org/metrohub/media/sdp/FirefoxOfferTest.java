package org.metrohub.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reads the offer Firefox ESR 153 wrote: session-level ICE options and fingerprint, directed extmaps, mDNS. */
class FirefoxOfferTest {
  private final SessionDescription sdp = SdpParser.parse(SdpResources.load("firefox-153-simulcast-offer.sdp"));
  private final MediaDescription audio = sdp.media().get(0);
  private final MediaDescription video = sdp.media().get(1);

  @Test
  void readsFingerprintAndIceOptionsAtSessionLevel() {
    // a=fingerprint:sha-256 98:E7:... before the first m=
    assertThat(sdp.fingerprint()).map(Attribute.Fingerprint::algorithm).contains("sha-256");
    assertThat(sdp.fingerprint().orElseThrow().bytes()).hasSize(32).startsWith((byte) 0x98);
    assertThat(sdp.iceOptions()).containsExactly("trickle");
    assertThat(video.fingerprint()).isEmpty();
    // a=msid-semantic:WMS * (no space after the colon, unlike Chromium)
    assertThat(sdp.msidSemantic()).contains(new Attribute.MsidSemantic("WMS", List.of("*"), false));
    assertThat(sdp.bundle()).containsExactly("0", "1", "2");
  }

  @Test
  void readsExtmapDirectionsAndIdsByUri() {
    // a=extmap:9/sendonly urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id
    Attribute.ExtMap rid = video.extMaps().stream().filter(e -> e.id() == 9).findFirst().orElseThrow();
    assertThat(rid.direction()).contains(Direction.SENDONLY);
    assertThat(HeaderExtensions.idOf(video, HeaderExtensions.RID)).hasValue(9);
    assertThat(HeaderExtensions.idOf(video, HeaderExtensions.TRANSPORT_WIDE_CC)).hasValue(7);
    assertThat(HeaderExtensions.idOf(audio, HeaderExtensions.SSRC_AUDIO_LEVEL)).hasValue(1);
  }

  @Test
  void findsSimulcastLayersAndRtxGroups() {
    assertThat(SimulcastLayers.of(video)).extracting(SimulcastLayers.Layer::rid).containsExactly("q", "h", "f");
    assertThat(video.ssrcGroups()).hasSize(3).allMatch(g -> g.semantics().equals("FID"));
    // a=fmtp:124 apt=120 with a=rtpmap:120 VP8/90000
    assertThat(SectionCodecs.of(video).rtxFor(120)).hasValue(124);
  }

  @Test
  void readsMdnsCandidatesForBothComponentsAndEndOfCandidates() {
    // a=candidate:0 2 UDP 2122187006 4574d2e4-....local 54018 typ host
    Candidate rtcp = audio.candidates().get(4);
    assertThat(rtcp.component()).isEqualTo(2);
    assertThat(rtcp.isUdp()).isTrue();
    assertThat(rtcp.address()).endsWith(".local");
    assertThat(rtcp.generation()).isEmpty();
    assertThat(audio.endOfCandidates()).isTrue();
  }

  @Test
  void namesOpusInItsOwnCaseAndG722WithAChannelCount() {
    SectionCodecs codecs = SectionCodecs.of(audio);

    assertThat(codecs.named("OPUS")).extracting(Codec::payloadType).containsExactly(109);
    // a=rtpmap:9 G722/8000/1
    assertThat(codecs.byPayloadType(9).orElseThrow().channels()).hasValue(1);
    assertThat(codecs.byPayloadType(109).orElseThrow().hasFeedback("transport-cc", Optional.empty())).isTrue();
  }
}

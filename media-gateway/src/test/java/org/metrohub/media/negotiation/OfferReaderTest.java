package org.metrohub.media.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.Codec;
import org.metrohub.media.sdp.Direction;
import org.metrohub.media.sdp.HeaderExtensions;
import org.metrohub.media.sdp.Simulcast;

/** Reads the captured Chromium 156 and Firefox ESR 153 offers into {@link Offer}s. */
class OfferReaderTest {
  private final OfferReader reader = new OfferReader();

  @Test
  void readsTheTransportOfChromiumsSimulcastOffer() {
    Offer offer = reader.read(OfferTexts.load(OfferTexts.CHROMIUM_SIMULCAST));

    // a=ice-ufrag:8yqI / a=ice-pwd:ahatVRRA0u+mZKGSFROLstcz in every section
    assertThat(offer.iceUfrag()).isEqualTo("8yqI");
    assertThat(offer.icePwd()).isEqualTo("ahatVRRA0u+mZKGSFROLstcz");
    // a=fingerprint:sha-256 BD:60:79:... per section
    assertThat(offer.fingerprint().algorithm()).isEqualTo("sha-256");
    assertThat(offer.fingerprint().hex()).startsWith("BD:60:79:7E").hasSize(95);
    assertThat(offer.setup()).isEqualTo(Attribute.Setup.Role.ACTPASS);
    assertThat(offer.bundle()).containsExactly("0", "1", "2");
    assertThat(offer.extmapAllowMixed()).isTrue();
    assertThat(offer.origin().sessionVersion()).isEqualTo("2");
    // four host candidates per section, each section on its own port before BUNDLE is agreed
    assertThat(offer.candidates("0")).extracting(c -> c.port()).containsExactly(34233, 41524, 9, 9);
    assertThat(offer.candidates("1")).extracting(c -> c.port()).containsExactly(50616, 55168, 9, 9);
    assertThat(offer.endOfCandidates("0")).isFalse();
  }

  @Test
  void readsChromiumsSectionsWithRidSimulcastAndNoSsrcs() {
    Offer offer = reader.read(OfferTexts.load(OfferTexts.CHROMIUM_SIMULCAST));
    OfferedSection audio = offer.sections().get(0);
    OfferedSection video = offer.sections().get(1);
    OfferedSection data = offer.sections().get(2);

    assertThat(offer.sections()).extracting(OfferedSection::kind)
        .containsExactly(MediaKind.AUDIO, MediaKind.VIDEO, MediaKind.APPLICATION);
    assertThat(offer.sections()).extracting(OfferedSection::index).containsExactly(0, 1, 2);
    assertThat(video.direction()).isEqualTo(Direction.SENDRECV);
    assertThat(video.browserSends()).isTrue();
    // a=rid:q send / a=rid:h send / a=rid:f send / a=simulcast:send q;h;f
    assertThat(video.rids()).containsExactly("q", "h", "f");
    assertThat(video.simulcast()).extracting(Simulcast.SimulcastRid::rid).containsExactly("q", "h", "f");
    assertThat(video.ssrcs()).isEmpty();
    assertThat(video.extensionIds()).containsEntry(HeaderExtensions.RID, 10)
        .containsEntry(HeaderExtensions.REPAIRED_RID, 11).containsEntry(HeaderExtensions.MID, 4);
    assertThat(video.rtcpMux()).isTrue();
    assertThat(video.rtcpRsize()).isTrue();
    // a=ssrc:3869848463 cname:eetDA5UWu6D8Ostd + msid
    assertThat(audio.ssrcs()).containsExactly(new OfferedSsrc(3869848463L, Optional.of("eetDA5UWu6D8Ostd"),
        Optional.of(new Attribute.Msid("684d0f45-53dc-42f1-a60d-966ae8a41053",
            Optional.of("8d309ebb-1880-43ef-a5e3-e04ca024783e")))));
    assertThat(data.codecs()).isEmpty();
    assertThat(data.line().formats()).containsExactly("webrtc-datachannel");
  }

  @Test
  void listsPrimaryCodecsWithTheirRtxAndFeedback() {
    OfferedSection video = reader.read(OfferTexts.load(OfferTexts.CHROMIUM_SIMULCAST)).sections().get(1);

    // m=video ... 96 97 102 103 104 107 108 109 114 115 116 117 39 40 45 46 98 99 100 101 118 119 120:
    // RTX entries (97, 103, ...) are folded into their primary codec.
    assertThat(video.codecs()).extracting(OfferedCodec::payloadType)
        .containsExactly(96, 102, 104, 108, 114, 116, 39, 45, 98, 100, 118, 120);
    OfferedCodec vp8 = video.codec(96).orElseThrow();
    assertThat(vp8.rtxPayloadType()).isEqualTo(OptionalInt.of(97));
    assertThat(vp8.fmtp()).isEmpty();
    assertThat(vp8.codec().feedback()).extracting(f -> f.type() + f.parameter().map(p -> " " + p).orElse(""))
        .containsExactly("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
    // a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f, verbatim
    assertThat(video.codec(108).orElseThrow().fmtp())
        .contains("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
    assertThat(video.codec(120).orElseThrow().rtxPayloadType()).isEmpty(); // ulpfec
    assertThat(video.codec(118).orElseThrow().rtxPayloadType()).isEqualTo(OptionalInt.of(119)); // red
  }

  @Test
  void readsSsrcsAndTheFidGroupOfChromiumsPlainOffer() {
    OfferedSection video = reader.read(OfferTexts.load(OfferTexts.CHROMIUM_PLAIN)).sections().get(1);

    // a=ssrc-group:FID 3707708420 2801758186
    assertThat(video.ssrcGroups()).containsExactly(
        new Attribute.SsrcGroup(Attribute.SsrcGroup.FID, List.of(3707708420L, 2801758186L)));
    assertThat(video.ssrcs()).extracting(OfferedSsrc::ssrc).containsExactly(3707708420L, 2801758186L);
    assertThat(video.ssrcs()).allSatisfy(s -> assertThat(s.cname()).contains("lV7xKBuesqib/IEc"));
    assertThat(video.rids()).isEmpty();
    assertThat(video.simulcast()).isEmpty();
  }

  @Test
  void readsFirefoxSessionLevelFingerprintAndDirectionAndItsRidsWithSsrcs() {
    Offer offer = reader.read(OfferTexts.load(OfferTexts.FIREFOX));
    OfferedSection audio = offer.sections().get(0);
    OfferedSection video = offer.sections().get(1);

    // session level: a=fingerprint:sha-256 98:E7:C2:...; media level: a=ice-ufrag:68a55995
    assertThat(offer.fingerprint().hex()).startsWith("98:E7:C2:B7");
    assertThat(offer.iceUfrag()).isEqualTo("68a55995");
    assertThat(offer.icePwd()).isEqualTo("5fe093f339555b7808f488e597c2e6ca");
    assertThat(offer.extmapAllowMixed()).isFalse();
    assertThat(audio.extmapAllowMixed()).isTrue();
    // Firefox lists component 2 candidates too; with rtcp-mux only component 1 matters
    assertThat(offer.candidates("0")).hasSize(4).allSatisfy(c -> assertThat(c.component()).isEqualTo(1));
    assertThat(offer.endOfCandidates("0")).isTrue();
    assertThat(audio.codec(109).orElseThrow().codec().is(Codec.OPUS)).isTrue();
    assertThat(audio.codec(109).orElseThrow().fmtp()).contains("maxplaybackrate=48000;stereo=1;useinbandfec=1");
    // a=rid:q send ... with a=extmap:9/sendonly rtp-stream-id, and three FID pairs of SSRCs
    assertThat(video.simulcast()).extracting(Simulcast.SimulcastRid::rid).containsExactly("q", "h", "f");
    assertThat(video.extensions()).filteredOn(e -> e.uri().equals(HeaderExtensions.RID))
        .extracting(Attribute.ExtMap::direction).containsExactly(Optional.of(Direction.SENDONLY));
    assertThat(video.ssrcs()).hasSize(6);
    assertThat(video.ssrcGroups()).hasSize(3).allSatisfy(g -> assertThat(g.semantics()).isEqualTo("FID"));
    // a=fmtp:124 apt=120
    assertThat(video.codec(120).orElseThrow().rtxPayloadType()).isEqualTo(OptionalInt.of(124));
  }

  @Test
  void takesTheSessionLevelDirectionWhereASectionHasNone() {
    String firefox = OfferTexts.without(OfferTexts.load(OfferTexts.FIREFOX), "a=sendrecv"::equals);
    String sessionSendonly = OfferTexts.replace(firefox, "t=0 0", "t=0 0\r\na=sendonly");

    Offer offer = reader.read(sessionSendonly);

    assertThat(offer.sections().get(0).direction()).isEqualTo(Direction.SENDONLY);
    assertThat(reader.read(firefox).sections().get(0).direction()).isEqualTo(Direction.SENDRECV);
  }

  @Test
  void acceptsABundleOnlySectionWithoutTransportAttributes() {
    // RFC 9143 §7.2: a bundle-only section has port 0 and may leave the transport to the tagged section
    String chromium = OfferTexts.load(OfferTexts.CHROMIUM_SIMULCAST);
    List<String> video = OfferTexts.section(chromium, 1).stream()
        .filter(l -> !l.startsWith("a=ice-") && !l.startsWith("a=fingerprint") && !l.startsWith("a=candidate"))
        .map(l -> l.startsWith("m=video ") ? l.replace("m=video 50616 ", "m=video 0 ") : l)
        .map(l -> l.equals("a=mid:1") ? "a=mid:1\r\na=bundle-only" : l)
        .toList();
    String offerText = OfferTexts.join(List.of(String.join("\r\n", OfferTexts.split(chromium).get(0)),
        String.join("\r\n", OfferTexts.section(chromium, 0)), String.join("\r\n", video),
        String.join("\r\n", OfferTexts.section(chromium, 2))));

    OfferedSection section = reader.read(offerText).sections().get(1);

    assertThat(section.bundleOnly()).isTrue();
    assertThat(section.disabled()).isFalse();
    assertThat(section.port()).isZero();
  }
}

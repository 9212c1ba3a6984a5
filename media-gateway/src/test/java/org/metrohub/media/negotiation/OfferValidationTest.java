package org.metrohub.media.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metrohub.media.sdp.SdpParser;

/**
 * Each rule the node holds an offer to, broken once in an otherwise real Chromium 156 offer (audio "0", video
 * "1", data channel "2"), gives a {@link NegotiationException} with a message the client can act on.
 */
class OfferValidationTest {
  private static final String PLAIN = OfferTexts.load(OfferTexts.CHROMIUM_PLAIN);
  private static final String FINGERPRINT =
      "sha-256 73:31:28:8C:1E:68:78:32:EF:AF:8B:AD:C8:4E:1C:EC:ED:18:52:DA:AA:BB:5F:F2:68:1F:F2:2C:A7:7C:1C:FF";

  private final OfferReader reader = new OfferReader();

  private void rejects(String sdp, String message) {
    assertThatThrownBy(() -> reader.read(sdp)).isInstanceOf(NegotiationException.class).hasMessage(message);
  }

  @Test
  void theUneditedOfferIsAccepted() {
    assertThat(reader.read(PLAIN).sections()).hasSize(3);
  }

  @Test
  void rejectsAnOfferWithoutBundle() {
    rejects(OfferTexts.without(PLAIN, l -> l.startsWith("a=group:BUNDLE")),
        "the offer has no a=group:BUNDLE; all media must share one transport (RFC 9143)");
  }

  @Test
  void rejectsASectionOutsideTheBundleGroup() {
    rejects(OfferTexts.replace(PLAIN, "a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1"),
        "media section \"2\" is outside the BUNDLE group; all media must share one transport (RFC 9143)");
  }

  @Test
  void rejectsABundleGroupNamingAnUnknownMid() {
    rejects(OfferTexts.replace(PLAIN, "a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1 2 7"),
        "the BUNDLE group names mid \"7\", which no media section has");
  }

  @Test
  void rejectsTwoBundleGroups() {
    rejects(OfferTexts.replace(PLAIN, "a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1\r\na=group:BUNDLE 2"),
        "the offer has more than one BUNDLE group; the node accepts one transport");
  }

  @Test
  void rejectsAnRtpSectionWithoutRtcpMux() {
    rejects(OfferTexts.editSection(PLAIN, 1, l -> l.equals("a=rtcp-mux") ? "" : l),
        "media section \"1\" has no a=rtcp-mux; RTP and RTCP must share the transport (RFC 5761, RFC 8834 §5.1.3)");
  }

  @Test
  void rejectsMissingIceCredentials() {
    rejects(OfferTexts.without(PLAIN, l -> l.startsWith("a=ice-pwd:")),
        "media section \"0\" has no ICE credentials (a=ice-ufrag, a=ice-pwd)");
  }

  @Test
  void acceptsIceCredentialsAtSessionLevel() {
    String sessionLevel = OfferTexts.replace(
        OfferTexts.without(PLAIN, l -> l.startsWith("a=ice-ufrag:") || l.startsWith("a=ice-pwd:")),
        "t=0 0", "t=0 0\r\na=ice-ufrag:38gA\r\na=ice-pwd:JQnJbWtz4U4GcnrnafTRNLuU");

    assertThat(reader.read(sessionLevel).iceUfrag()).isEqualTo("38gA");
  }

  @Test
  void rejectsIceCredentialsThatDifferBetweenBundledSections() {
    rejects(OfferTexts.editSection(PLAIN, 1, l -> l.equals("a=ice-ufrag:38gA") ? "a=ice-ufrag:Zz9q" : l),
        "ICE credentials differ between bundled media sections; media section \"1\" must use those of the others");
  }

  @Test
  void rejectsAnIcePasswordShorterThanRfc8839Allows() {
    rejects(OfferTexts.replace(PLAIN, "a=ice-pwd:JQnJbWtz4U4GcnrnafTRNLuU", "a=ice-pwd:short"),
        "media section \"0\" has malformed ICE credentials (RFC 8839 §5.4: ufrag 4+, password 22+ ice-chars)");
  }

  @Test
  void rejectsAMissingFingerprint() {
    rejects(OfferTexts.without(PLAIN, l -> l.startsWith("a=fingerprint:")),
        "media section \"0\" has no DTLS fingerprint (a=fingerprint)");
  }

  @Test
  void rejectsAFingerprintAlgorithmOtherThanSha256() {
    rejects(OfferTexts.replace(PLAIN, "a=fingerprint:" + FINGERPRINT,
            "a=fingerprint:sha-1 73:31:28:8C:1E:68:78:32:EF:AF:8B:AD:C8:4E:1C:EC:ED:18:52:DA"),
        "unsupported DTLS fingerprint algorithm \"sha-1\" in media section \"0\"; only sha-256 is accepted");
  }

  @Test
  void picksTheSha256AmongSeveralFingerprints() {
    // RFC 8122 §5 allows one a=fingerprint per algorithm
    String two = OfferTexts.replace(PLAIN, "a=fingerprint:" + FINGERPRINT,
        "a=fingerprint:sha-1 11:22:33:44:55:66:77:88:99:00:11:22:33:44:55:66:77:88:99:00\r\na=fingerprint:"
            + FINGERPRINT);

    assertThat(reader.read(two).fingerprint().hex()).startsWith("73:31:28:8C");
  }

  @Test
  void rejectsASha256FingerprintOfTheWrongLength() {
    rejects(OfferTexts.replace(PLAIN, "a=fingerprint:" + FINGERPRINT, "a=fingerprint:sha-256 73:31:28:8C"),
        "the sha-256 fingerprint of media section \"0\" is not 32 bytes");
  }

  @Test
  void rejectsFingerprintsThatDifferBetweenBundledSections() {
    rejects(OfferTexts.editSection(PLAIN, 1, l -> l.equals("a=fingerprint:" + FINGERPRINT)
            ? "a=fingerprint:" + FINGERPRINT.replace("73:31", "00:00") : l),
        "DTLS fingerprints differ between bundled media sections; media section \"1\" must use that of the others");
  }

  @Test
  void rejectsSetupPassiveBecauseTheNodeIsPassive() {
    rejects(OfferTexts.replace(PLAIN, "a=setup:actpass", "a=setup:passive"),
        "media section \"0\" offers a=setup:passive, but the node answers passive (DTLS server);"
            + " offer a=setup:actpass or a=setup:active (RFC 5763 §5)");
  }

  @Test
  void acceptsSetupActive() {
    Offer offer = reader.read(OfferTexts.replace(PLAIN, "a=setup:actpass", "a=setup:active"));

    assertThat(offer.setup().token()).isEqualTo("active");
  }

  @Test
  void rejectsSetupHoldconnAndRolesThatDiffer() {
    rejects(OfferTexts.replace(PLAIN, "a=setup:actpass", "a=setup:holdconn"),
        "media section \"0\" offers a=setup:holdconn; offer a=setup:actpass or a=setup:active");
    rejects(OfferTexts.editSection(PLAIN, 1, l -> l.equals("a=setup:actpass") ? "a=setup:active" : l),
        "DTLS roles (a=setup) differ between bundled media sections");
  }

  @Test
  void rejectsMoreSectionsThanTheLimit() {
    OfferReader twoSections = new OfferReader(new OfferReader.Limits(2, SdpParser.Limits.DEFAULT));
    assertThatThrownBy(() -> twoSections.read(PLAIN)).isInstanceOf(NegotiationException.class)
        .hasMessage("the offer has 3 media sections; at most 2 are accepted");

    String many = PLAIN;
    for (int i = 3; i < 64; i++) {
      many = OfferTexts.withSection(many, OfferTexts.receivingCopy(PLAIN, 0, Integer.toString(i)));
    }
    assertThat(reader.read(many).sections()).hasSize(64);
    rejects(OfferTexts.withSection(many, OfferTexts.receivingCopy(PLAIN, 0, "64")),
        "the offer has 65 media sections; at most 64 are accepted");
  }

  @Test
  void rejectsDuplicateMissingAndMalformedMids() {
    rejects(OfferTexts.editSection(PLAIN, 2, l -> l.equals("a=mid:2") ? "a=mid:1" : l),
        "mid \"1\" names more than one media section");
    rejects(OfferTexts.without(PLAIN, "a=mid:2"::equals),
        "media section #3 has no a=mid (RFC 9143 needs one per section)");
    rejects(OfferTexts.replace(PLAIN, "a=mid:2", "a=mid:2\r\na=mid:x"), "media section #3 has more than one a=mid");
    rejects(OfferTexts.replace(PLAIN, "a=mid:2", "a=mid:data\"channel"),
        "mid \"data?channel\" of media section #3 is not 1 to 16 token characters");
  }

  @Test
  void rejectsPayloadTypesListedOrMappedTwice() {
    rejects(OfferTexts.replace(PLAIN, "m=audio 49639 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
            "m=audio 49639 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126 111"),
        "payload type 111 is listed twice on the m= line of media section \"0\"");
    rejects(OfferTexts.replace(PLAIN, "a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/48000/2\r\na=rtpmap:111 G722/8000"),
        "payload type 111 has more than one a=rtpmap in media section \"0\"");
  }

  @Test
  void rejectsAnSsrcAnnouncedInTwoSections() {
    rejects(OfferTexts.editSection(PLAIN, 1, l -> l.replace("3707708420", "2281385406")),
        "SSRC 2281385406 is announced in media sections \"0\" and \"1\"");
  }

  @Test
  void rejectsAHeaderExtensionIdThatMeansTwoThings() {
    rejects(OfferTexts.editSection(PLAIN, 1,
            l -> l.equals("a=extmap:13 urn:3gpp:video-orientation") ? "a=extmap:1 urn:3gpp:video-orientation" : l),
        "header extension id 1 names different extensions in bundled media sections; media section \"1\""
            + " must use the ids of the others");
    rejects(OfferTexts.editSection(PLAIN, 1,
            l -> l.equals("a=extmap:13 urn:3gpp:video-orientation") ? "a=extmap:14 urn:3gpp:video-orientation" : l),
        "header extension id 14 names two extensions in media section \"1\"");
  }

  @Test
  void rejectsSimulcastNamingARidWithoutARidLine() {
    String chromium = OfferTexts.load(OfferTexts.CHROMIUM_SIMULCAST);
    rejects(OfferTexts.replace(chromium, "a=simulcast:send q;h;f", "a=simulcast:send q;h;x"),
        "a=simulcast of media section \"1\" names rid \"x\" without an a=rid send line");
    rejects(OfferTexts.replace(chromium, "a=rid:f send", "a=rid:f send\r\na=rid:f send"),
        "rid \"f\" is declared twice in media section \"1\"");
    rejects(OfferTexts.replace(chromium, "a=rid:f send", "a=rid:f.1 send"),
        "rid \"f.1\" in media section \"1\" is not 1 to 16 letters, digits, '-' or '_' (RFC 8851 §10)");
  }

  @Test
  void acceptsADisabledSectionOutsideTheBundleGroup() {
    // RFC 9143 §7.5.3: a stopped transceiver is re-offered with port 0 and leaves the group
    String stopped = OfferTexts.replace(OfferTexts.replace(PLAIN, "a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 2"),
        "m=video 53091 UDP/TLS/RTP/SAVPF 96 97 102 103 104 107 108 109 114 115 116 117 39 40 45 46 98 99 100 101 118"
            + " 119 120", "m=video 0 UDP/TLS/RTP/SAVPF 96");

    OfferedSection video = reader.read(stopped).sections().get(1);

    assertThat(video.disabled()).isTrue();
  }

  @Test
  void rejectsAnOfferWhoseSectionsAreAllDisabled() {
    rejects(OfferTexts.join(OfferTexts.lines(PLAIN).stream()
            .map(l -> l.startsWith("m=") ? l.replaceFirst(" \\d+ ", " 0 ") : l).toList()),
        "every media section of the offer is disabled (port 0)");
  }
}

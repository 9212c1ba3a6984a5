package org.metrohub.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Candidates the captured offers lack (no STUN or TURN on a loopback machine): srflx and relay with
 * raddr/rport, and a passive TCP candidate as an ICE-TCP SFU would offer. Lines built after RFC 8839 §5.1
 * and Chromium's extension order.
 */
class CandidateParsingTest {
  private static final String OFFER = String.join("\r\n",
      "v=0",
      "o=- 1 1 IN IP4 127.0.0.1",
      "s=-",
      "t=0 0",
      "a=ice-lite",
      "m=audio 9 UDP/TLS/RTP/SAVPF 111",
      "c=IN IP4 0.0.0.0",
      "a=mid:0",
      "a=rtpmap:111 opus/48000/2",
      // foundation 842163049, component 1 (RTP), udp, priority 1686052607, public address and port,
      // type srflx, related (local) address and port, then generation and Chromium's extensions
      "a=candidate:842163049 1 udp 1686052607 203.0.113.7 61413 typ srflx raddr 192.0.2.2 rport 61413 generation 0 "
          + "ufrag 8yqI network-id 1 network-cost 10",
      // relay candidate from a TURN server: raddr/rport is the srflx address it was allocated for
      "a=candidate:3 1 udp 41885439 198.51.100.20 50002 typ relay raddr 203.0.113.7 rport 61413",
      // ICE-TCP passive candidate as an SFU listening on 4443 would offer
      "a=candidate:1 1 tcp 1518280447 192.0.2.10 4443 typ host tcptype passive generation 0",
      "a=end-of-candidates",
      "");

  private final MediaDescription section = SdpParser.parse(OFFER).media().getFirst();

  @Test
  void readsServerReflexiveCandidateWithRelatedAddressAndExtensionsInOrder() {
    Candidate srflx = section.candidates().get(0);

    assertThat(srflx.foundation()).isEqualTo("842163049");
    assertThat(srflx.type()).isEqualTo("srflx");
    assertThat(srflx.relatedAddress()).contains("192.0.2.2");
    assertThat(srflx.relatedPort()).isEqualTo(OptionalInt.of(61413));
    assertThat(srflx.extensions()).containsExactly(new Candidate.Extension("ufrag", "8yqI"),
        new Candidate.Extension("network-id", "1"), new Candidate.Extension("network-cost", "10"));
  }

  @Test
  void readsRelayCandidateWithoutGeneration() {
    Candidate relay = section.candidates().get(1);

    assertThat(relay.priority()).isEqualTo(41885439L);
    assertThat(relay.relatedPort()).hasValue(61413);
    assertThat(relay.generation()).isEmpty();
    assertThat(relay.extensions()).isEmpty();
  }

  @Test
  void readsPassiveTcpCandidate() {
    Candidate tcp = section.candidates().get(2);

    assertThat(tcp.transport()).isEqualTo("tcp");
    assertThat(tcp.tcpType()).isEqualTo(Optional.of("passive"));
    assertThat(tcp.port()).isEqualTo(4443);
  }

  @Test
  void writesCandidatesBackUnchanged() {
    assertThat(SdpWriter.write(SdpParser.parse(OFFER))).isEqualTo(OFFER);
    assertThat(SdpParser.parse(OFFER).iceLite()).isTrue();
    assertThat(section.endOfCandidates()).isTrue();
  }

  @Test
  void rejectsRaddrWithoutRport() {
    String bad = OFFER.replace(" rport 61413 generation 0 ufrag", " generation 0 ufrag");

    assertThatThrownBy(() -> SdpParser.parse(bad)).isInstanceOf(SdpParseException.class)
        .hasMessage("line 10: a=candidate has raddr without rport or rport without raddr");
  }

  @Test
  void modelsCandidateFieldsAsTyped() {
    Candidate built = new Candidate("1", 1, "udp", 1L, "192.0.2.1", 5000, "host", Optional.empty(),
        OptionalInt.empty(), Optional.empty(), java.util.OptionalLong.empty(), List.of());

    assertThat(built.isUdp()).isTrue();
  }

  @Test
  void parsesOneTrickledCandidateAsBrowsersSendIt() {
    Candidate c = Candidate.parse("candidate:2437072876 1 udp 2122260223 127.0.0.1 53716 typ host generation 0 "
        + "ufrag Zq3b network-id 1");

    assertThat(c.address()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(53716);
    assertThat(c.isUdp()).isTrue();
    assertThat(Candidate.parse("a=candidate:1 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active").tcpType())
        .contains("active");
  }

  @Test
  void refusesATrickledLineThatIsNoCandidate() {
    assertThatThrownBy(() -> Candidate.parse("a=ice-ufrag:abc")).isInstanceOf(SdpParseException.class)
        .hasMessageContaining("candidate:");
    assertThatThrownBy(() -> Candidate.parse("candidate:1 1 udp")).isInstanceOf(SdpParseException.class);
    assertThatThrownBy(() -> Candidate.parse("candidate:" + "x".repeat(2000))).isInstanceOf(SdpParseException.class);
  }
}

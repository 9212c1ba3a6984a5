package org.metrohub.media.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The node's own inputs to an answer are checked where they are made, not when a browser is waiting. */
class LocalSideTest {
  private static final String HEX = OfferTexts.LOCAL.fingerprint().hex();

  @Test
  void acceptsTheNodesTransportAndTracks() {
    assertThat(LocalTransport.of("Mh7q", "Zx3kP9sVb2Qe7RtY1uWc5nLa", "sha-256", HEX, List.of(), false)
        .fingerprint().bytes()).hasSize(32);
    assertThat(OutgoingTrack.of(MediaKind.AUDIO, 0xFFFF_FFFFL, "bob", "mic", "metrohub").rtxSsrc()).isEmpty();
  }

  @Test
  void refusesTransportValuesABrowserWouldReject() {
    // RFC 8839 §5.4: ufrag at least 4 ice-chars, password at least 22
    assertThatThrownBy(() -> LocalTransport.of("abc", "Zx3kP9sVb2Qe7RtY1uWc5nLa", "sha-256", HEX, List.of(), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LocalTransport.of("Mh7q", "short", "sha-256", HEX, List.of(), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LocalTransport.of("Mh7q", "Zx3kP9sVb2Qe7RtY1uWc5nLa", "sha-1", HEX, List.of(), true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesTracksThatCannotBeWritten() {
    assertThatThrownBy(() -> OutgoingTrack.of(MediaKind.APPLICATION, 1, "bob", "x", "c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OutgoingTrack.of(MediaKind.VIDEO, 1L << 32, "bob", "x", "c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OutgoingTrack(MediaKind.VIDEO, 5, OptionalLong.of(5), "bob", "x", "c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OutgoingTrack.of(MediaKind.VIDEO, 1, "bob smith", "x", "c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OutgoingTrack.of(MediaKind.VIDEO, 1, "bob", "x", "c name"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

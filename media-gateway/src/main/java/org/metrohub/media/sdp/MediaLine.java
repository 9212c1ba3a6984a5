package org.metrohub.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code m=<media> <port>[/<number of ports>] <proto> <fmt>...}. Formats stay text: RTP sections list payload
 * types, a data channel section lists {@code webrtc-datachannel}.
 */
public record MediaLine(String kind, int port, OptionalInt portCount, String proto, List<String> formats) {
  public MediaLine {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(portCount);
    Objects.requireNonNull(proto);
    formats = List.copyOf(formats);
  }

  /** True when the protocol carries RTP ({@code RTP/AVP}, {@code UDP/TLS/RTP/SAVPF} ...). */
  public boolean isRtp() {
    return proto.contains("RTP/");
  }

  /** The payload types of an RTP section, in preference order. */
  public List<Integer> payloadTypes() {
    return isRtp() ? formats.stream().map(Integer::valueOf).toList() : List.of();
  }
}

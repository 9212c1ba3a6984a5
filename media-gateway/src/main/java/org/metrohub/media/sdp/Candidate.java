package org.metrohub.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code a=candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type>
 * [raddr <addr> rport <port>] [tcptype <type>] [generation <n>] [<name> <value>]...} (RFC 8839).
 * Extensions other than those named are kept in order, e.g. Chromium's {@code network-id}, {@code ufrag}.
 */
public record Candidate(String foundation, int component, String transport, long priority, String address, int port,
                        String type, Optional<String> relatedAddress, OptionalInt relatedPort,
                        Optional<String> tcpType, OptionalLong generation, List<Extension> extensions)
    implements Attribute {

  public Candidate {
    Objects.requireNonNull(foundation);
    Objects.requireNonNull(transport);
    Objects.requireNonNull(address);
    Objects.requireNonNull(type);
    Objects.requireNonNull(relatedAddress);
    Objects.requireNonNull(relatedPort);
    Objects.requireNonNull(tcpType);
    Objects.requireNonNull(generation);
    extensions = List.copyOf(extensions);
  }

  /**
   * One trickled candidate as a browser's {@code RTCIceCandidate.candidate} gives it: {@code candidate:…}, with
   * or without the {@code a=} prefix.
   *
   * @throws SdpParseException (line 1) when it is not a candidate
   */
  public static Candidate parse(String line) {
    String value = line.strip();
    if (value.startsWith("a=")) {
      value = value.substring(2);
    }
    if (!value.startsWith("candidate:") || value.length() > 1024) {
      throw new SdpParseException(1, "a trickled candidate must start with \"candidate:\" (at most 1024 characters)");
    }
    try {
      return org.metrohub.media.sdp.internal.CandidateParser.parse(value.substring("candidate:".length()));
    } catch (org.metrohub.media.sdp.internal.SdpSyntaxError e) {
      throw new SdpParseException(1, e.getMessage());
    }
  }

  /** True for {@code udp}, in any case (Firefox writes {@code UDP}). */
  public boolean isUdp() {
    return "udp".equalsIgnoreCase(transport);
  }

  /** An extension attribute name and value pair. */
  public record Extension(String name, String value) {
    public Extension {
      Objects.requireNonNull(name);
      Objects.requireNonNull(value);
    }
  }
}

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

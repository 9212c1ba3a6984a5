package org.metrohub.media.sdp;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One line of a session description, in the order it was written. Attributes ({@code a=}) are their own
 * sealed family; the other line types MetroHub reads are typed here, and anything else is kept verbatim.
 */
public sealed interface SdpLine permits SdpLine.Origin, SdpLine.SessionName, SdpLine.Timing,
    SdpLine.Connection, SdpLine.Bandwidth, SdpLine.Other, Attribute {

  /** {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>}; ids kept as text. */
  record Origin(String username, String sessionId, String sessionVersion, String netType, String addressType,
                String address) implements SdpLine {
    public Origin {
      Objects.requireNonNull(username);
      Objects.requireNonNull(sessionId);
      Objects.requireNonNull(sessionVersion);
      Objects.requireNonNull(netType);
      Objects.requireNonNull(addressType);
      Objects.requireNonNull(address);
    }
  }

  /** {@code s=<session name>}; browsers write {@code -}. */
  record SessionName(String name) implements SdpLine {
    public SessionName {
      Objects.requireNonNull(name);
    }
  }

  /** {@code t=<start> <stop>}, NTP seconds; WebRTC always writes {@code 0 0}. */
  record Timing(long start, long stop) implements SdpLine {
  }

  /** {@code c=<nettype> <addrtype> <connection-address>}. */
  record Connection(String netType, String addressType, String address) implements SdpLine {
    public Connection {
      Objects.requireNonNull(netType);
      Objects.requireNonNull(addressType);
      Objects.requireNonNull(address);
    }
  }

  /** {@code b=<bwtype>:<bandwidth>}, e.g. {@code b=AS:2000} or {@code b=TIAS:1500000}. */
  record Bandwidth(String type, long value) implements SdpLine {
    public Bandwidth {
      Objects.requireNonNull(type);
    }

    /** The value in kilobits per second when the type is {@code AS}. */
    public OptionalLong applicationSpecificKbps() {
      return "AS".equals(type) ? OptionalLong.of(value) : OptionalLong.empty();
    }
  }

  /** Any other line ({@code i=}, {@code u=}, {@code e=}, {@code p=}, {@code r=}, {@code z=}, {@code k=}), verbatim. */
  record Other(char type, String value) implements SdpLine {
    public Other {
      Objects.requireNonNull(value);
    }
  }
}

package org.metrohub.media.sdp;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code a=} line. Attributes WebRTC negotiation depends on are typed; every other attribute is an
 * {@link Unknown} (with a value) or a {@link Flag} (without one), kept verbatim so a round trip loses nothing.
 */
public sealed interface Attribute extends SdpLine permits Attribute.Group, Attribute.MsidSemantic,
    Attribute.Flag, Direction, Attribute.IceUfrag, Attribute.IcePwd, Attribute.IceOptions,
    Attribute.Fingerprint, Attribute.Setup, Attribute.Mid, Attribute.RtpMap, Attribute.Fmtp,
    Attribute.RtcpFb, Attribute.ExtMap, Attribute.Ssrc, Attribute.SsrcGroup, Attribute.Msid, Attribute.Rid,
    Simulcast, Candidate, Attribute.SctpPort, Attribute.MaxMessageSize, Attribute.Unknown {

  /** Names of value-less attributes MetroHub looks for. */
  String EXTMAP_ALLOW_MIXED = "extmap-allow-mixed";
  String ICE_LITE = "ice-lite";
  String RTCP_MUX = "rtcp-mux";
  String RTCP_RSIZE = "rtcp-rsize";
  String END_OF_CANDIDATES = "end-of-candidates";

  /** {@code a=group:BUNDLE 0 1 2} (RFC 9143). */
  record Group(String semantics, List<String> ids) implements Attribute {
    public Group {
      Objects.requireNonNull(semantics);
      ids = List.copyOf(ids);
    }
  }

  /**
   * {@code a=msid-semantic: WMS <id>...}. Chromium writes a space after the colon, Firefox does not; {@code spaced}
   * remembers which, so the written text equals the original.
   */
  record MsidSemantic(String semantic, List<String> streamIds, boolean spaced) implements Attribute {
    public MsidSemantic {
      Objects.requireNonNull(semantic);
      streamIds = List.copyOf(streamIds);
    }
  }

  /** A property attribute without a value, e.g. {@code a=rtcp-mux}, {@code a=ice-lite}, {@code a=end-of-candidates}. */
  record Flag(String name) implements Attribute {
    public Flag {
      Objects.requireNonNull(name);
    }
  }

  /** {@code a=ice-ufrag:<ufrag>}. */
  record IceUfrag(String ufrag) implements Attribute {
    public IceUfrag {
      Objects.requireNonNull(ufrag);
    }
  }

  /** {@code a=ice-pwd:<password>}. */
  record IcePwd(String password) implements Attribute {
    public IcePwd {
      Objects.requireNonNull(password);
    }
  }

  /** {@code a=ice-options:trickle ice2}. */
  record IceOptions(List<String> options) implements Attribute {
    public IceOptions {
      options = List.copyOf(options);
    }
  }

  /** {@code a=fingerprint:sha-256 BD:60:...}: the DTLS certificate hash (RFC 8122), hex as written. */
  record Fingerprint(String algorithm, String hex) implements Attribute {
    public Fingerprint {
      Objects.requireNonNull(algorithm);
      Objects.requireNonNull(hex);
    }

    /** The hash bytes. */
    public byte[] bytes() {
      return HexFormat.ofDelimiter(":").parseHex(hex);
    }
  }

  /** {@code a=setup:actpass} (RFC 4145): which side starts DTLS. */
  record Setup(Role role) implements Attribute {
    public Setup {
      Objects.requireNonNull(role);
    }

    /** The four roles; {@link #token()} is the SDP spelling. */
    public enum Role {
      ACTPASS, ACTIVE, PASSIVE, HOLDCONN;

      public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }
    }
  }

  /** {@code a=mid:<id>}: the media section's identification tag. */
  record Mid(String id) implements Attribute {
    public Mid {
      Objects.requireNonNull(id);
    }
  }

  /** {@code a=rtpmap:<pt> <encoding>/<clock>[/<channels>]}. */
  record RtpMap(int payloadType, String encoding, int clockRate, OptionalInt channels) implements Attribute {
    public RtpMap {
      Objects.requireNonNull(encoding);
      Objects.requireNonNull(channels);
    }
  }

  /** {@code a=fmtp:<pt> <parameters>}; parameters kept as written (RED writes {@code 111/111}, not key=value). */
  record Fmtp(int payloadType, String parameters) implements Attribute {
    public Fmtp {
      Objects.requireNonNull(parameters);
    }

    /** {@code key=value} pairs split on {@code ;}, in order; a bare token maps to an empty string. */
    public Map<String, String> parameterMap() {
      Map<String, String> map = new LinkedHashMap<>();
      for (String part : parameters.split(";")) {
        String p = part.trim();
        if (p.isEmpty()) {
          continue;
        }
        int eq = p.indexOf('=');
        map.put(eq < 0 ? p : p.substring(0, eq).trim(), eq < 0 ? "" : p.substring(eq + 1).trim());
      }
      return Map.copyOf(map);
    }
  }

  /** {@code a=rtcp-fb:<pt|*> <type>[ <parameter>]}, e.g. {@code nack pli}, {@code transport-cc}. */
  record RtcpFb(String payloadType, String type, Optional<String> parameter) implements Attribute {
    public RtcpFb {
      Objects.requireNonNull(payloadType);
      Objects.requireNonNull(type);
      Objects.requireNonNull(parameter);
    }

    /** True when this feedback applies to the given payload type (directly or through {@code *}). */
    public boolean appliesTo(int pt) {
      return "*".equals(payloadType) || payloadType.equals(Integer.toString(pt));
    }
  }

  /** {@code a=extmap:<id>[/<direction>] <uri>[ <attributes>]} (RFC 8285). */
  record ExtMap(int id, Optional<Direction> direction, String uri, Optional<String> extensionAttributes)
      implements Attribute {
    public ExtMap {
      Objects.requireNonNull(direction);
      Objects.requireNonNull(uri);
      Objects.requireNonNull(extensionAttributes);
    }
  }

  /** {@code a=ssrc:<ssrc> <attribute>[:<value>]} (RFC 5576), e.g. {@code cname:...}, {@code msid:...}. */
  record Ssrc(long ssrc, String attribute, Optional<String> value) implements Attribute {
    public Ssrc {
      Objects.requireNonNull(attribute);
      Objects.requireNonNull(value);
    }
  }

  /** {@code a=ssrc-group:<semantics> <ssrc>...}: {@code FID} pairs media with RTX, {@code SIM} lists layers. */
  record SsrcGroup(String semantics, List<Long> ssrcs) implements Attribute {
    public static final String FID = "FID";
    public static final String SIM = "SIM";

    public SsrcGroup {
      Objects.requireNonNull(semantics);
      ssrcs = List.copyOf(ssrcs);
    }
  }

  /** {@code a=msid:<stream-id>[ <track-id>]} (RFC 8830). */
  record Msid(String streamId, Optional<String> trackId) implements Attribute {
    public Msid {
      Objects.requireNonNull(streamId);
      Objects.requireNonNull(trackId);
    }
  }

  /** {@code a=rid:<id> <send|recv>[ <restrictions>]} (RFC 8851). */
  record Rid(String id, RidDirection direction, Optional<String> restrictions) implements Attribute {
    public Rid {
      Objects.requireNonNull(id);
      Objects.requireNonNull(direction);
      Objects.requireNonNull(restrictions);
    }
  }

  /** {@code a=sctp-port:5000} (RFC 8841). */
  record SctpPort(int port) implements Attribute {
  }

  /** {@code a=max-message-size:262144} (RFC 8841). */
  record MaxMessageSize(long bytes) implements Attribute {
  }

  /** Any other {@code a=<name>:<value>} line, verbatim. */
  record Unknown(String name, String value) implements Attribute {
    public Unknown {
      Objects.requireNonNull(name);
      Objects.requireNonNull(value);
    }
  }
}

package org.metrohub.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The codecs of one RTP media section, in {@code m=} preference order, and the RTX pairing between them. */
public final class SectionCodecs {
  private final List<Codec> codecs;

  private SectionCodecs(List<Codec> codecs) {
    this.codecs = List.copyOf(codecs);
  }

  /** Payload types without an {@code a=rtpmap} are skipped (static types such as 0 may omit it, WebRTC never does). */
  public static SectionCodecs of(MediaDescription section) {
    List<Codec> codecs = new ArrayList<>();
    for (int pt : section.media().payloadTypes()) {
      Optional<Attribute.RtpMap> map = section.rtpMaps().stream().filter(r -> r.payloadType() == pt).findFirst();
      if (map.isEmpty()) {
        continue;
      }
      Map<String, String> parameters = section.fmtps().stream().filter(f -> f.payloadType() == pt)
          .findFirst().map(Attribute.Fmtp::parameterMap).orElse(Map.of());
      List<Attribute.RtcpFb> feedback = section.rtcpFeedback().stream().filter(f -> f.appliesTo(pt)).toList();
      Attribute.RtpMap r = map.get();
      codecs.add(new Codec(pt, r.encoding(), r.clockRate(), r.channels(), parameters, feedback));
    }
    return new SectionCodecs(codecs);
  }

  public List<Codec> all() {
    return codecs;
  }

  /** Codecs with this encoding name (case-insensitive), e.g. every H264 profile offered. */
  public List<Codec> named(String encoding) {
    return codecs.stream().filter(c -> c.is(encoding)).toList();
  }

  public Optional<Codec> byPayloadType(int pt) {
    return codecs.stream().filter(c -> c.payloadType() == pt).findFirst();
  }

  /** The RTX payload type that repairs {@code pt}, if one is offered. */
  public OptionalInt rtxFor(int pt) {
    return codecs.stream().filter(c -> c.is(Codec.RTX) && c.associatedPayloadType().equals(OptionalInt.of(pt)))
        .mapToInt(Codec::payloadType).findFirst();
  }

  /** RTX payload type to the payload type it repairs ({@code apt}), in section order. */
  public Map<Integer, Integer> rtxToMedia() {
    Map<Integer, Integer> map = new LinkedHashMap<>();
    for (Codec c : codecs) {
      if (c.is(Codec.RTX)) {
        c.associatedPayloadType().ifPresent(apt -> map.put(c.payloadType(), apt));
      }
    }
    return map;
  }
}

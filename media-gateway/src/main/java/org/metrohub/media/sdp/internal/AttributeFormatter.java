package org.metrohub.media.sdp.internal;

import java.util.stream.Collectors;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.Candidate;
import org.metrohub.media.sdp.Direction;
import org.metrohub.media.sdp.Simulcast;

/** Formats an {@link Attribute} as the text after {@code a=}; the inverse of {@link AttributeParser}. */
public final class AttributeFormatter {
  private AttributeFormatter() {
  }

  public static String format(Attribute attribute) {
    return switch (attribute) {
      case Attribute.Group g -> "group:" + join(g.semantics(), String.join(" ", g.ids()));
      case Attribute.MsidSemantic m ->
          "msid-semantic:" + (m.spaced() ? " " : "") + join(m.semantic(), String.join(" ", m.streamIds()));
      case Attribute.Flag f -> f.name();
      case Direction d -> d.token();
      case Attribute.IceUfrag u -> "ice-ufrag:" + u.ufrag();
      case Attribute.IcePwd p -> "ice-pwd:" + p.password();
      case Attribute.IceOptions o -> "ice-options:" + String.join(" ", o.options());
      case Attribute.Fingerprint f -> "fingerprint:" + f.algorithm() + " " + f.hex();
      case Attribute.Setup s -> "setup:" + s.role().token();
      case Attribute.Mid m -> "mid:" + m.id();
      case Attribute.RtpMap r -> "rtpmap:" + r.payloadType() + " " + r.encoding() + "/" + r.clockRate()
          + (r.channels().isPresent() ? "/" + r.channels().getAsInt() : "");
      case Attribute.Fmtp f -> "fmtp:" + f.payloadType() + " " + f.parameters();
      case Attribute.RtcpFb r -> "rtcp-fb:" + r.payloadType() + " " + r.type() + r.parameter().map(p -> " " + p).orElse("");
      case Attribute.ExtMap e -> "extmap:" + e.id() + e.direction().map(d -> "/" + d.token()).orElse("") + " " + e.uri()
          + e.extensionAttributes().map(a -> " " + a).orElse("");
      case Attribute.Ssrc s -> "ssrc:" + s.ssrc() + " " + s.attribute() + s.value().map(v -> ":" + v).orElse("");
      case Attribute.SsrcGroup g -> "ssrc-group:" + g.semantics() + g.ssrcs().stream().map(x -> " " + x)
          .collect(Collectors.joining());
      case Attribute.Msid m -> "msid:" + m.streamId() + m.trackId().map(t -> " " + t).orElse("");
      case Attribute.Rid r -> "rid:" + r.id() + " " + r.direction().token() + r.restrictions().map(x -> " " + x).orElse("");
      case Simulcast s -> "simulcast:" + simulcast(s);
      case Candidate c -> "candidate:" + candidate(c);
      case Attribute.SctpPort p -> "sctp-port:" + p.port();
      case Attribute.MaxMessageSize m -> "max-message-size:" + m.bytes();
      case Attribute.Unknown u -> u.name() + ":" + u.value();
    };
  }

  private static String join(String head, String tail) {
    return tail.isEmpty() ? head : head + " " + tail;
  }

  private static String simulcast(Simulcast s) {
    return s.lists().stream()
        .map(l -> l.direction().token() + " " + l.streams().stream()
            .map(alts -> alts.stream().map(r -> (r.paused() ? "~" : "") + r.rid()).collect(Collectors.joining(",")))
            .collect(Collectors.joining(";")))
        .collect(Collectors.joining(" "));
  }

  private static String candidate(Candidate c) {
    StringBuilder s = new StringBuilder()
        .append(c.foundation()).append(' ').append(c.component()).append(' ').append(c.transport()).append(' ')
        .append(c.priority()).append(' ').append(c.address()).append(' ').append(c.port()).append(" typ ")
        .append(c.type());
    c.relatedAddress().ifPresent(a -> s.append(" raddr ").append(a));
    c.relatedPort().ifPresent(p -> s.append(" rport ").append(p));
    c.tcpType().ifPresent(t -> s.append(" tcptype ").append(t));
    c.generation().ifPresent(g -> s.append(" generation ").append(g));
    c.extensions().forEach(e -> s.append(' ').append(e.name()).append(' ').append(e.value()));
    return s.toString();
  }
}

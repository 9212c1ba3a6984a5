package org.metrohub.media.sdp;

import org.metrohub.media.sdp.internal.AttributeFormatter;

/** Writes a {@link SessionDescription} as SDP text with CRLF line endings, lines in model order. */
public final class SdpWriter {
  private SdpWriter() {
  }

  public static String write(SessionDescription description) {
    StringBuilder out = new StringBuilder(4096);
    line(out, 'v', "0");
    description.lines().forEach(l -> line(out, l));
    for (MediaDescription section : description.media()) {
      line(out, 'm', media(section.media()));
      section.lines().forEach(l -> line(out, l));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, SdpLine line) {
    switch (line) {
      case SdpLine.Origin o -> line(out, 'o', String.join(" ", o.username(), o.sessionId(), o.sessionVersion(),
          o.netType(), o.addressType(), o.address()));
      case SdpLine.SessionName s -> line(out, 's', s.name());
      case SdpLine.Timing t -> line(out, 't', t.start() + " " + t.stop());
      case SdpLine.Connection c -> line(out, 'c', c.netType() + " " + c.addressType() + " " + c.address());
      case SdpLine.Bandwidth b -> line(out, 'b', b.type() + ":" + b.value());
      case SdpLine.Other o -> line(out, o.type(), o.value());
      case Attribute a -> line(out, 'a', AttributeFormatter.format(a));
    }
  }

  private static String media(MediaLine m) {
    StringBuilder s = new StringBuilder(m.kind()).append(' ').append(m.port());
    m.portCount().ifPresent(n -> s.append('/').append(n));
    s.append(' ').append(m.proto());
    m.formats().forEach(f -> s.append(' ').append(f));
    return s.toString();
  }

  private static void line(StringBuilder out, char type, String value) {
    out.append(type).append('=').append(value).append("\r\n");
  }
}

package org.metrohub.media.sdp.internal;

import java.util.List;
import java.util.OptionalInt;
import org.metrohub.media.sdp.MediaLine;
import org.metrohub.media.sdp.SdpLine;

/** Parses the values of the non-attribute lines ({@code o= s= t= c= b= m=}); others are kept verbatim. */
public final class FieldParser {
  private FieldParser() {
  }

  public static SdpLine line(char type, String value) {
    return switch (type) {
      case 'o' -> origin(value);
      case 's' -> new SdpLine.SessionName(value);
      case 't' -> timing(value);
      case 'c' -> connection(value);
      case 'b' -> bandwidth(value);
      default -> new SdpLine.Other(type, value);
    };
  }

  static SdpLine.Origin origin(String value) {
    List<String> w = Tokens.words(value, 6, 6,
        "o= needs \"<username> <sess-id> <sess-version> <nettype> <addrtype> <address>\"");
    Tokens.number(w.get(1), 0, Long.MAX_VALUE, "o= session id");
    Tokens.number(w.get(2), 0, Long.MAX_VALUE, "o= session version");
    return new SdpLine.Origin(w.get(0), w.get(1), w.get(2), w.get(3), w.get(4), w.get(5));
  }

  static SdpLine.Timing timing(String value) {
    List<String> w = Tokens.words(value, 2, 2, "t= needs \"<start> <stop>\"");
    return new SdpLine.Timing(Tokens.number(w.get(0), 0, Long.MAX_VALUE, "t= start"),
        Tokens.number(w.get(1), 0, Long.MAX_VALUE, "t= stop"));
  }

  static SdpLine.Connection connection(String value) {
    List<String> w = Tokens.words(value, 3, 3, "c= needs \"<nettype> <addrtype> <address>\"");
    return new SdpLine.Connection(w.get(0), w.get(1), w.get(2));
  }

  static SdpLine.Bandwidth bandwidth(String value) {
    int colon = value.indexOf(':');
    if (colon <= 0) {
      throw new SdpSyntaxError("b= needs \"<bwtype>:<bandwidth>\"");
    }
    return new SdpLine.Bandwidth(value.substring(0, colon),
        Tokens.number(value.substring(colon + 1), 0, Long.MAX_VALUE, "b= bandwidth"));
  }

  public static MediaLine media(String value) {
    String usage = "m= needs \"<media> <port>[/<count>] <proto> <fmt>...\"";
    List<String> w = Tokens.words(value, usage);
    if (w.size() < 4) {
      throw new SdpSyntaxError(usage);
    }
    String portText = w.get(1);
    int slash = portText.indexOf('/');
    int port = Tokens.port(slash < 0 ? portText : portText.substring(0, slash));
    OptionalInt count = slash < 0 ? OptionalInt.empty()
        : OptionalInt.of((int) Tokens.number(portText.substring(slash + 1), 1, 65536, "m= port count"));
    String proto = w.get(2);
    List<String> formats = w.subList(3, w.size());
    if (proto.contains("RTP/")) {
      formats.forEach(Tokens::payloadType);
    }
    return new MediaLine(w.get(0), port, count, proto, formats);
  }
}

package org.metrohub.media.sdp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.Direction;
import org.metrohub.media.sdp.RidDirection;
import org.metrohub.media.sdp.Simulcast;

/** Parses the value of an {@code a=} line into a typed {@link Attribute}; unknown names are kept verbatim. */
public final class AttributeParser {
  private AttributeParser() {
  }

  public static Attribute parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return property(text);
    }
    String name = text.substring(0, colon);
    String value = text.substring(colon + 1);
    if (name.isEmpty()) {
      throw new SdpSyntaxError("a= needs a name before ':'");
    }
    return switch (name) {
      case "group" -> group(value);
      case "msid-semantic" -> msidSemantic(value);
      case "ice-ufrag" -> new Attribute.IceUfrag(nonEmpty(value, "a=ice-ufrag needs a value"));
      case "ice-pwd" -> new Attribute.IcePwd(nonEmpty(value, "a=ice-pwd needs a value"));
      case "ice-options" -> new Attribute.IceOptions(Tokens.words(value, "a=ice-options needs \"<option>...\""));
      case "fingerprint" -> fingerprint(value);
      case "setup" -> setup(value);
      case "mid" -> new Attribute.Mid(nonEmpty(value, "a=mid needs a value"));
      case "rtpmap" -> rtpMap(value);
      case "fmtp" -> fmtp(value);
      case "rtcp-fb" -> rtcpFb(value);
      case "extmap" -> extMap(value);
      case "ssrc" -> ssrc(value);
      case "ssrc-group" -> ssrcGroup(value);
      case "msid" -> msid(value);
      case "rid" -> rid(value);
      case "simulcast" -> simulcast(value);
      case "candidate" -> CandidateParser.parse(value);
      case "sctp-port" -> new Attribute.SctpPort(Tokens.port(value));
      case "max-message-size" ->
          new Attribute.MaxMessageSize(Tokens.number(value, 0, Long.MAX_VALUE, "a=max-message-size"));
      default -> new Attribute.Unknown(name, value);
    };
  }

  private static Attribute property(String name) {
    if (name.isEmpty()) {
      throw new SdpSyntaxError("a= needs an attribute name");
    }
    return switch (name) {
      case "sendrecv" -> Direction.SENDRECV;
      case "sendonly" -> Direction.SENDONLY;
      case "recvonly" -> Direction.RECVONLY;
      case "inactive" -> Direction.INACTIVE;
      default -> new Attribute.Flag(name);
    };
  }

  private static String nonEmpty(String value, String message) {
    if (value.isEmpty()) {
      throw new SdpSyntaxError(message);
    }
    return value;
  }

  private static Attribute.Group group(String value) {
    List<String> w = Tokens.words(value, "a=group needs \"<semantics> <mid>...\"");
    return new Attribute.Group(w.get(0), w.subList(1, w.size()));
  }

  private static Attribute.MsidSemantic msidSemantic(String value) {
    boolean spaced = value.startsWith(" ");
    List<String> w = Tokens.words(spaced ? value.substring(1) : value,
        "a=msid-semantic needs \"<semantic> [<stream id>...]\"");
    return new Attribute.MsidSemantic(w.get(0), w.subList(1, w.size()), spaced);
  }

  private static Attribute.Fingerprint fingerprint(String value) {
    List<String> w = Tokens.words(value, 2, 2, "a=fingerprint needs \"<hash-function> <hex:hex:...>\"");
    if (!w.get(1).matches("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2})+")) {
      throw new SdpSyntaxError("a=fingerprint needs colon-separated hex bytes, got \"" + Tokens.clip(w.get(1)) + "\"");
    }
    return new Attribute.Fingerprint(w.get(0), w.get(1));
  }

  private static Attribute.Setup setup(String value) {
    for (Attribute.Setup.Role role : Attribute.Setup.Role.values()) {
      if (role.token().equals(value)) {
        return new Attribute.Setup(role);
      }
    }
    throw new SdpSyntaxError("a=setup must be actpass, active, passive or holdconn, got \"" + Tokens.clip(value) + "\"");
  }

  private static Attribute.RtpMap rtpMap(String value) {
    String usage = "a=rtpmap needs \"<pt> <encoding>/<clock>[/<channels>]\"";
    List<String> w = Tokens.words(value, 2, 2, usage);
    String[] enc = w.get(1).split("/", -1);
    if (enc.length < 2 || enc.length > 3 || enc[0].isEmpty()) {
      throw new SdpSyntaxError(usage);
    }
    OptionalInt channels = enc.length == 3
        ? OptionalInt.of((int) Tokens.number(enc[2], 1, 255, "a=rtpmap channels")) : OptionalInt.empty();
    return new Attribute.RtpMap(Tokens.payloadType(w.get(0)), enc[0],
        (int) Tokens.number(enc[1], 1, Integer.MAX_VALUE, "a=rtpmap clock rate"), channels);
  }

  private static Attribute.Fmtp fmtp(String value) {
    int space = value.indexOf(' ');
    if (space <= 0 || space == value.length() - 1) {
      throw new SdpSyntaxError("a=fmtp needs \"<pt> <parameters>\"");
    }
    return new Attribute.Fmtp(Tokens.payloadType(value.substring(0, space)), value.substring(space + 1));
  }

  private static Attribute.RtcpFb rtcpFb(String value) {
    String usage = "a=rtcp-fb needs \"<pt|*> <type>[ <parameter>]\"";
    int first = value.indexOf(' ');
    if (first <= 0) {
      throw new SdpSyntaxError(usage);
    }
    String pt = value.substring(0, first);
    if (!pt.equals("*")) {
      Tokens.payloadType(pt);
    }
    String rest = value.substring(first + 1);
    int second = rest.indexOf(' ');
    String type = second < 0 ? rest : rest.substring(0, second);
    if (type.isEmpty() || second == rest.length() - 1) {
      throw new SdpSyntaxError(usage);
    }
    return new Attribute.RtcpFb(pt, type, second < 0 ? Optional.empty() : Optional.of(rest.substring(second + 1)));
  }

  private static Attribute.ExtMap extMap(String value) {
    String usage = "a=extmap needs \"<id>[/<direction>] <uri>[ <attributes>]\"";
    int first = value.indexOf(' ');
    if (first <= 0 || first == value.length() - 1) {
      throw new SdpSyntaxError(usage);
    }
    String head = value.substring(0, first);
    int slash = head.indexOf('/');
    int id = (int) Tokens.number(slash < 0 ? head : head.substring(0, slash), 1, 255, "a=extmap id");
    Optional<Direction> direction = slash < 0 ? Optional.empty() : Optional.of(direction(head.substring(slash + 1)));
    String rest = value.substring(first + 1);
    int second = rest.indexOf(' ');
    String uri = second < 0 ? rest : rest.substring(0, second);
    if (uri.isEmpty()) {
      throw new SdpSyntaxError(usage);
    }
    return new Attribute.ExtMap(id, direction, uri,
        second < 0 ? Optional.empty() : Optional.of(rest.substring(second + 1)));
  }

  private static Direction direction(String token) {
    for (Direction d : Direction.values()) {
      if (d.token().equals(token)) {
        return d;
      }
    }
    throw new SdpSyntaxError("unknown direction \"" + Tokens.clip(token) + "\"");
  }

  private static Attribute.Ssrc ssrc(String value) {
    String usage = "a=ssrc needs \"<ssrc> <attribute>[:<value>]\"";
    int space = value.indexOf(' ');
    if (space <= 0 || space == value.length() - 1) {
      throw new SdpSyntaxError(usage);
    }
    long ssrc = Tokens.ssrc(value.substring(0, space));
    String attr = value.substring(space + 1);
    int colon = attr.indexOf(':');
    if (colon == 0) {
      throw new SdpSyntaxError(usage);
    }
    return colon < 0 ? new Attribute.Ssrc(ssrc, attr, Optional.empty())
        : new Attribute.Ssrc(ssrc, attr.substring(0, colon), Optional.of(attr.substring(colon + 1)));
  }

  private static Attribute.SsrcGroup ssrcGroup(String value) {
    List<String> w = Tokens.words(value, "a=ssrc-group needs \"<semantics> <ssrc>...\"");
    if (w.size() < 2) {
      throw new SdpSyntaxError("a=ssrc-group needs \"<semantics> <ssrc>...\"");
    }
    return new Attribute.SsrcGroup(w.get(0), w.subList(1, w.size()).stream().map(Tokens::ssrc).toList());
  }

  private static Attribute.Msid msid(String value) {
    List<String> w = Tokens.words(value, 1, 2, "a=msid needs \"<stream id>[ <track id>]\"");
    return new Attribute.Msid(w.get(0), w.size() == 2 ? Optional.of(w.get(1)) : Optional.empty());
  }

  private static Attribute.Rid rid(String value) {
    String usage = "a=rid needs \"<id> <send|recv>[ <restrictions>]\"";
    List<String> w = Tokens.words(value, 2, 3, usage);
    return new Attribute.Rid(w.get(0), ridDirection(w.get(1), usage),
        w.size() == 3 ? Optional.of(w.get(2)) : Optional.empty());
  }

  private static RidDirection ridDirection(String token, String usage) {
    return switch (token) {
      case "send" -> RidDirection.SEND;
      case "recv" -> RidDirection.RECV;
      default -> throw new SdpSyntaxError(usage);
    };
  }

  private static Simulcast simulcast(String value) {
    String usage = "a=simulcast needs \"<send|recv> <rid>[;<rid>...][ <send|recv> <rid>...]\"";
    List<String> w = Tokens.words(value, usage);
    if (w.size() != 2 && w.size() != 4) {
      throw new SdpSyntaxError(usage);
    }
    List<Simulcast.StreamList> lists = new ArrayList<>();
    for (int i = 0; i < w.size(); i += 2) {
      List<List<Simulcast.SimulcastRid>> streams = new ArrayList<>();
      for (String stream : w.get(i + 1).split(";", -1)) {
        List<Simulcast.SimulcastRid> alternatives = new ArrayList<>();
        for (String rid : stream.split(",", -1)) {
          boolean paused = rid.startsWith("~");
          String id = paused ? rid.substring(1) : rid;
          if (id.isEmpty()) {
            throw new SdpSyntaxError(usage);
          }
          alternatives.add(new Simulcast.SimulcastRid(id, paused));
        }
        streams.add(alternatives);
      }
      lists.add(new Simulcast.StreamList(ridDirection(w.get(i), usage), streams));
    }
    return new Simulcast(lists);
  }
}

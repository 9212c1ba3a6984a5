package org.metrohub.media.sdp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.metrohub.media.sdp.Candidate;

/** Parses the value of {@code a=candidate:} (RFC 8839 §5.1). */
public final class CandidateParser {
  private static final String USAGE = "a=candidate needs \"<foundation> <component> <transport> <priority> "
      + "<address> <port> typ <type> [<name> <value>]...\"";

  private CandidateParser() {
  }

  public static Candidate parse(String value) {
    List<String> w = Tokens.words(value, USAGE);
    if (w.size() < 8 || !w.get(6).equals("typ") || w.size() % 2 != 0) {
      throw new SdpSyntaxError(USAGE);
    }
    int component = (int) Tokens.number(w.get(1), 1, 256, "candidate component");
    long priority = Tokens.number(w.get(3), 0, 0xFFFF_FFFFL, "candidate priority");
    int port = Tokens.port(w.get(5));
    Optional<String> raddr = Optional.empty();
    OptionalInt rport = OptionalInt.empty();
    Optional<String> tcpType = Optional.empty();
    OptionalLong generation = OptionalLong.empty();
    List<Candidate.Extension> extensions = new ArrayList<>();
    for (int i = 8; i < w.size(); i += 2) {
      String name = w.get(i);
      String v = w.get(i + 1);
      switch (name) {
        case "raddr" -> raddr = Optional.of(v);
        case "rport" -> rport = OptionalInt.of(Tokens.port(v));
        case "tcptype" -> tcpType = Optional.of(v);
        case "generation" -> generation = OptionalLong.of(Tokens.number(v, 0, 0xFFFF_FFFFL, "candidate generation"));
        default -> extensions.add(new Candidate.Extension(name, v));
      }
    }
    if (raddr.isPresent() != rport.isPresent()) {
      throw new SdpSyntaxError("a=candidate has raddr without rport or rport without raddr");
    }
    return new Candidate(w.get(0), component, w.get(2), priority, w.get(4), port, w.get(7), raddr, rport, tcpType,
        generation, extensions);
  }
}

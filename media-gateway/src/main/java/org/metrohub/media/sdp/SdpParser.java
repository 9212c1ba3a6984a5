package org.metrohub.media.sdp;

import java.util.ArrayList;
import java.util.List;
import org.metrohub.media.sdp.internal.AttributeParser;
import org.metrohub.media.sdp.internal.FieldParser;
import org.metrohub.media.sdp.internal.LineScanner;
import org.metrohub.media.sdp.internal.SdpSyntaxError;

/**
 * Parses SDP text (LF or CRLF) into a {@link SessionDescription}. Input comes from the network, so it is
 * bounded (size and line count) and every defect is an {@link SdpParseException} naming the line; no other
 * exception escapes.
 */
public final class SdpParser {
  /** Bounds on hostile input. */
  public record Limits(int maxChars, int maxLines) {
    /** 64 KiB and 2,000 lines: a Chromium offer with three sections is about 6 KiB and 190 lines. */
    public static final Limits DEFAULT = new Limits(64 * 1024, 2_000);
  }

  private SdpParser() {
  }

  public static SessionDescription parse(String text) {
    return parse(text, Limits.DEFAULT);
  }

  public static SessionDescription parse(String text, Limits limits) {
    if (text == null) {
      throw new SdpParseException(1, "no description");
    }
    List<LineScanner.Line> lines = LineScanner.scan(text, limits.maxChars(), limits.maxLines());
    LineScanner.Line first = lines.getFirst();
    if (first.type() != 'v' || !first.value().equals("0")) {
      throw new SdpParseException(1, "a description starts with \"v=0\"");
    }
    List<SdpLine> session = new ArrayList<>();
    List<MediaDescription> media = new ArrayList<>();
    MediaLine current = null;
    List<SdpLine> sectionLines = new ArrayList<>();
    for (LineScanner.Line line : lines.subList(1, lines.size())) {
      if (line.type() == 'v') {
        throw new SdpParseException(line.number(), "v= only on the first line");
      }
      if (line.type() == 'm') {
        if (current == null) {
          requireSessionLines(session, line.number());
        } else {
          media.add(new MediaDescription(current, sectionLines));
        }
        current = guarded(line, () -> FieldParser.media(line.value()));
        sectionLines = new ArrayList<>();
        continue;
      }
      if (current != null && (line.type() == 'o' || line.type() == 's' || line.type() == 't')) {
        throw new SdpParseException(line.number(), line.type() + "= belongs to the session, not to a media section");
      }
      SdpLine parsed = guarded(line, () -> line.type() == 'a'
          ? AttributeParser.parse(line.value()) : FieldParser.line(line.type(), line.value()));
      (current == null ? session : sectionLines).add(parsed);
    }
    if (current == null) {
      requireSessionLines(session, lines.size() + 1);
    } else {
      media.add(new MediaDescription(current, sectionLines));
    }
    return new SessionDescription(session, media);
  }

  private static void requireSessionLines(List<SdpLine> session, int lineNumber) {
    for (Class<?> type : List.of(SdpLine.Origin.class, SdpLine.SessionName.class, SdpLine.Timing.class)) {
      if (session.stream().noneMatch(type::isInstance)) {
        String letter = type == SdpLine.Origin.class ? "o" : type == SdpLine.SessionName.class ? "s" : "t";
        throw new SdpParseException(lineNumber, "missing " + letter + "= line before this point");
      }
    }
  }

  private interface LineParse<T> {
    T run();
  }

  private static <T> T guarded(LineScanner.Line line, LineParse<T> parse) {
    try {
      return parse.run();
    } catch (SdpSyntaxError e) {
      throw new SdpParseException(line.number(), e.getMessage());
    } catch (RuntimeException e) {
      // A trust boundary: whatever a value parser missed must still surface as a parse error for this line.
      throw new SdpParseException(line.number(), "malformed " + line.type() + "= line (" + e.getClass().getSimpleName() + ")");
    }
  }
}

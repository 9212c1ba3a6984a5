package org.metrohub.media.sdp.internal;

import java.util.ArrayList;
import java.util.List;
import org.metrohub.media.sdp.SdpParseException;

/**
 * Cuts SDP text into {@code <type>=<value>} lines (LF or CRLF), enforcing the size and line-count limits and
 * rejecting control characters, before any field is looked at.
 */
public final class LineScanner {
  private LineScanner() {
  }

  /** One line: its 1-based number, its type letter and the text after {@code =}. */
  public record Line(int number, char type, String value) {
  }

  public static List<Line> scan(String text, int maxChars, int maxLines) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int number = 0;
    while (start < text.length()) {
      number++;
      if (number > maxLines) {
        throw new SdpParseException(number, "more than " + maxLines + " lines");
      }
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      if (end > maxChars) {
        throw new SdpParseException(number, "description longer than " + maxChars + " characters");
      }
      int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      lines.add(line(number, text.substring(start, contentEnd)));
      start = end + 1;
    }
    if (lines.isEmpty()) {
      throw new SdpParseException(1, "empty description, expected v=0");
    }
    return lines;
  }

  private static Line line(int number, String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7F) {
        throw new SdpParseException(number, String.format("control character U+%04X at column %d", (int) c, i + 1));
      }
    }
    if (raw.isEmpty()) {
      throw new SdpParseException(number, "empty line");
    }
    if (raw.length() < 2 || raw.charAt(1) != '=') {
      throw new SdpParseException(number, "expected \"<type>=<value>\", got \"" + Tokens.clip(raw) + "\"");
    }
    char type = raw.charAt(0);
    if (type < 'a' || type > 'z') {
      throw new SdpParseException(number, "line type must be a lower-case letter, got '" + type + "'");
    }
    return new Line(number, type, raw.substring(2));
  }
}

package org.metrohub.media.negotiation.internal;

/**
 * Character-level checks on identifiers that come from the browser or go back to it, and quoting of offered text
 * into error messages that are sent to the client.
 */
public final class Syntax {
  /** Longest mid and rid: one-byte RTP header extension elements carry at most 16 bytes (RFC 8285 §4.2). */
  public static final int MAX_TAG_LENGTH = 16;

  private Syntax() {
  }

  /** RFC 4566 {@code token}: the syntax of an identification-tag ({@code a=mid}, RFC 5888 §4). */
  public static boolean isToken(String text, int maxLength) {
    if (text.isEmpty() || text.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "!#$%&'*+-.^_`{|}~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** RFC 8851 §10 {@code rid-id}: letters, digits, {@code -} and {@code _}. */
  public static boolean isRid(String text) {
    if (text.isEmpty() || text.length() > MAX_TAG_LENGTH) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** RFC 8839 §5.4 {@code ice-char} string of {@code min} to 256 characters (ufrag: 4, password: 22). */
  public static boolean isIceChars(String text, int min) {
    if (text.length() < min || text.length() > 256) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII without spaces, 1 to {@code maxLength} characters (msid ids, cnames we write). */
  public static boolean isVisibleAscii(String text, int maxLength) {
    if (text.isEmpty() || text.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  /**
   * Offered text for an error message the client will read: quoted, cut to 24 characters, anything outside
   * printable ASCII replaced by {@code ?} (the parser already refused control characters).
   */
  public static String quote(String text) {
    StringBuilder s = new StringBuilder(32).append('"');
    for (int i = 0; i < Math.min(text.length(), 24); i++) {
      char c = text.charAt(i);
      s.append(c >= 0x20 && c < 0x7F && c != '"' ? c : '?');
    }
    return s.append(text.length() > 24 ? "...\"" : "\"").toString();
  }
}

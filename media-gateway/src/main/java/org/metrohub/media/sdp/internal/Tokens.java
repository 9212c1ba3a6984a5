package org.metrohub.media.sdp.internal;

import java.util.List;

/** Strict number and token helpers: digits only, ranges checked, no surprises from {@code Integer.parseInt}. */
public final class Tokens {
  private Tokens() {
  }

  /** A decimal number of 1 to 19 ASCII digits, between {@code min} and {@code max}. */
  public static long number(String text, long min, long max, String what) {
    if (text.isEmpty() || text.length() > 19) {
      throw new SdpSyntaxError(what + " must be a number, got \"" + clip(text) + "\"");
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new SdpSyntaxError(what + " must be a number, got \"" + clip(text) + "\"");
      }
      value = value * 10 + (c - '0');
    }
    if (value < min || value > max) {
      throw new SdpSyntaxError(what + " must be between " + min + " and " + max + ", got " + text);
    }
    return value;
  }

  public static int port(String text) {
    return (int) number(text, 0, 65535, "port");
  }

  public static int payloadType(String text) {
    return (int) number(text, 0, 127, "payload type");
  }

  public static long ssrc(String text) {
    return number(text, 0, 0xFFFF_FFFFL, "ssrc");
  }

  /** Splits on single spaces, rejecting empty tokens (double spaces) so that writing gives the same text. */
  public static List<String> words(String text, String usage) {
    if (text.isEmpty()) {
      throw new SdpSyntaxError(usage);
    }
    List<String> words = List.of(text.split(" ", -1));
    if (words.stream().anyMatch(String::isEmpty)) {
      throw new SdpSyntaxError(usage);
    }
    return words;
  }

  /** Like {@link #words} and checks the count. */
  public static List<String> words(String text, int min, int max, String usage) {
    List<String> words = words(text, usage);
    if (words.size() < min || words.size() > max) {
      throw new SdpSyntaxError(usage);
    }
    return words;
  }

  /** Text quoted into an error message, cut to 40 characters. */
  public static String clip(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}

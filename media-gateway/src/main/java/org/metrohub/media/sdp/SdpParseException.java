package org.metrohub.media.sdp;

/** A session description was rejected; the message starts with {@code line N:}, counting from 1. */
public final class SdpParseException extends IllegalArgumentException {
  private final int lineNumber;

  public SdpParseException(int lineNumber, String message) {
    super("line " + lineNumber + ": " + message);
    this.lineNumber = lineNumber;
  }

  /** The 1-based number of the offending line. */
  public int lineNumber() {
    return lineNumber;
  }
}

package org.metrohub.media.sdp.internal;

/**
 * Thrown by the line parsers for a malformed value; the parser that knows the line number turns it into an
 * {@link org.metrohub.media.sdp.SdpParseException}.
 */
public final class SdpSyntaxError extends RuntimeException {
  public SdpSyntaxError(String message) {
    super(message, null, false, false);
  }
}

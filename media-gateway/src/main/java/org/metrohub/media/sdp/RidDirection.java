package org.metrohub.media.sdp;

import java.util.Locale;

/** The direction of an RTP stream id ({@code a=rid}) or of a simulcast stream list ({@code a=simulcast}). */
public enum RidDirection {
  SEND, RECV;

  /** The SDP spelling. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package org.metrohub.media.sdp;

import java.util.Locale;

/** A media direction attribute ({@code a=sendrecv} ...), also used by {@code a=extmap:<id>/<direction>}. */
public enum Direction implements Attribute {
  SENDRECV, SENDONLY, RECVONLY, INACTIVE;

  /** The SDP spelling. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package org.metrohub.media.negotiation;

/** Which way media flows in a negotiated section, seen from the node. */
public enum NodeDirection {
  /** The browser sends, the node receives (answer {@code recvonly}). */
  RECEIVE,
  /** The node sends an {@link OutgoingTrack} to the browser (answer {@code sendonly}). */
  SEND,
  /** Both (answer {@code sendrecv}). */
  SEND_RECEIVE,
  /** Nothing flows (answer {@code inactive}, or the section is rejected). */
  INACTIVE;

  public boolean receives() {
    return this == RECEIVE || this == SEND_RECEIVE;
  }

  public boolean sends() {
    return this == SEND || this == SEND_RECEIVE;
  }
}

package org.metrohub.media.negotiation;

import java.util.Objects;
import org.metrohub.media.sdp.SdpWriter;
import org.metrohub.media.sdp.SessionDescription;

/** The node's answer: the description to send back and what it settled for the router. */
public record Answer(SessionDescription description, Negotiated negotiated) {
  public Answer {
    Objects.requireNonNull(description);
    Objects.requireNonNull(negotiated);
  }

  /** The SDP text, CRLF line endings. */
  public String sdp() {
    return SdpWriter.write(description);
  }

  /** The {@code o=} session version of this answer. */
  public long version() {
    return Long.parseLong(description.origin().sessionVersion());
  }
}

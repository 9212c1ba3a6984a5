package org.metrohub.media.negotiation;

import java.util.Objects;
import java.util.Optional;
import org.metrohub.media.sdp.Attribute;

/** An SSRC the browser announced ({@code a=ssrc:<ssrc> cname:...}, {@code a=ssrc:<ssrc> msid:...}, RFC 5576). */
public record OfferedSsrc(long ssrc, Optional<String> cname, Optional<Attribute.Msid> msid) {
  public OfferedSsrc {
    Objects.requireNonNull(cname);
    Objects.requireNonNull(msid);
  }
}

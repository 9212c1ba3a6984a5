package org.metrohub.media.negotiation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.Candidate;
import org.metrohub.media.sdp.SdpLine;

/**
 * A browser's offer after {@link OfferReader} checked it: one ICE/DTLS transport for the BUNDLE group and the
 * media sections in offer order.
 *
 * @param origin           the offer's {@code o=} line (its version tells re-offers apart)
 * @param iceUfrag         ICE username fragment, the same in every bundled section
 * @param icePwd           ICE password, the same in every bundled section
 * @param fingerprint      the browser's DTLS certificate fingerprint ({@code sha-256} only)
 * @param setup            the browser's DTLS role: {@code actpass} or {@code active}
 * @param bundle           the mids of the {@code a=group:BUNDLE} line, in order (the first is the offerer's
 *                         suggested tagged section, RFC 9143 §7.2.1)
 * @param extmapAllowMixed {@code a=extmap-allow-mixed} at session level (RFC 8285 §6)
 */
public record Offer(SdpLine.Origin origin, String iceUfrag, String icePwd, Attribute.Fingerprint fingerprint,
                    Attribute.Setup.Role setup, List<String> bundle, boolean extmapAllowMixed,
                    List<OfferedSection> sections) {
  public Offer {
    Objects.requireNonNull(origin);
    Objects.requireNonNull(iceUfrag);
    Objects.requireNonNull(icePwd);
    Objects.requireNonNull(fingerprint);
    Objects.requireNonNull(setup);
    bundle = List.copyOf(bundle);
    sections = List.copyOf(sections);
  }

  public Optional<OfferedSection> section(String mid) {
    return sections.stream().filter(s -> s.mid().equals(mid)).findFirst();
  }

  /**
   * The browser's candidates for the transport of section {@code mid} (use the answer's
   * {@link Negotiated#transportMid()}): in a first offer each bundled section still has its own ports.
   */
  public List<Candidate> candidates(String mid) {
    return section(mid).map(OfferedSection::candidates).orElse(List.of());
  }

  /** True when the browser wrote {@code a=end-of-candidates} for section {@code mid}: it will trickle no more. */
  public boolean endOfCandidates(String mid) {
    return section(mid).map(OfferedSection::endOfCandidates).orElse(false);
  }
}

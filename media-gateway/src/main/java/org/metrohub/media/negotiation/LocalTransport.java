package org.metrohub.media.negotiation;

import java.util.List;
import java.util.Objects;
import org.metrohub.media.negotiation.internal.Syntax;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.Candidate;

/**
 * The node's side of a participant's transport, as the ICE and DTLS layers made it: written into every answer.
 *
 * @param fingerprint     the node's certificate fingerprint, {@code sha-256} (e.g. from
 *                        {@code DtlsCertificate}'s {@code a=fingerprint} value)
 * @param candidates      all the node's candidates (it does not trickle)
 * @param endOfCandidates whether to write {@code a=end-of-candidates} (RFC 8840 §8.2) after them
 */
public record LocalTransport(String iceUfrag, String icePwd, Attribute.Fingerprint fingerprint,
                             List<Candidate> candidates, boolean endOfCandidates) {
  public LocalTransport {
    Objects.requireNonNull(fingerprint);
    candidates = List.copyOf(candidates);
    if (!Syntax.isIceChars(iceUfrag, 4) || !Syntax.isIceChars(icePwd, 22)) {
      throw new IllegalArgumentException("ICE ufrag (4+) and password (22+) are ice-chars (RFC 8839 §5.4)");
    }
    if (!fingerprint.algorithm().equals("sha-256") || fingerprint.bytes().length != 32) {
      throw new IllegalArgumentException("the node's fingerprint is sha-256 with 32 bytes");
    }
  }

  /** Takes the value of an {@code a=fingerprint} attribute as {@code "sha-256"} and {@code "AB:CD:…"}. */
  public static LocalTransport of(String iceUfrag, String icePwd, String algorithm, String fingerprintHex,
                                  List<Candidate> candidates, boolean endOfCandidates) {
    return new LocalTransport(iceUfrag, icePwd, new Attribute.Fingerprint(algorithm, fingerprintHex), candidates,
        endOfCandidates);
  }
}

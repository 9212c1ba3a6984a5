package org.metrohub.elearning.bbb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.metrohub.elearning.bbb.internal.QueryParams;

/**
 * BigBlueButton's API checksum: the lower-case hex digest of {@code callName + queryWithoutChecksum +
 * sharedSecret}, the algorithm chosen by the length of the checksum the client sent (40 SHA-1, 64 SHA-256,
 * 96 SHA-384, 128 SHA-512) among those enabled.
 *
 * <p>Verification follows bbb-web ({@code ValidationService}, {@code GetChecksum},
 * {@code GetChecksumValidator}):
 * <ol>
 *   <li>the query string is sanitized (control characters removed, trimmed) and decoded; the checksum is the
 *       first {@code checksum} parameter's value, and a missing or empty one is a {@code checksumError};</li>
 *   <li>a query with more than one {@code checksum} parameter is refused (bbb-web's duplicate-checksum guard:
 *       otherwise a doubled valid checksum would verify, because step 3 strips every copy);</li>
 *   <li>the checksum is removed from the <em>raw</em> query by literal replacement, in this order, of
 *       {@code "&checksum=" + value}, {@code "checksum=" + value + "&"} and {@code "checksum=" + value}; so it may
 *       stand first, last or between other parameters, the other parameters keep the order and encoding the
 *       client signed, and nothing is re-encoded or sorted;</li>
 *   <li>the digest is compared with the sent value in constant time; the comparison ignores case, as bbb-web's
 *       {@code equalsIgnoreCase} does, although {@link #sign} always writes lower case.</li>
 * </ol>
 * An empty shared secret switches bbb-web's check off; here it is refused at construction.
 */
public final class ChecksumVerifier {
  private static final HexFormat HEX = HexFormat.of();

  private final String sharedSecret;
  private final Set<ChecksumAlgorithm> enabled;
  private final ChecksumAlgorithm signingAlgorithm;

  /**
   * @param sharedSecret bbb-web's {@code securitySalt}; never logged
   * @param enabled the algorithms a client may use (bbb-web's {@code supportedChecksumAlgorithms})
   * @throws IllegalArgumentException for a blank secret or no algorithm
   */
  public ChecksumVerifier(String sharedSecret, Set<ChecksumAlgorithm> enabled) {
    Objects.requireNonNull(sharedSecret);
    if (sharedSecret.isBlank()) {
      throw new IllegalArgumentException("the BigBlueButton shared secret must not be blank");
    }
    if (enabled.isEmpty()) {
      throw new IllegalArgumentException("at least one checksum algorithm must be enabled");
    }
    this.sharedSecret = sharedSecret;
    this.enabled = Set.copyOf(EnumSet.copyOf(enabled));
    ChecksumAlgorithm strongest = null;
    for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
      if (this.enabled.contains(algorithm)) {
        strongest = algorithm;
      }
    }
    this.signingAlgorithm = strongest;
  }

  public Set<ChecksumAlgorithm> enabledAlgorithms() {
    return enabled;
  }

  /**
   * Checks the {@code checksum} parameter of {@code rawQuery} (as received, still percent-encoded, without the
   * leading {@code ?}) for the API call {@code callName}.
   *
   * @return empty when it verifies, else the {@code checksumError} to answer
   */
  public Optional<BbbError> verify(String callName, String rawQuery) {
    String query = QueryParams.sanitize(rawQuery == null ? "" : rawQuery);
    List<String> checksums;
    try {
      checksums = QueryParams.parse(query).all("checksum");
    } catch (IllegalArgumentException malformed) {
      return Optional.of(BbbError.CHECKSUM_MISMATCH);
    }
    if (checksums.isEmpty() || checksums.getFirst().isEmpty()) {
      return Optional.of(BbbError.CHECKSUM_MISSING);
    }
    if (checksums.size() > 1) {
      return Optional.of(BbbError.CHECKSUM_MISMATCH);
    }
    String provided = checksums.getFirst();
    Optional<ChecksumAlgorithm> algorithm = ChecksumAlgorithm.forHexLength(provided.length());
    if (algorithm.isEmpty() || !enabled.contains(algorithm.get())) {
      return Optional.of(BbbError.CHECKSUM_MISMATCH);
    }
    String expected = digestHex(algorithm.get(), callName, queryWithoutChecksum(query, provided));
    boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        provided.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    return same ? Optional.empty() : Optional.of(BbbError.CHECKSUM_MISMATCH);
  }

  /**
   * bbb-web's removal of the checksum from the raw query string: literal replacement of
   * {@code &checksum=<value>}, then {@code checksum=<value>&}, then {@code checksum=<value>}.
   */
  public static String queryWithoutChecksum(String rawQuery, String checksum) {
    return rawQuery.replace("&checksum=" + checksum, "")
        .replace("checksum=" + checksum + "&", "")
        .replace("checksum=" + checksum, "");
  }

  /** The checksum of {@code query} (already encoded, without checksum) with the strongest enabled algorithm. */
  public String sign(String callName, String query) {
    return sign(callName, query, signingAlgorithm);
  }

  /** The checksum of {@code query} with {@code algorithm}, which need not be enabled (for tests of refusal). */
  public String sign(String callName, String query, ChecksumAlgorithm algorithm) {
    return digestHex(algorithm, callName, query);
  }

  /** {@code query} with {@code checksum=…} appended, as a client sends it. */
  public String signedQuery(String callName, String query) {
    return signedQuery(callName, query, signingAlgorithm);
  }

  public String signedQuery(String callName, String query, ChecksumAlgorithm algorithm) {
    String checksum = sign(callName, query, algorithm);
    return query.isEmpty() ? "checksum=" + checksum : query + "&checksum=" + checksum;
  }

  private String digestHex(ChecksumAlgorithm algorithm, String callName, String query) {
    MessageDigest digest = algorithm.newDigest();
    digest.update(callName.getBytes(StandardCharsets.UTF_8));
    digest.update(query.getBytes(StandardCharsets.UTF_8));
    digest.update(sharedSecret.getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(digest.digest());
  }

  @Override
  public String toString() {
    return "ChecksumVerifier" + enabled;
  }
}

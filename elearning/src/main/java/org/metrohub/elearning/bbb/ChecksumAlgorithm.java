package org.metrohub.elearning.bbb;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The digests BigBlueButton accepts for the API checksum. bbb-web picks the algorithm from the length of the
 * checksum a client sends (40, 64, 96 or 128 hex digits) and accepts it only if the algorithm is listed in its
 * {@code supportedChecksumAlgorithms} property ({@code sha1,sha256,sha384,sha512} by default, since BBB 2.5).
 */
public enum ChecksumAlgorithm {
  SHA1("sha1", "SHA-1", 40),
  SHA256("sha256", "SHA-256", 64),
  SHA384("sha384", "SHA-384", 96),
  SHA512("sha512", "SHA-512", 128);

  private final String configName;
  private final String jcaName;
  private final int hexLength;

  ChecksumAlgorithm(String configName, String jcaName, int hexLength) {
    this.configName = configName;
    this.jcaName = jcaName;
    this.hexLength = hexLength;
  }

  /** The name bbb-web's {@code supportedChecksumAlgorithms} uses: {@code sha1}, {@code sha256}, … */
  public String configName() {
    return configName;
  }

  /** Number of lower-case hex digits of a checksum made with this algorithm. */
  public int hexLength() {
    return hexLength;
  }

  /** The algorithm whose hex digest has {@code length} digits, if any. */
  public static Optional<ChecksumAlgorithm> forHexLength(int length) {
    for (ChecksumAlgorithm algorithm : values()) {
      if (algorithm.hexLength == length) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a configuration list as bbb-web writes it, e.g. {@code sha256,sha512}; names are case-insensitive and
   * {@code SHA-256} is accepted for {@code sha256}.
   *
   * @throws IllegalArgumentException naming the unknown entry, or when the list is empty
   */
  public static Set<ChecksumAlgorithm> parseList(String list) {
    Set<ChecksumAlgorithm> result = EnumSet.noneOf(ChecksumAlgorithm.class);
    for (String entry : list.split(",")) {
      String name = entry.strip().toLowerCase(Locale.ROOT).replace("-", "");
      if (name.isEmpty()) {
        continue;
      }
      ChecksumAlgorithm found = null;
      for (ChecksumAlgorithm algorithm : values()) {
        if (algorithm.configName.equals(name)) {
          found = algorithm;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException("unknown checksum algorithm \"" + entry.strip()
            + "\" (expected sha1, sha256, sha384 or sha512)");
      }
      result.add(found);
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("at least one checksum algorithm must be enabled");
    }
    return result;
  }

  MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jcaName + " is required of every Java platform", e);
    }
  }
}

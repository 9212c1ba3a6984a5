package org.metrohub.elearning.bbb;

import java.net.URI;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the BigBlueButton-compatible API, named after bbb-web's properties where there is one.
 *
 * @param sharedSecret bbb-web's {@code securitySalt}; must not be blank (an empty one switches bbb-web's
 *     check off, which is not offered here)
 * @param checksumAlgorithms bbb-web's {@code supportedChecksumAlgorithms}
 * @param defaultDialNumber bbb-web's {@code defaultDialAccessNumber}
 * @param defaultLogoutUrl bbb-web's {@code bigbluebutton.web.logoutURL}: where a browser goes when {@code join}
 *     fails and the LMS gave no {@code errorRedirectUrl}; empty answers such a failure with XML
 * @param zone zone of {@code createDate}
 * @param apiVersion what the API root reports as {@code version}
 */
public record BbbApiConfig(String sharedSecret, Set<ChecksumAlgorithm> checksumAlgorithms, String defaultDialNumber,
                           Optional<URI> defaultLogoutUrl, ZoneId zone, String apiVersion) {
  public BbbApiConfig {
    Objects.requireNonNull(sharedSecret);
    if (sharedSecret.isBlank()) {
      throw new IllegalArgumentException("the BigBlueButton shared secret must not be blank");
    }
    if (checksumAlgorithms.isEmpty()) {
      throw new IllegalArgumentException("at least one checksum algorithm must be enabled");
    }
    checksumAlgorithms = Set.copyOf(EnumSet.copyOf(checksumAlgorithms));
    Objects.requireNonNull(defaultDialNumber);
    Objects.requireNonNull(defaultLogoutUrl);
    Objects.requireNonNull(zone);
    Objects.requireNonNull(apiVersion);
  }

  /** All four algorithms (bbb-web's default since 2.5), UTC, no dial number, API version 2.0. */
  public static BbbApiConfig withSecret(String sharedSecret) {
    return new BbbApiConfig(sharedSecret, EnumSet.allOf(ChecksumAlgorithm.class), "", Optional.empty(),
        ZoneId.of("UTC"), "2.0");
  }

  /** Keeps the shared secret out of logs. */
  @Override
  public String toString() {
    return "BbbApiConfig[checksumAlgorithms=" + checksumAlgorithms + ", defaultDialNumber=" + defaultDialNumber
        + ", defaultLogoutUrl=" + defaultLogoutUrl + ", zone=" + zone + ", apiVersion=" + apiVersion + "]";
  }
}

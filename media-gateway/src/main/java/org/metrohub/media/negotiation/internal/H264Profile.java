package org.metrohub.media.negotiation.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The H.264 profile named by an SDP {@code profile-level-id} (RFC 6184 §8.1): {@code profile_idc} and the
 * {@code constraint_set} flags of {@code profile-iop}, read as H.264 Annex A defines them. Two offers can be
 * forwarded to each other when the profile matches; the level may differ ({@code level-asymmetry-allowed}).
 */
public enum H264Profile {
  CONSTRAINED_BASELINE, BASELINE, MAIN, HIGH, CONSTRAINED_HIGH, PREDICTIVE_HIGH_444;

  /** {@code profile-level-id} when an fmtp has none: Baseline, level 1 (RFC 6184 §8.1). */
  public static final String DEFAULT_PROFILE_LEVEL_ID = "42000a";

  private static final int CS0 = 0x80;
  private static final int CS1 = 0x40;
  private static final int CS4 = 0x08;
  private static final int CS5 = 0x04;

  /** The profile of six hex digits {@code profile_idc profile-iop level_idc}; empty when malformed or unknown. */
  public static Optional<H264Profile> of(String profileLevelId) {
    if (profileLevelId.length() != 6 || !profileLevelId.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return Optional.empty();
    }
    int idc = Integer.parseInt(profileLevelId.substring(0, 2), 16);
    int iop = Integer.parseInt(profileLevelId.substring(2, 4), 16);
    H264Profile profile = switch (idc) {
      // Baseline conforming to Main as well (constraint_set1) is Constrained Baseline (A.2.1.1).
      case 0x42 -> (iop & CS1) != 0 ? CONSTRAINED_BASELINE : BASELINE;
      // Main conforming to Baseline (constraint_set0) is Constrained Baseline.
      case 0x4D -> (iop & CS0) != 0 ? CONSTRAINED_BASELINE : MAIN;
      // Extended conforming to Baseline (cs0), and to Main too (cs1).
      case 0x58 -> (iop & CS0) == 0 ? null : (iop & CS1) != 0 ? CONSTRAINED_BASELINE : BASELINE;
      // High with constraint_set4 and 5 is Constrained High (A.2.4.2).
      case 0x64 -> (iop & (CS4 | CS5)) == (CS4 | CS5) ? CONSTRAINED_HIGH : HIGH;
      case 0xF4 -> PREDICTIVE_HIGH_444;
      default -> null;
    };
    return Optional.ofNullable(profile);
  }

  /** Lower-case name with dashes, e.g. {@code constrained-baseline}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

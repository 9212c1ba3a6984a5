package org.metrohub.media.negotiation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** profile-level-id (RFC 6184 §8.1) to H.264 profile, for the ids browsers offer and a few edge cases. */
class H264ProfileTest {
  @Test
  void readsTheProfilesChromiumOffers() {
    // 42e01f: profile_idc 0x42 Baseline, iop 0xe0 = constraint_set0/1/2 -> Constrained Baseline, level 3.1
    assertThat(H264Profile.of("42e01f")).contains(H264Profile.CONSTRAINED_BASELINE);
    // 42001f: Baseline without constraint_set1
    assertThat(H264Profile.of("42001f")).contains(H264Profile.BASELINE);
    // 4d001f: Main; 640c1f: High with constraint_set4+5 = Constrained High
    assertThat(H264Profile.of("4d001f")).contains(H264Profile.MAIN);
    assertThat(H264Profile.of("640c1f")).contains(H264Profile.CONSTRAINED_HIGH);
    assertThat(H264Profile.of("64001f")).contains(H264Profile.HIGH);
    assertThat(H264Profile.of("f4001f")).contains(H264Profile.PREDICTIVE_HIGH_444);
  }

  @Test
  void readsMainAndExtendedProfilesThatConformToBaselineAsConstrainedBaseline() {
    assertThat(H264Profile.of("4d801f")).contains(H264Profile.CONSTRAINED_BASELINE);
    assertThat(H264Profile.of("58c01f")).contains(H264Profile.CONSTRAINED_BASELINE);
    assertThat(H264Profile.of("58801f")).contains(H264Profile.BASELINE);
    assertThat(H264Profile.of("58001f")).isEmpty();
  }

  @Test
  void ignoresCaseAndRejectsMalformedIds() {
    assertThat(H264Profile.of("42E01F")).contains(H264Profile.CONSTRAINED_BASELINE);
    assertThat(H264Profile.of("42e01")).isEmpty();
    assertThat(H264Profile.of("42g01f")).isEmpty();
    assertThat(H264Profile.of("7a001f")).isEmpty(); // High 4:2:2: not a WebRTC profile
    assertThat(H264Profile.CONSTRAINED_BASELINE.token()).isEqualTo("constrained-baseline");
  }
}

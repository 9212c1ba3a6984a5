package org.metrohub.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeqNumTest {

    @Test
    void zeroIsNewerThan65535AcrossTheWrap() {
        assertThat(SeqNum.isNewer(0, 65535)).isTrue();
        assertThat(SeqNum.isNewer(65535, 0)).isFalse();
        assertThat(SeqNum.delta(2, 65534)).isEqualTo(4);
        assertThat(SeqNum.delta(65534, 2)).isEqualTo(-4);
    }

    @Test
    void comparesPlainlyAwayFromTheWrap() {
        assertThat(SeqNum.isNewer(101, 100)).isTrue();
        assertThat(SeqNum.isNewer(100, 100)).isFalse();
        assertThat(SeqNum.delta(100, 100)).isZero();
    }

    @Test
    void halfTheSpaceApartIsNotNewer() {
        assertThat(SeqNum.delta(32768, 0)).isEqualTo(-32768);
        assertThat(SeqNum.isNewer(32768, 0)).isFalse();
        assertThat(SeqNum.isNewer(32767, 0)).isTrue();
    }

    @Test
    void addWrapsBothWays() {
        assertThat(SeqNum.add(65535, 1)).isZero();
        assertThat(SeqNum.add(0, -1)).isEqualTo(65535);
    }
}

package org.metrohub.media.transport.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SsrcContextMapTest {

    @Test
    void keepsZeroNegativeAndCollidingSsrcsApartUpToItsLimit() {
        SsrcContextMap<String> map = new SsrcContextMap<>(5);
        int[] ssrcs = {0, -1, 0x8000_0000, 1, 1 + 64}; // 0 and the sign bit are valid SSRCs
        for (int ssrc : ssrcs) {
            assertThat(map.put(ssrc, "ctx" + ssrc)).isTrue();
        }
        for (int ssrc : ssrcs) {
            assertThat(map.get(ssrc)).isEqualTo("ctx" + ssrc);
        }
        assertThat(map.get(2)).isNull();
        assertThat(map.put(2, "one too many")).isFalse();
        assertThat(map.size()).isEqualTo(5);
        map.clear();
        assertThat(map.get(0)).isNull();
    }
}

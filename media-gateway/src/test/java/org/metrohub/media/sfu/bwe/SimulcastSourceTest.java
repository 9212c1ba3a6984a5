package org.metrohub.media.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulcastSourceTest {
    @Test
    void metersEachLayerOnItsOwn() {
        SimulcastSource source = new SimulcastSource("alice", 180, 360, 720);
        for (long t = 0; t < 1_000_000_000L; t += 20_000_000L) {
            source.onPacket(0, 500, t); // 200 kb/s
            source.onPacket(2, 5000, t); // 2 Mb/s
            source.onPacket(7, 5000, t); // no such layer: ignored
        }

        assertThat(source.layerBitrate(0, 1_000_000_000L)).isBetween(195_000L, 205_000L);
        assertThat(source.layerBitrate(1, 1_000_000_000L)).isZero();
        assertThat(source.layerBitrate(2, 1_000_000_000L)).isBetween(1_950_000L, 2_050_000L);
        assertThat(source.height(2)).isEqualTo(720);
    }

    @Test
    void refusesLayersThatDoNotGrow() {
        assertThatThrownBy(() -> new SimulcastSource("x", 360, 180)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulcastSource("x")).isInstanceOf(IllegalArgumentException.class);
    }
}

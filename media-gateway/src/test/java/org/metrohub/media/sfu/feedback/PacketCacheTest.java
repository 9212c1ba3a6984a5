package org.metrohub.media.sfu.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metrohub.media.rtp.RtpPacket;

class PacketCacheTest {
    private static final long MS = 1_000_000L;

    private final PacketCache cache = new PacketCache(4, 64, 1000 * MS);
    private final RtpPacket view = new RtpPacket();

    @Test
    void keepsACopyOfTheSentBytes() {
        byte[] sent = Packets.vp8(8000, 1234);
        byte[] expected = sent.clone();
        assertThat(cache.store(sent, 0, sent.length, 0)).isTrue();
        Arrays.fill(sent, (byte) 0); // the pipeline reuses its buffer (SRTP protects it in place)

        int slot = cache.lookup(8000, 10 * MS);

        assertThat(slot).isNotNegative();
        RtpPacket packet = cache.wrap(slot, view);
        assertThat(Arrays.copyOfRange(packet.buffer(), packet.offset(), packet.offset() + packet.length()))
                .isEqualTo(expected);
        assertThat(packet.sequenceNumber()).isEqualTo(8000);
        assertThat(cache.stored()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void findsPacketsAcrossTheWrapUntilANewerOneTakesTheSlot() {
        for (int seq : new int[] {65534, 65535, 0, 1, 2}) { // five packets in four slots
            byte[] p = Packets.vp8(seq, 0);
            cache.store(p, 0, p.length, 0);
        }

        assertThat(cache.lookup(65534, 0)).as("overwritten by 2").isEqualTo(PacketCache.NOT_FOUND);
        for (int seq : new int[] {65535, 0, 1, 2}) {
            assertThat(cache.wrap(cache.lookup(seq, 0), view).sequenceNumber()).isEqualTo(seq);
        }
        assertThat(cache.lookup(3, 0)).as("never sent").isEqualTo(PacketCache.NOT_FOUND);
        assertThat(cache.notFound()).isEqualTo(2);
    }

    @Test
    void forgetsPacketsOlderThanTheAgeLimit() {
        byte[] p = Packets.vp8(10, 0);
        cache.store(p, 0, p.length, 5 * MS);

        assertThat(cache.lookup(10, 1005 * MS)).isNotNegative();
        assertThat(cache.lookup(10, 1006 * MS)).isEqualTo(PacketCache.EXPIRED);
        assertThat(cache.expired()).isEqualTo(1);
    }

    @Test
    void refusesPacketsLongerThanASlotAndCountsThem() {
        byte[] big = Arrays.copyOf(Packets.vp8(10, 0), 65);

        assertThat(cache.store(big, 0, big.length, 0)).isFalse();
        assertThat(cache.tooLong()).isEqualTo(1);
        assertThat(cache.lookup(10, 0)).isEqualTo(PacketCache.NOT_FOUND);
    }

    @Test
    void remembersWhenAPacketWasResentUntilItsSlotIsReused() {
        byte[] p = Packets.vp8(10, 0);
        cache.store(p, 0, p.length, 0);
        int slot = cache.lookup(10, 0);
        assertThat(cache.wasResent(slot)).isFalse();

        cache.markResent(slot, 42 * MS);
        assertThat(cache.wasResent(slot)).isTrue();
        assertThat(cache.resentAtNanos(slot)).isEqualTo(42 * MS);

        byte[] next = Packets.vp8(14, 0); // same slot
        cache.store(next, 0, next.length, 50 * MS);
        assertThat(cache.wasResent(cache.lookup(14, 50 * MS))).isFalse();
    }

    @Test
    void rejectsACapacityThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> new PacketCache(500, 1500, 1)).hasMessageContaining("500");
    }
}

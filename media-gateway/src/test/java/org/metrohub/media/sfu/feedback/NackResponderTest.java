package org.metrohub.media.sfu.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;
import org.metrohub.media.rtp.NackPacket;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.rtp.RtpPacket;

class NackResponderTest {
    private static final long MS = 1_000_000L;

    /** A receiver asks again for 100, 102, 105 and for 200, which was never sent. */
    static final byte[] NACK = Hex.bytes("""
            81 cd 00 04    # RTPFB: V=2 P=0 FMT=1 (generic NACK, RFC 4585 §6.2.1), PT=205, length 4 (20 bytes)
            00 00 00 2a    # sender SSRC: the receiver
            5a 1b 2c 3d    # media SSRC: the stream it receives
            00 64 00 12    # PID 100, BLP 0000 0000 0001 0010: +2, +5 (102, 105)
            00 c8 00 00    # PID 200, BLP 0
            """);

    /** Keeps a copy of every retransmission, as a test may. */
    static final class Sent implements NackResponder.Sink {
        final List<byte[]> packets = new ArrayList<>();

        @Override
        public void send(byte[] buffer, int offset, int length) {
            packets.add(Arrays.copyOfRange(buffer, offset, offset + length));
        }
    }

    private final PacketCache cache = new PacketCache(16, 1500, 1000 * MS);
    private final Sent sent = new Sent();
    private final NackPacket nack = new NackPacket();

    NackResponderTest() {
        for (int seq = 100; seq <= 110; seq++) {
            byte[] p = Packets.vp8(seq, seq);
            cache.store(p, 0, p.length, 0);
        }
        assertThat(nack.wrap(NACK, 0, NACK.length)).isEqualTo(ParseStatus.OK);
    }

    @Test
    void resendsCachedPacketsOverRtx() {
        RtxEncoder rtx = new RtxEncoder(0x0a0b0c0d, 500).associate(Packets.VP8, Packets.VP8_RTX);
        NackResponder responder = new NackResponder(cache, rtx, 100 * MS, sent);

        assertThat(responder.onNack(nack, 10 * MS)).isEqualTo(3);

        assertThat(sent.packets).hasSize(3);
        int[] osns = new int[3];
        for (int i = 0; i < 3; i++) {
            byte[] p = sent.packets.get(i);
            RtpPacket packet = new RtpPacket().wrap(p, 0, p.length);
            assertThat(packet.ssrc()).isEqualTo(0x0a0b0c0d);
            assertThat(packet.payloadType()).isEqualTo(Packets.VP8_RTX);
            assertThat(packet.sequenceNumber()).isEqualTo(500 + i);
            osns[i] = RtxEncoder.originalSequenceNumber(packet);
        }
        assertThat(osns).containsExactly(100, 102, 105);
        assertThat(responder.nacks()).isEqualTo(1);
        assertThat(responder.requested()).isEqualTo(4);
        assertThat(responder.retransmitted()).isEqualTo(3);
        assertThat(responder.overRtx()).isEqualTo(3);
        assertThat(responder.missedCache()).isEqualTo(1);
    }

    @Test
    void resendsTheOriginalBytesWithoutRtx() {
        NackResponder responder = new NackResponder(cache, null, 100 * MS, sent);

        responder.onNack(nack, 10 * MS);

        assertThat(sent.packets).hasSize(3);
        assertThat(sent.packets.get(1)).isEqualTo(Packets.vp8(102, 102));
        assertThat(responder.overRtx()).isZero();
    }

    @Test
    void resendsAPacketAtMostOncePerInterval() {
        NackResponder responder = new NackResponder(cache, null, 100 * MS, sent);
        responder.onNack(nack, 10 * MS);

        assertThat(responder.onNack(nack, 60 * MS)).as("the same loss seen again").isZero();
        assertThat(responder.throttled()).isEqualTo(3);
        assertThat(responder.onNack(nack, 110 * MS)).as("an interval later").isEqualTo(3);

        responder.setMinResendIntervalNanos(300 * MS); // the RTT grew
        assertThat(responder.onNack(nack, 250 * MS)).isZero();
        assertThat(sent.packets).hasSize(6);
    }

    @Test
    void neverResendsBeyondTheCacheAge() {
        NackResponder responder = new NackResponder(cache, null, 100 * MS, sent);

        assertThat(responder.onNack(nack, 1001 * MS)).isZero();
        assertThat(responder.missedCache()).isEqualTo(4);
        assertThat(cache.expired()).isEqualTo(3);
    }

    @Test
    void repairsWhatTheReceiversNackGeneratorAsksFor() {
        // receiver side: 103 and 104 never arrive
        NackGenerator receiver = new NackGenerator(42, 0x5a1b2c3d, 64, 3, 5 * MS, 100 * MS);
        for (int seq = 100; seq <= 110; seq++) {
            if (seq != 103 && seq != 104) {
                receiver.onPacket(seq, 0);
            }
        }
        byte[] rtcp = new byte[64];
        int length = receiver.writeNack(5 * MS, rtcp, 0);
        assertThat(nack.wrap(rtcp, 0, length)).isEqualTo(ParseStatus.OK);

        RtxEncoder rtx = new RtxEncoder(0x0a0b0c0d, 0).associate(Packets.VP8, Packets.VP8_RTX);
        new NackResponder(cache, rtx, 100 * MS, sent).onNack(nack, 6 * MS);
        for (byte[] p : sent.packets) {
            receiver.onPacket(RtxEncoder.originalSequenceNumber(new RtpPacket().wrap(p, 0, p.length)), 7 * MS);
        }

        assertThat(sent.packets).hasSize(2);
        assertThat(receiver.missingCount()).isZero();
        assertThat(receiver.recovered()).isEqualTo(2);
    }
}

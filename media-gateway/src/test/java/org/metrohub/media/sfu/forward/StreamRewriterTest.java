package org.metrohub.media.sfu.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.metrohub.media.codec.H264Payload;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.testing.Hex;
import org.junit.jupiter.api.Test;

class StreamRewriterTest {
    private static final int OUT_SSRC = 0x0BADCAFE;
    private static final int Q = 0;
    private static final int H = 1;
    private static final int F = 2;
    private static final long FRAME_NANOS = 40_000_000L; // 25 fps
    private static final long MS = 1_000_000L;

    /** Chrome-like simulcast: q one packet per frame, h two, f three; f's counters wrap while it is forwarded. */
    private final Vp8Layer q = new Vp8Layer(0x11111111, 1, 1000, 50_000, 100, 250);
    private final Vp8Layer h = new Vp8Layer(0x22222222, 2, 20_000, 7_777_777, 5000, 200);
    private final Vp8Layer f = new Vp8Layer(0xF3333333, 3, 65_485, 0x1_0000_0000L - 64_800, 0x7FEE, 120);

    private final StreamRewriter rewriter = new StreamRewriter(StreamKind.VP8, OUT_SSRC, 90_000, 65_500, 0xFFFF_FF00L);
    private final Receiver receiver = new Receiver(rewriter);

    /**
     * Sends frame {@code i} of every layer at {@code i × 40 ms}, 1 ms apart per packet (q, then h, then f), with a
     * keyframe on the layers listed.
     */
    private void sendFrame(int i, int... keyframeLayers) {
        Vp8Layer[] layers = {q, h, f};
        long now = i * FRAME_NANOS;
        for (int layer = 0; layer < layers.length; layer++) {
            boolean key = false;
            for (int k : keyframeLayers) {
                key |= k == layer;
            }
            for (byte[] p : layers[layer].frame(key)) {
                receiver.send(p, layer, now);
                now += MS;
            }
        }
    }

    @Test
    void translatesTheForwardedStreamsTimestampsForItsSenderReportsOnly() {
        assertThat(rewriter.outgoingTimestamp(q.ssrc, 50_000)).as("nothing forwarded yet").isEqualTo(-1);
        rewriter.setTargetLayer(Q);
        sendFrame(0, Q, H, F);
        Receiver.Out first = receiver.received.getFirst();

        long sent = 50_000; // q's first frame
        assertThat(rewriter.outgoingTimestamp(q.ssrc, sent)).isEqualTo(first.timestamp());
        assertThat(rewriter.outgoingTimestamp(q.ssrc, sent + 9_000)).isEqualTo((first.timestamp() + 9_000) & 0xFFFF_FFFFL);
        assertThat(rewriter.outgoingTimestamp(f.ssrc, sent)).as("not the forwarded layer").isEqualTo(-1);
    }

    @Test
    void switchesQToFAndBackWithContinuousSequenceTimestampPictureIdAndTl0() {
        rewriter.setTargetLayer(Q);
        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                rewriter.setTargetLayer(F);
            }
            if (i == 20) {
                rewriter.setTargetLayer(Q);
            }
            sendFrame(i, i == 0 ? new int[] {Q, H, F} : i == 15 ? new int[] {F} : i == 25 ? new int[] {Q} : new int[0]);
        }

        List<Receiver.Out> out = receiver.received;
        // q frames 0–15 (q's frame 15 goes out before f's keyframe), f frames 15–24 (3 packets each), q 25–29
        assertThat(out).hasSize(16 + 30 + 5);
        assertThat(out).allSatisfy(p -> assertThat(p.ssrc()).isEqualTo(OUT_SSRC));
        assertThat(out.get(0).seq()).isEqualTo(65_500);
        assertThat(out.get(0).timestamp()).isEqualTo(0xFFFF_FF00L);
        assertThat(out.get(0).keyframe()).isTrue();
        assertThat(out.subList(0, 16)).allSatisfy(p -> assertThat(p.fromSsrc()).isEqualTo(q.ssrc));
        assertThat(out.subList(16, 46)).allSatisfy(p -> assertThat(p.fromSsrc()).isEqualTo(f.ssrc));
        assertThat(out.subList(46, 51)).allSatisfy(p -> assertThat(p.fromSsrc()).isEqualTo(q.ssrc));
        assertThat(out.get(16).keyframe()).as("f starts at its keyframe").isTrue();
        assertThat(out.get(46).keyframe()).as("q again at its keyframe").isTrue();

        for (int i = 1; i < out.size(); i++) {
            Receiver.Out prev = out.get(i - 1);
            Receiver.Out cur = out.get(i);
            assertThat(cur.seq()).as("seq after %d", i).isEqualTo((prev.seq() + 1) & 0xFFFF);
            long tsStep = (cur.timestamp() - prev.timestamp()) & 0xFFFF_FFFFL;
            if (!cur.startOfFrame()) {
                assertThat(tsStep).as("same frame at %d", i).isZero();
                assertThat(cur.pictureId()).isEqualTo(prev.pictureId());
                continue;
            }
            long expected = i == 16 ? 3 * 90 // f frame 15 went out 3 ms after q frame 15 (the same picture)
                    : i == 46 ? 37 * 90       // q frame 25 went out 37 ms after f frame 24
                    : Vp8Layer.FRAME_TICKS;
            assertThat(tsStep).as("timestamp step at %d", i).isEqualTo(expected);
            assertThat((cur.pictureId() - prev.pictureId()) & 0x7FFF).as("picture id at %d", i).isEqualTo(1);
            assertThat((cur.tl0PicIdx() - prev.tl0PicIdx()) & 0xFF).as("tl0picidx at %d", i).isEqualTo(1);
        }
        assertThat(out.get(0).pictureId()).as("first epoch keeps the sender's picture ids").isEqualTo(100);
        assertThat(out.get(50).pictureId()).as("31 pictures").isEqualTo(100 + 30);
        assertThat(out.get(50).tl0PicIdx()).isEqualTo((250 + 30) & 0xFF);

        RewriterStats stats = rewriter.stats();
        assertThat(stats.forwarded()).isEqualTo(51);
        assertThat(stats.switches()).isEqualTo(3);
        // f frames 10–14 (15 packets), q frames 20–24 (5)
        assertThat(stats.dropped(RewriteDrop.AWAITING_KEYFRAME)).isEqualTo(20);
        // h always (60), q frames 16–19 (4), f frames 0–9 and 25–29 (45)
        assertThat(stats.dropped(RewriteDrop.NOT_SELECTED)).isEqualTo(109);
        assertThat(stats.droppedTotal()).isEqualTo(129);
    }

    @Test
    void keepsTheCurrentLayerAndAsksForAKeyframeUntilTheTargetSendsOne() {
        sendFrame(0, Q, H, F);
        assertThat(rewriter.currentLayer()).isEqualTo(Q);
        assertThat(rewriter.needsKeyframe()).isFalse();

        rewriter.setTargetLayer(H);
        assertThat(rewriter.needsKeyframe()).isTrue();
        sendFrame(1);
        sendFrame(2);

        assertThat(rewriter.needsKeyframe()).isTrue();
        assertThat(rewriter.currentLayer()).isEqualTo(Q);
        assertThat(receiver.received).hasSize(3).allSatisfy(p -> assertThat(p.fromSsrc()).isEqualTo(q.ssrc));
        assertThat(rewriter.stats().dropped(RewriteDrop.AWAITING_KEYFRAME)).isEqualTo(4);

        sendFrame(3, H);

        assertThat(rewriter.needsKeyframe()).isFalse();
        assertThat(rewriter.currentLayer()).isEqualTo(H);
        assertThat(receiver.received).hasSize(3 + 1 + 2);
        assertThat(receiver.received.get(3).fromSsrc()).as("q frame 3 went out before h's keyframe").isEqualTo(q.ssrc);
        assertThat(receiver.received.get(4).keyframe()).isTrue();
    }

    @Test
    void dropsEverythingBeforeTheFirstKeyframe() {
        rewriter.setTargetLayer(F);
        sendFrame(0);
        sendFrame(1);

        assertThat(receiver.received).isEmpty();
        assertThat(rewriter.needsKeyframe()).isTrue();
        assertThat(rewriter.currentLayer()).isEqualTo(-1);
        assertThat(rewriter.stats().dropped(RewriteDrop.AWAITING_KEYFRAME)).isEqualTo(6);

        sendFrame(2, F);
        assertThat(receiver.received).hasSize(3);
        assertThat(receiver.received.get(0).seq()).isEqualTo(65_500);
    }

    @Test
    void mapsReorderedPacketsToTheirOwnPlaces() {
        Vp8Layer one = new Vp8Layer(0x5150, 4, 300, 9000, 10, 1);
        StreamRewriter r = new StreamRewriter(StreamKind.VP8, OUT_SSRC, 90_000, 7000, 123_456);
        Receiver rx = new Receiver(r);
        List<byte[]> key = one.frame(true);
        List<byte[]> next = one.frame(false);

        rx.send(key.get(0), 0, 0);
        rx.send(key.get(2), 0, MS);
        rx.send(key.get(1), 0, 2 * MS); // late by one
        rx.send(key.get(3), 0, 3 * MS);
        rx.send(next.get(1), 0, 40 * MS); // ahead of the frame start
        rx.send(next.get(0), 0, 41 * MS);

        assertThat(rx.received).extracting(Receiver.Out::seq).containsExactly(7000, 7002, 7001, 7003, 7005, 7004);
        assertThat(rx.received).extracting(Receiver.Out::timestamp)
                .containsExactly(123_456L, 123_456L, 123_456L, 123_456L, 127_056L, 127_056L);
        assertThat(rx.received).extracting(Receiver.Out::pictureId).containsExactly(10, 10, 10, 10, 11, 11);
        assertThat(r.stats().forwarded()).isEqualTo(6);
    }

    @Test
    void dropsPacketsOlderThanTheWindowOrTheSwitch() {
        Vp8Layer one = new Vp8Layer(0x5150, 1, 1, 0, 0, 0);
        StreamRewriter r = new StreamRewriter(StreamKind.VP8, OUT_SSRC, 90_000, 0, 0);
        Receiver rx = new Receiver(r);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < StreamRewriter.REORDER_WINDOW + 10; i++) {
            frames.add(one.frame(i == 5).get(0));
        }
        rx.send(frames.get(3), 0, 0);
        assertThat(r.stats().dropped(RewriteDrop.AWAITING_KEYFRAME)).isEqualTo(1);
        for (int i = 5; i < frames.size(); i++) {
            rx.send(frames.get(i).clone(), 0, i * FRAME_NANOS);
        }
        int forwarded = rx.received.size();

        assertThat(rx.send(frames.get(4), 0, 0)).as("before the keyframe the layer started at").isFalse();
        assertThat(rx.send(frames.get(9).clone(), 0, 0)).as("a window behind the newest").isFalse();
        assertThat(rx.send(frames.get(10).clone(), 0, 0)).as("just inside the window").isTrue();
        assertThat(rx.last().seq()).isEqualTo(5);
        assertThat(r.stats().dropped(RewriteDrop.TOO_OLD)).isEqualTo(2);
        assertThat(rx.received).hasSize(forwarded + 1);
    }

    @Test
    void mirrorsTheSendersLossesAndTranslatesOutgoingNumbersForNack() {
        sendFrame(0, Q, H, F);
        rewriter.setTargetLayer(F);
        List<byte[]> key = f.frame(true);
        receiver.send(key.get(0), F, FRAME_NANOS);
        // key.get(1) is lost between the sender and us
        receiver.send(key.get(2), F, FRAME_NANOS + MS);

        int qOut = receiver.received.get(0).seq();
        int fFirst = receiver.received.get(1).seq();
        assertThat(fFirst).isEqualTo((qOut + 1) & 0xFFFF);
        assertThat(receiver.last().seq()).as("the gap stays a gap").isEqualTo((fFirst + 2) & 0xFFFF);

        long lost = rewriter.incomingPacket((fFirst + 1) & 0xFFFF);
        assertThat(StreamRewriter.incomingSsrc(lost)).isEqualTo(f.ssrc);
        assertThat(StreamRewriter.incomingSeq(lost)).isEqualTo((65_485 + 3 + 1) & 0xFFFF);
        long first = rewriter.incomingPacket(qOut);
        assertThat(StreamRewriter.incomingSsrc(first)).as("the previous epoch").isEqualTo(q.ssrc);
        assertThat(StreamRewriter.incomingSeq(first)).isEqualTo(1000);
        assertThat(rewriter.incomingPacket((fFirst + 3) & 0xFFFF)).as("not sent yet").isEqualTo(-1);
        assertThat(rewriter.incomingPacket((qOut - 1) & 0xFFFF)).as("never sent").isEqualTo(-1);
    }

    @Test
    void forgetsOutgoingNumbersBeyondTheMapCapacity() {
        Vp8Layer one = new Vp8Layer(0x5150, 1, 65_000, 0, 0, 0);
        StreamRewriter r = new StreamRewriter(StreamKind.VP8, OUT_SSRC, 90_000, 100, 0);
        Receiver rx = new Receiver(r);
        for (int i = 0; i <= OutgoingSeqMap.CAPACITY; i++) {
            rx.send(one.frame(i == 0).get(0), 0, i * FRAME_NANOS);
        }

        assertThat(r.incomingPacket(100)).as("overwritten").isEqualTo(-1);
        long second = r.incomingPacket(101);
        assertThat(StreamRewriter.incomingSeq(second)).isEqualTo(65_001);
        long newest = r.incomingPacket(100 + OutgoingSeqMap.CAPACITY);
        assertThat(StreamRewriter.incomingSeq(newest)).isEqualTo((65_000 + OutgoingSeqMap.CAPACITY) & 0xFFFF);
        assertThat(StreamRewriter.incomingSsrc(newest)).isEqualTo(0x5150);
    }

    @Test
    void sequenceTimestampPictureIdAndTl0WrapInsideOneEpochWithoutAStep() {
        // Incoming: seq wraps after the 3rd packet, timestamp after frame 1, picture id after frame 1, TL0 too.
        Vp8Layer one = new Vp8Layer(0x5150, 2, 65_533, 0xFFFF_FFFFL - 5000, 0x7FFE, 254);
        // Outgoing: seq wraps after the 1st packet, timestamp between frames 1 and 2.
        StreamRewriter r = new StreamRewriter(StreamKind.VP8, OUT_SSRC, 90_000, 65_535, 0xFFFF_FFFFL - 5399);
        Receiver rx = new Receiver(r);
        for (int i = 0; i < 4; i++) {
            for (byte[] p : one.frame(i == 0)) {
                rx.send(p, 0, i * FRAME_NANOS);
            }
        }

        assertThat(rx.received).extracting(Receiver.Out::fromSeq)
                .containsExactly(65_533, 65_534, 65_535, 0, 1, 2, 3, 4);
        assertThat(rx.received).extracting(Receiver.Out::seq).containsExactly(65_535, 0, 1, 2, 3, 4, 5, 6);
        assertThat(rx.received).extracting(Receiver.Out::timestamp).containsExactly(
                0xFFFF_FFFFL - 5399, 0xFFFF_FFFFL - 5399, 0xFFFF_FFFFL - 1799, 0xFFFF_FFFFL - 1799,
                1800L, 1800L, 5400L, 5400L);
        assertThat(rx.received).extracting(Receiver.Out::pictureId)
                .containsExactly(0x7FFE, 0x7FFE, 0x7FFF, 0x7FFF, 0, 0, 1, 1);
        assertThat(rx.received).extracting(Receiver.Out::tl0PicIdx).containsExactly(254, 254, 255, 255, 0, 0, 1, 1);
        assertThat(r.stats().forwarded()).isEqualTo(8);
    }

    @Test
    void pictureIdAndTl0WrapAtTheSwitch() {
        Vp8Layer low = new Vp8Layer(0x10, 1, 10, 0, 0x7FFE, 254);
        Vp8Layer high = new Vp8Layer(0x20, 1, 500, 777, 4000, 9);
        StreamRewriter r = new StreamRewriter(StreamKind.VP8, OUT_SSRC, 90_000, 1, 1);
        Receiver rx = new Receiver(r);
        rx.send(low.frame(true).get(0), 0, 0);
        rx.send(low.frame(false).get(0), 0, FRAME_NANOS);
        r.setTargetLayer(1);
        rx.send(high.frame(true).get(0), 1, 2 * FRAME_NANOS);

        assertThat(rx.received).extracting(Receiver.Out::pictureId).containsExactly(0x7FFE, 0x7FFF, 0);
        assertThat(rx.received).extracting(Receiver.Out::tl0PicIdx).containsExactly(254, 255, 0);
        assertThat(rx.received).extracting(Receiver.Out::seq).containsExactly(1, 2, 3);
        assertThat(rx.received).extracting(Receiver.Out::timestamp).containsExactly(1L, 3601L, 7201L);
    }

    @Test
    void sevenBitPictureIdsStayInTheirFormAcrossASwitch() {
        Vp8Layer q15 = new Vp8Layer(0x10, 1, 10, 0, 0x1234, 0);
        StreamRewriter r = new StreamRewriter(StreamKind.VP8, OUT_SSRC, 90_000, 1, 1);
        Receiver rx = new Receiver(r);
        rx.send(q15.frame(true).get(0), 0, 0);
        r.setTargetLayer(1);
        byte[] key7 = Hex.bytes("""
                80 60 01 f4    # V=2 PT=96, sequence number 500
                00 00 03 09    # timestamp 777
                00 00 00 20    # SSRC 0x20
                90 80 7f       # VP8 descriptor: X=1 S=1 PID=0; I=1 only; PictureID 127 (7 bits)
                10 02 00 9d 01 2a 80 02 68 01  # keyframe header
                """);
        byte[] delta7 = Hex.bytes("""
                80 60 01 f5 00 00 11 19 00 00 00 20  # sequence number 501, timestamp 4377, SSRC 0x20
                90 80 00       # X=1 S=1 PID=0; I=1; PictureID 0 (7 bits: wrapped)
                31 40 01 aa    # inter frame
                """);
        rx.send(key7, 1, FRAME_NANOS);
        rx.send(delta7, 1, 2 * FRAME_NANOS);

        // 0x1234 + 1 in 7 bits is 0x35; the next frame follows in 7 bits.
        assertThat(rx.received).extracting(Receiver.Out::pictureId).containsExactly(0x1234, 0x35, 0x36);
        assertThat(key7[14] & 0x80).as("still the 7-bit form").isZero();
        assertThat(rx.received).extracting(Receiver.Out::tl0PicIdx).as("no TL0PICIDX in the 7-bit layer")
                .containsExactly(0, -1, -1);
    }

    @Test
    void pausesAndResumesAtAKeyframeWithTheTimestampAdvancedByThePause() {
        for (int i = 0; i < 3; i++) {
            sendFrame(i, i == 0 ? new int[] {Q} : new int[0]);
        }
        rewriter.setTargetLayer(-1);
        assertThat(rewriter.needsKeyframe()).isFalse();
        for (int i = 3; i < 6; i++) {
            sendFrame(i, Q);
        }
        assertThat(receiver.received).hasSize(3);
        assertThat(rewriter.currentLayer()).isEqualTo(-1);

        rewriter.setTargetLayer(Q);
        assertThat(rewriter.needsKeyframe()).isTrue();
        sendFrame(6);
        sendFrame(7, Q);

        List<Receiver.Out> out = receiver.received;
        assertThat(out).hasSize(4);
        assertThat(out.get(3).keyframe()).isTrue();
        assertThat(out.get(3).seq()).isEqualTo((out.get(2).seq() + 1) & 0xFFFF);
        assertThat((out.get(3).timestamp() - out.get(2).timestamp()) & 0xFFFF_FFFFL)
                .as("frames 2 to 7: 200 ms").isEqualTo(5 * Vp8Layer.FRAME_TICKS);
        assertThat(out.get(3).pictureId()).isEqualTo(out.get(2).pictureId() + 1);
        // h and f always (5 + 3 per frame × 8), q frames 3–5 (3)
        assertThat(rewriter.stats().dropped(RewriteDrop.NOT_SELECTED)).isEqualTo(8 * 5 + 3);
        assertThat(rewriter.stats().dropped(RewriteDrop.AWAITING_KEYFRAME)).isEqualTo(1);
    }

    @Test
    void dropsAMalformedVp8PayloadUntouched() {
        sendFrame(0, Q);
        byte[] truncated = java.util.Arrays.copyOf(q.frame(false).get(0), 14); // descriptor cut after X and I
        byte[] before = truncated.clone();

        assertThat(receiver.send(truncated, Q, false, FRAME_NANOS)).isFalse();

        assertThat(truncated).isEqualTo(before);
        assertThat(rewriter.stats().dropped(RewriteDrop.MALFORMED_PAYLOAD)).isEqualTo(1);
        assertThat(receiver.received).hasSize(1);
    }

    /** Opus, 20 ms per packet at 48 kHz (RFC 7587): only the fixed header changes. */
    private static byte[] opus(int ssrc, int seq, long timestamp) {
        byte[] p = Hex.bytes("""
                80 6f 00 00    # V=2 P=0 X=0 CC=0, M=0 PT=111, sequence number
                00 00 00 00    # timestamp
                00 00 00 00    # SSRC
                fc ff fe       # Opus TOC (config 31, one frame) and frame data
                """);
        RtpPacket rtp = new RtpPacket().wrap(p, 0, p.length);
        rtp.setSsrc(ssrc);
        rtp.setSequenceNumber(seq);
        rtp.setTimestamp(timestamp);
        return p;
    }

    @Test
    void audioTakesANewSourceAtOnceAndContinuesSequenceAndTimestamp() {
        StreamRewriter audio = new StreamRewriter(StreamKind.AUDIO, 0xA0D10, 48_000, 30_000, 4_000_000_000L);
        Receiver rx = new Receiver(audio);
        long now = 0;
        for (int i = 0; i < 10; i++, now += 20 * MS) {
            rx.send(opus(0xA1, 40_000 + i, 960L * i), 0, false, now);
        }
        // The last-N slot goes to another speaker, whose next packet is due 20 ms later.
        for (int i = 0; i < 10; i++, now += 20 * MS) {
            rx.send(opus(0xB2, 7 + i, 0xFFFF_FC00L + 960L * i), 0, false, now);
        }

        List<Receiver.Out> out = rx.received;
        assertThat(out).hasSize(20);
        assertThat(audio.needsKeyframe()).isFalse();
        assertThat(audio.stats().switches()).isEqualTo(2);
        assertThat(out.get(10).fromSsrc()).isEqualTo(0xB2);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i).ssrc()).isEqualTo(0xA0D10);
            assertThat(out.get(i).seq()).isEqualTo(30_000 + i);
            assertThat(out.get(i).timestamp()).as("packet %d", i).isEqualTo((4_000_000_000L + 960L * i) & 0xFFFF_FFFFL);
            assertThat(out.get(i).pictureId()).isEqualTo(-1);
        }
        byte[] payload = opus(0xB2, 99, 0);
        rx.send(payload, 0, false, now);
        assertThat(java.util.Arrays.copyOfRange(payload, 12, 15)).isEqualTo(Hex.bytes("fc ff fe"));
    }

    @Test
    void h264SwitchesAtAnIdrAndLeavesThePayloadAlone() {
        StreamRewriter video = new StreamRewriter(StreamKind.VIDEO, OUT_SSRC, 90_000, 10, 1000);
        Receiver rx = new Receiver(video);
        byte[] idrLow = Hex.bytes("""
                80 66 00 01 00 00 00 64 00 00 0c 01   # PT=102 seq 1, timestamp 100, SSRC 0xc01
                7c 85 88 84 00 33                    # FU-A, S=1, IDR (RFC 6184 §5.8)
                """);
        byte[] sliceHigh = Hex.bytes("""
                80 66 00 05 00 00 01 00 00 00 0c 02   # seq 5, timestamp 256, SSRC 0xc02
                41 9a 24 6c                          # non-IDR slice
                """);
        byte[] idrHigh = Hex.bytes("""
                80 66 00 06 00 00 0f 00 00 00 0c 02   # seq 6, timestamp 3840, SSRC 0xc02
                65 88 84 00                          # IDR slice
                """);
        for (byte[] p : new byte[][] {idrLow, sliceHigh, idrHigh}) {
            RtpPacket rtp = new RtpPacket().wrap(p, 0, p.length);
            assertThat(H264Payload.check(p, rtp.payloadOffset(), rtp.payloadLength()))
                    .isEqualTo(org.metrohub.media.rtp.ParseStatus.OK);
        }

        rx.send(idrLow, 0, H264Payload.isKeyframe(idrLow, 12, 6), 0);
        video.setTargetLayer(1);
        rx.send(sliceHigh, 1, H264Payload.isKeyframe(sliceHigh, 12, 4), 10 * MS);
        rx.send(idrHigh, 1, H264Payload.isKeyframe(idrHigh, 12, 4), 30 * MS);

        assertThat(rx.received).extracting(Receiver.Out::seq).containsExactly(10, 11);
        assertThat(rx.received).extracting(Receiver.Out::timestamp).containsExactly(1000L, 1000L + 30 * 90);
        assertThat(java.util.Arrays.copyOfRange(idrHigh, 12, 16)).isEqualTo(Hex.bytes("65 88 84 00"));
        assertThat(video.stats().dropped(RewriteDrop.AWAITING_KEYFRAME)).isEqualTo(1);
    }

    @Test
    void rejectsANonPositiveClockRate() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new StreamRewriter(StreamKind.AUDIO, 1, 0, 0, 0));
    }
}

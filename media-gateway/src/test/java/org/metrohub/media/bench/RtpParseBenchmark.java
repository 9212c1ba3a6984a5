package org.metrohub.media.bench;

import java.util.concurrent.TimeUnit;
import org.metrohub.media.rtp.HeaderExtensions;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.rtp.RtpPacket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Per-packet cost of the RTP view on a Chrome-like 1,200-byte VP8 packet: {@link #parse} is what every
 * incoming packet pays (check, header fields, transport-wide-cc and mid look-ups); {@link #rewrite} is what the
 * SFU pays per receiver (SSRC, sequence number, timestamp and transport-wide-cc sequence rewritten in place).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtpParseBenchmark {
    private final byte[] packet = BenchPackets.vp8Packet(BenchPackets.RTP_SIZE);
    private final RtpPacket rtp = new RtpPacket();
    private int seq;
    private long timestamp;

    @Benchmark
    public long parse() {
        if (RtpPacket.check(packet, 0, packet.length) != ParseStatus.OK) {
            throw new IllegalStateException("bad packet");
        }
        RtpPacket p = rtp.wrap(packet, 0, packet.length);
        long twcc = p.findExtension(BenchPackets.TRANSPORT_CC_ID);
        long mid = p.findExtension(BenchPackets.MID_ID);
        int at = HeaderExtensions.offset(twcc);
        int twccSeq = (packet[at] & 0xFF) << 8 | packet[at + 1] & 0xFF;
        return p.sequenceNumber() + p.timestamp() + p.ssrc() + p.payloadType() + p.payloadOffset()
                + twccSeq + packet[HeaderExtensions.offset(mid)] + HeaderExtensions.length(mid);
    }

    @Benchmark
    public int rewrite() {
        RtpPacket p = rtp.wrap(packet, 0, packet.length);
        int s = seq++ & 0xFFFF;
        p.setSsrc(0x600D_F00D);
        p.setSequenceNumber(s);
        p.setTimestamp((timestamp += 3000) & 0xFFFF_FFFFL);
        int at = HeaderExtensions.offset(p.findExtension(BenchPackets.TRANSPORT_CC_ID));
        packet[at] = (byte) (s >>> 8);
        packet[at + 1] = (byte) s;
        return p.sequenceNumber();
    }
}

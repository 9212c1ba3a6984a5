package org.metrohub.media.bench;

import java.util.concurrent.TimeUnit;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.rtp.ReportBlock;
import org.metrohub.media.rtp.RtcpCompound;
import org.metrohub.media.rtp.RtcpHeader;
import org.metrohub.media.rtp.SdesPacket;
import org.metrohub.media.rtp.SenderReport;
import org.metrohub.media.rtp.TransportCcFeedback;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Per-packet cost of the RTCP views: {@link #senderReportAndSdes} walks a compound SR (one report block) +
 * SDES (CNAME) and reads every field; {@link #transportCc} walks a transport-wide CC feedback for 14 packets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtcpParseBenchmark {
    private final byte[] srSdes = BenchPackets.SR_SDES.clone();
    private final byte[] twccPacket = BenchPackets.TWCC.clone();
    private final RtcpCompound compound = new RtcpCompound();
    private final SenderReport sr = new SenderReport();
    private final ReportBlock block = new ReportBlock();
    private final SdesPacket sdes = new SdesPacket();
    private final TransportCcFeedback twcc = new TransportCcFeedback();
    private final Sum sum = new Sum();

    /** The one visitor of the stage, as TransportCcFeedback asks. */
    static final class Sum implements TransportCcFeedback.PacketVisitor {
        long total;

        @Override
        public void packet(int sequenceNumber, int symbol, int deltaTicks) {
            total += sequenceNumber + symbol + deltaTicks;
        }
    }

    @Benchmark
    public long senderReportAndSdes() {
        long acc = 0;
        compound.wrap(srSdes, 0, srSdes.length);
        while (compound.next()) {
            int type = compound.packetType();
            if (type == RtcpHeader.SR) {
                if (sr.wrap(srSdes, compound.packetOffset(), compound.packetLength()) != ParseStatus.OK) {
                    throw new IllegalStateException("bad SR");
                }
                acc += sr.senderSsrc() + sr.ntpTimestamp() + sr.rtpTimestamp() + sr.packetCount() + sr.octetCount();
                for (int i = 0; i < sr.reportCount(); i++) {
                    ReportBlock b = sr.block(i, block);
                    acc += b.ssrc() + b.fractionLost() + b.cumulativeLost() + b.extendedHighestSeq() + b.jitter()
                            + b.lastSr() + b.delaySinceLastSr();
                }
            } else if (type == RtcpHeader.SDES) {
                if (sdes.wrap(srSdes, compound.packetOffset(), compound.packetLength()) != ParseStatus.OK) {
                    throw new IllegalStateException("bad SDES");
                }
                while (sdes.nextChunk()) {
                    acc += sdes.chunkSsrc();
                    while (sdes.nextItem()) {
                        acc += sdes.itemType() + sdes.itemOffset() + sdes.itemLength();
                    }
                }
            }
        }
        if (compound.status() != ParseStatus.OK) {
            throw new IllegalStateException("bad compound: " + compound.status());
        }
        return acc;
    }

    @Benchmark
    public long transportCc() {
        if (twcc.wrap(twccPacket, 0, twccPacket.length) != ParseStatus.OK) {
            throw new IllegalStateException("bad TWCC");
        }
        long before = sum.total;
        if (twcc.forEach(sum) != ParseStatus.OK) {
            throw new IllegalStateException("bad TWCC body");
        }
        return sum.total - before + twcc.baseSequenceNumber() + twcc.referenceTimeMicros() + twcc.feedbackCount();
    }
}

package org.metrohub.media.bench;

import java.util.concurrent.TimeUnit;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.transport.srtp.SrtpKeys;
import org.metrohub.media.transport.srtp.SrtpProfile;
import org.metrohub.media.transport.srtp.SrtpSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The SFU's per-packet path for one incoming 1,200-byte video packet: unprotect it once, then for each of
 * {@code receivers} copy it into that receiver's buffer, rewrite SSRC, sequence number and timestamp, and protect
 * it with that receiver's own {@link SrtpSession}. One operation is one incoming packet ({@code receivers}
 * outgoing ones).
 *
 * <p>Each incoming packet must carry a fresh index (replay protection), so the publisher encrypts the next one
 * in a per-invocation {@link Setup}: outside the timing, but inside {@code -prof gc}'s allocation count, which
 * therefore includes one publisher {@code protect} (see {@link SrtpBenchmark#protect}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SrtpForwardBenchmark {
    @Param({"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    @Param({"1", "10", "100"})
    public int receivers;

    @Param({"default"})
    public String aes;

    private SrtpSession publisher;
    private SrtpSession sfuIn;
    private SrtpSession[] sfuOut;
    private byte[][] out;
    private int[] outSeq;
    private long[] outTimestamp;
    private byte[] plain;
    private byte[] in;
    private int inLength;
    private int inSeq;
    private final RtpPacket rtp = new RtpPacket();

    @Setup(Level.Trial)
    public void setUp() {
        BenchPackets.selectAes(aes);
        byte[] material = BenchPackets.material(profile.exporterLength(), 7);
        publisher = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, material, SrtpKeys.LocalRole.DTLS_CLIENT));
        sfuIn = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, material, SrtpKeys.LocalRole.DTLS_SERVER));
        sfuOut = new SrtpSession[receivers];
        out = new byte[receivers][BenchPackets.RTP_SIZE + profile.rtpOverhead()];
        outSeq = new int[receivers];
        outTimestamp = new long[receivers];
        for (int i = 0; i < receivers; i++) {
            byte[] m = BenchPackets.material(profile.exporterLength(), 1000 + i);
            sfuOut[i] = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, m, SrtpKeys.LocalRole.DTLS_SERVER));
            outSeq[i] = 1000 * i;
            outTimestamp[i] = 0x1000_0000L * (i % 16);
        }
        plain = BenchPackets.vp8Packet(BenchPackets.RTP_SIZE);
        in = new byte[BenchPackets.RTP_SIZE + profile.rtpOverhead()];
    }

    /** The publisher's next packet, encrypted: not timed. */
    @Setup(Level.Invocation)
    public void nextIncoming() {
        System.arraycopy(plain, 0, in, 0, plain.length);
        rtp.wrap(in, 0, plain.length).setSequenceNumber(inSeq++ & 0xFFFF);
        inLength = publisher.protectRtp(in, 0, plain.length, in.length);
        if (inLength < 0) {
            throw new IllegalStateException("publisher protect failed: " + inLength);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        publisher.close();
        sfuIn.close();
        for (SrtpSession s : sfuOut) {
            s.close();
        }
    }

    @Benchmark
    public int forward() {
        int len = sfuIn.unprotectRtp(in, 0, inLength);
        if (len < 0) {
            throw new IllegalStateException("unprotect failed: " + len);
        }
        int sent = 0;
        for (int i = 0; i < receivers; i++) {
            byte[] b = out[i];
            System.arraycopy(in, 0, b, 0, len);
            RtpPacket p = rtp.wrap(b, 0, len);
            p.setSsrc(0x5000_0000 + i);
            p.setSequenceNumber(outSeq[i]++ & 0xFFFF);
            p.setTimestamp((outTimestamp[i] += 3000) & 0xFFFF_FFFFL);
            int n = sfuOut[i].protectRtp(b, 0, len, b.length);
            if (n < 0) {
                throw new IllegalStateException("protect to receiver " + i + " failed: " + n);
            }
            sent += n;
        }
        return sent;
    }
}

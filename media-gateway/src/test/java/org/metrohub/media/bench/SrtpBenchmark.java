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
 * SRTP cost of one 1,200-byte RTP packet, in place with tail room, per {@link SrtpProfile}: {@link #protect}
 * alone (a sender), and {@link #protectUnprotect} (a sender and a receiver session made from the same
 * DTLS-SRTP exporter output). Every operation uses the next sequence number, so neither side's replay check
 * refuses it. {@code aes} picks jitsi-srtp's AES implementation ({@code default}: jitsi benchmarks its
 * providers at the first context and takes the fastest; it logs its choice).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SrtpBenchmark {
    @Param({"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    @Param({"default", "OpenSSL", "SunJCE"})
    public String aes;

    private SrtpSession sender;
    private SrtpSession receiver;
    private byte[] buffer;
    private final RtpPacket rtp = new RtpPacket();
    private int seq;

    @Setup(Level.Trial)
    public void setUp() {
        BenchPackets.selectAes(aes);
        byte[] material = BenchPackets.material(profile.exporterLength(), 7);
        sender = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, material, SrtpKeys.LocalRole.DTLS_CLIENT));
        receiver = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, material, SrtpKeys.LocalRole.DTLS_SERVER));
        byte[] plain = BenchPackets.vp8Packet(BenchPackets.RTP_SIZE);
        buffer = new byte[BenchPackets.RTP_SIZE + profile.rtpOverhead()];
        System.arraycopy(plain, 0, buffer, 0, plain.length);
        rtp.wrap(buffer, 0, BenchPackets.RTP_SIZE);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sender.close();
        receiver.close();
    }

    /** Encrypts in place; the buffer keeps its ciphertext payload (we only need a fresh index each time). */
    @Benchmark
    public int protect() {
        rtp.setSequenceNumber(seq++ & 0xFFFF);
        int len = sender.protectRtp(buffer, 0, BenchPackets.RTP_SIZE, buffer.length);
        if (len < 0) {
            throw new IllegalStateException("protect failed: " + len);
        }
        return len;
    }

    @Benchmark
    public int protectUnprotect() {
        rtp.setSequenceNumber(seq++ & 0xFFFF);
        int len = sender.protectRtp(buffer, 0, BenchPackets.RTP_SIZE, buffer.length);
        int plain = receiver.unprotectRtp(buffer, 0, len);
        if (len < 0 || plain != BenchPackets.RTP_SIZE) {
            throw new IllegalStateException("round trip failed: " + len + ", " + plain);
        }
        return plain;
    }
}

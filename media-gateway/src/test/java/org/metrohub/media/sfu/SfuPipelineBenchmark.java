package org.metrohub.media.sfu;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.metrohub.media.bench.BenchPackets;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.sdp.Candidate;
import org.metrohub.media.transport.dtls.DtlsCertificate;
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
 * The SFU's whole packet path for one sender and N receivers, through the production classes: an SRTP datagram
 * enters {@link Endpoint#onDatagram} (RFC 7983 demux, SRTP unprotect, RTP check, source and layer look-up,
 * transport-wide feedback record, keyframe check), and for each receiver {@link Endpoint#send} copies, rewrites
 * (SSRC, sequence, timestamp, VP8 picture id), sets the payload type, clears mid, stamps the receiver's
 * transport-wide sequence and tells its bandwidth estimator, caches the packet for NACKs, protects it with the
 * receiver's SRTP context and hands it to the transport. Only the sockets are left out: the transports here drop
 * what they are given (the real one is ice4j's, measured end to end by the load-tests module).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SfuPipelineBenchmark {

    @Param({"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    @Param({"1", "10", "100"})
    public int receivers;

    private ScheduledExecutorService scheduler;
    private Conference conference;
    private Endpoint sender;
    private SrtpSession publisher;
    private byte[] plain;
    private byte[] in;
    private int inLength;
    private int inSeq = 8000;
    private final RtpPacket rtp = new RtpPacket();

    @Setup(Level.Trial)
    public void setUp() {
        BenchPackets.selectAes("OpenSSL");
        scheduler = Executors.newSingleThreadScheduledExecutor();
        SfuContext context = new SfuContext(DtlsCertificate.generate(), (id, endpoint, events) -> new Discard(),
                new SfuSettings(java.time.Duration.ofMillis(300), 3_000_000, java.time.Duration.ofHours(1), 1000, -1),
                System::nanoTime, scheduler, new SecureRandom());
        conference = new Conference("bench", context);
        byte[] material = BenchPackets.material(profile.exporterLength(), 7);
        publisher = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, material, SrtpKeys.LocalRole.DTLS_CLIENT));
        sender = conference.join("sender", "Sender", Listener.QUIET);
        sender.keysAgreed(SrtpKeys.fromDtlsExporter(profile, material, SrtpKeys.LocalRole.DTLS_SERVER));
        ExtensionIds ids = new ExtensionIds(BenchPackets.MID_ID, 0, 0, 0, BenchPackets.TRANSPORT_CC_ID);
        sender.setExtensions(ids);
        Source video = new Source(sender, "1", "video", "VP8", 90_000, List.of(), new int[] {0x5a1b2c3d},
                context.newSsrc(), context.newSsrc());
        sender.setSources(List.of(video));
        for (int i = 0; i < receivers; i++) {
            Endpoint r = conference.join("r" + i, "Receiver " + i, Listener.QUIET);
            byte[] m = BenchPackets.material(profile.exporterLength(), 1000 + i);
            r.keysAgreed(SrtpKeys.fromDtlsExporter(profile, m, SrtpKeys.LocalRole.DTLS_SERVER));
            r.setExtensions(ids);
            Forwarding f = new Forwarding(video, r, "2", 96, 97, i, 1000L * i);
            video.addForwarding(f);
            r.setReceiving(List.of(f));
        }
        plain = BenchPackets.vp8Packet(BenchPackets.RTP_SIZE);
        in = new byte[BenchPackets.RTP_SIZE + 64];
        // a keyframe first: the receivers' rewriters start forwarding at one
        byte[] keyframe = plain.clone();
        byte[] vp8KeyframeHeader = {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a, (byte) 0x80, 0x02, (byte) 0xe0, 0x01};
        System.arraycopy(vp8KeyframeHeader, 0, keyframe, 32, vp8KeyframeHeader.length);
        plain[32] = 0x11; // the rest: interframes (P bit set)
        deliver(keyframe);
        if (video.forwardings()[0].layer() != 0) {
            throw new IllegalStateException("the keyframe did not start forwarding");
        }
    }

    private void deliver(byte[] packet) {
        System.arraycopy(packet, 0, in, 0, packet.length);
        rtp.wrap(in, 0, packet.length).setSequenceNumber(inSeq++ & 0xFFFF);
        inLength = publisher.protectRtp(in, 0, packet.length, in.length);
        sender.onDatagram(in, 0, inLength);
    }

    /** The publisher's next packet, encrypted: not timed. */
    @Setup(Level.Invocation)
    public void nextIncoming() {
        System.arraycopy(plain, 0, in, 0, plain.length);
        rtp.wrap(in, 0, plain.length).setSequenceNumber(inSeq++ & 0xFFFF);
        inLength = publisher.protectRtp(in, 0, plain.length, in.length);
    }

    @Benchmark
    public void forward() {
        sender.onDatagram(in, 0, inLength);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long forwarded = 0;
        for (Forwarding f : sender.sources().getFirst().forwardings()) {
            forwarded += f.packets;
        }
        if (forwarded == 0) {
            throw new IllegalStateException("nothing was forwarded");
        }
        conference.close("benchmark over");
        scheduler.shutdownNow();
        publisher.close();
    }

    /** A transport that sends nothing: the benchmark stops at the socket. */
    private static final class Discard implements EndpointTransport {
        @Override
        public String localUfrag() {
            return "bench";
        }

        @Override
        public String localPassword() {
            return "benchbenchbenchbenchbench";
        }

        @Override
        public List<Candidate> localCandidates() {
            return List.of();
        }

        @Override
        public void setRemoteCredentials(String ufrag, String password) {
        }

        @Override
        public void addRemoteCandidate(Candidate candidate) {
        }

        @Override
        public void start() {
        }

        @Override
        public void send(byte[] buf, int off, int len) {
        }

        @Override
        public String selectedPair() {
            return "";
        }

        @Override
        public void close() {
        }
    }

    /** Hears nothing. */
    private enum Listener implements EndpointListener {
        QUIET;

        @Override
        public void renegotiationNeeded(int audio, int video) {
        }

        @Override
        public void participantJoined(String participantId, String displayName) {
        }

        @Override
        public void participantLeft(String participantId) {
        }

        @Override
        public void mutedChanged(String participantId, String kind, boolean muted) {
        }

        @Override
        public void activeSpeakerChanged(String participantId) {
        }

        @Override
        public void connectionStateChanged(ConnectionState state, String detail) {
        }

        @Override
        public void closed(String reason) {
        }
    }
}

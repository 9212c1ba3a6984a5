package org.metrohub.media.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.metrohub.media.codec.Vp8Payload;
import org.metrohub.media.rtp.FirPacket;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.rtp.PliPacket;
import org.metrohub.media.rtp.ReceiverReport;
import org.metrohub.media.rtp.RembPacket;
import org.metrohub.media.rtp.ReportBlock;
import org.metrohub.media.rtp.RtcpCompound;
import org.metrohub.media.rtp.RtcpHeader;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.rtp.SeqNum;
import org.metrohub.media.transport.dtls.DtlsCertificate;
import org.metrohub.media.transport.dtls.DtlsEngine;
import org.metrohub.media.transport.dtls.DtlsFingerprint;
import org.metrohub.media.transport.dtls.DtlsListener;
import org.metrohub.media.transport.dtls.DtlsRole;
import org.metrohub.media.transport.ice.IceClient;
import org.metrohub.media.transport.srtp.SrtpKeys;
import org.metrohub.media.transport.srtp.SrtpProfile;
import org.metrohub.media.transport.srtp.SrtpSession;

/**
 * A WebRTC participant without a browser, for tests and load runs (see the package description): it offers, connects
 * (ICE controlling with USE-CANDIDATE, DTLS client, DTLS-SRTP), sends synthetic media paced by a shared
 * {@link BotPacer} and counts what it receives.
 *
 * <p>Lifecycle: construct (binds a UDP socket on 127.0.0.1) → {@link #connect(Signalling)} (blocks until SRTP keys
 * exist) → {@link #startSending(BotPacer)} → {@link #renegotiate(int, int)} whenever the node asks → {@link #close()}.
 * Control methods are synchronized on the bot.
 *
 * <p>Media: VP8 packets carry an RFC 7741 descriptor (X, I with a 15-bit PictureID, S on a frame's first packet),
 * a frame's first packet the VP8 payload header (RFC 6386 §9.1: keyframes with start code and 640×480), the marker
 * on its last; a keyframe every {@link BotSettings#keyframeInterval()} frames and at the next frame after a PLI or
 * FIR for one of its SSRCs (the node forwards video only from a keyframe on). Audio packets carry the RFC 6464 level.
 * Every packet carries the mid (and, for simulcast, the rid) header extension and ends with a 4-byte magic and the
 * sender's {@link System#nanoTime()}: a receiving bot in the same JVM records the one-way delay.
 *
 * <p>Threads: sending (media and a receiver report per second) runs on the pacer's thread, under this bot's send
 * lock; receiving runs on the {@link IceClient}'s reader thread; DTLS on one engine thread. Neither media path
 * allocates per packet. Counters are plain fields written by one thread each: readers see them slightly stale.
 */
public final class BotParticipant implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BotParticipant.class.getName());
    /** "MHbt": marks the send timestamp at the end of each payload. */
    static final int MAGIC = 0x4D48_6274;
    static final int STAMP_LENGTH = 12;
    private static final int BUFFER = 1_500 + 64;
    private static final int MAX_STREAMS = 64;
    private static final long AUDIO_INTERVAL_NANOS = 20_000_000L;
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;
    private static final long MAX_BEHIND_NANOS = 1_000_000_000L;
    private static final int[] LAYER_DIVISOR = {4, 2, 1};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger DTLS_THREADS = new AtomicInteger();

    /** Packets a misbehaving bot can send (hostile-input tests); each says how the node should count it. */
    public enum Misbehaviour {
        /** SRTP whose tag does not verify: {@code Drop.SRTP_AUTH}. */
        FORGED_SRTP,
        /** One valid SRTP packet of an unannounced SSRC ({@code UNKNOWN_STREAM}), then its exact copy ({@code SRTP_REPLAY}). */
        REPLAYED_SRTP,
        /** Authenticated RTP whose RFC 8285 element runs past its extension block: {@code RTP_MALFORMED}. */
        RTP_EXTENSION_OVERRUN,
        /** Authenticated RTP with the P bit and a padding count larger than the payload: {@code RTP_MALFORMED}. */
        RTP_BAD_PADDING,
        /** Authenticated RTP of an SSRC the bot never announced, without a mid: {@code UNKNOWN_STREAM}. */
        RTP_UNKNOWN_SSRC,
        /** Authenticated RTCP whose length field claims 100 words more than the datagram has: {@code RTCP_MALFORMED}. */
        RTCP_LENGTH_OVERRUN,
        /** Authenticated compound RTCP whose second packet has version 1: {@code RTCP_MALFORMED}. */
        RTCP_BAD_VERSION,
        /** A datagram whose first byte (5) is no protocol of RFC 7983: {@code UNKNOWN_PROTOCOL}. */
        UNKNOWN_PROTOCOL,
        /** A DTLS handshake record with a ClientHello type and garbage inside: dropped by the DTLS layer. */
        DTLS_GARBAGE
    }

    private final String name;
    private final BotSettings settings;
    private final DtlsCertificate certificate;
    private final DatagramSocket socket;
    private final String ufrag = IceClient.randomIceString(8);
    private final String password = IceClient.randomIceString(24);
    private final OfferWriter.Identity identity;
    private final List<OfferWriter.Section> sections = new ArrayList<>();
    private final Map<Integer, RemoteTrack> everSeen = new ConcurrentHashMap<>();
    private final CountDownLatch keysReady = new CountDownLatch(1);
    private long offerVersion = 1;
    private Signalling signalling;
    private IceClient ice;
    private DtlsEngine dtls;
    private volatile String dtlsFailure;
    private volatile SrtpSession srtp;
    private volatile List<RemoteTrack> tracks = List.of();
    private volatile String nodeUfrag;
    private volatile boolean closed;

    // ------------------------------------------------------------------ send state (under sendLock)
    private final Object sendLock = new Object();
    private final byte[] sendBuffer = new byte[BUFFER];
    private final byte[] rtcpBuffer = new byte[BUFFER];
    private final int audioSsrc;
    private final int[] videoSsrcs;
    private final int rtcpSsrc;
    private final int attackSsrc;
    private final byte[] audioMid;
    private final byte[] videoMid;
    private final byte[][] rids = new byte[OfferWriter.RIDS.length][];
    private final int[] videoSeq;
    private final long[] videoTimestamp;
    private final int[] pictureId;
    private final long frameIntervalNanos;
    private final int timestampPerFrame;
    private int audioSeq;
    private long audioTimestamp;
    private int attackSeq;
    private long nextAudioNanos;
    private long nextFrameNanos;
    private long nextReportNanos;
    private long frames;
    private volatile boolean sending;
    private volatile boolean keyframeWanted;
    private long packetsSent;
    private long bytesSent;
    private long keyframesSent;
    private long protectFailures;
    private BotPacer pacer;

    // --------------------------------------------------------------- receive state (the reader thread)
    private final RtpPacket rtp = new RtpPacket();
    private final RtcpCompound compound = new RtcpCompound();
    private final FirPacket fir = new FirPacket();
    private final RembPacket remb = new RembPacket();
    private final StreamCounters[] streams = new StreamCounters[MAX_STREAMS];
    private final LatencyHistogram latency = new LatencyHistogram();
    private volatile int streamCount; // published after the entry it counts
    private long packetsReceived;
    private long bytesReceived;
    private long rtcpReceived;
    private long srtpFailures;
    private long malformed;
    private long notMedia;
    private long keyframeRequestsReceived;
    private volatile long receiverEstimate = -1;

    /** A bot with its own DTLS certificate. */
    public BotParticipant(String name, BotSettings settings) {
        this(name, settings, DtlsCertificate.generate());
    }

    /**
     * A bot; many may share one {@code certificate} (a load run: making one costs a few ms).
     *
     * @throws UncheckedIOException when no UDP port on 127.0.0.1 can be bound
     */
    public BotParticipant(String name, BotSettings settings, DtlsCertificate certificate) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("bot " + name + " cannot bind a UDP port on loopback", e);
        }
        this.identity = new OfferWriter.Identity(RANDOM.nextLong() >>> 2, ufrag, password,
                certificate.sdpFingerprint(), "127.0.0.1", socket.getLocalPort(), IceClient.randomIceString(16),
                name);
        this.audioSsrc = newSsrc();
        this.rtcpSsrc = newSsrc();
        this.attackSsrc = newSsrc();
        int layers = settings.video() == BotSettings.VideoMode.SIMULCAST ? 3
                : settings.video() == BotSettings.VideoMode.SINGLE ? 1 : 0;
        this.videoSsrcs = new int[layers];
        this.videoSeq = new int[layers];
        this.videoTimestamp = new long[layers];
        this.pictureId = new int[layers];
        for (int i = 0; i < layers; i++) {
            videoSsrcs[i] = newSsrc();
            videoSeq[i] = RANDOM.nextInt(0x10000);
            videoTimestamp[i] = RANDOM.nextInt() & 0xFFFF_FFFFL;
            pictureId[i] = RANDOM.nextInt(0x8000);
        }
        for (int i = 0; i < rids.length; i++) {
            rids[i] = OfferWriter.RIDS[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        this.audioSeq = RANDOM.nextInt(0x10000);
        this.audioTimestamp = RANDOM.nextInt() & 0xFFFF_FFFFL;
        this.attackSeq = RANDOM.nextInt(0x10000);
        double framesPerSecond = (double) settings.videoPacketsPerSecond() / settings.packetsPerFrame();
        this.frameIntervalNanos = (long) (1e9 / framesPerSecond);
        this.timestampPerFrame = (int) Math.max(1, Math.round(90_000 / framesPerSecond));

        String audio = null;
        String video = null;
        if (settings.sendAudio()) {
            audio = nextMid();
            sections.add(new OfferWriter.Section(audio, "audio", true, false, audioSsrc));
        }
        if (layers > 0) {
            video = nextMid();
            sections.add(new OfferWriter.Section(video, "video", true, layers > 1, layers > 1 ? 0 : videoSsrcs[0]));
        }
        this.audioMid = audio == null ? new byte[0] : audio.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.videoMid = video == null ? new byte[0] : video.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        addReceiveSections(settings.receiveAudio(), settings.receiveVideo());
    }

    private static int newSsrc() {
        int ssrc;
        do {
            ssrc = RANDOM.nextInt();
        } while (ssrc == 0);
        return ssrc;
    }

    private String nextMid() {
        return Integer.toString(sections.size());
    }

    private void addReceiveSections(int audio, int video) {
        int haveAudio = 0;
        int haveVideo = 0;
        for (OfferWriter.Section s : sections) {
            if (!s.sends()) {
                if (s.kind().equals("audio")) {
                    haveAudio++;
                } else {
                    haveVideo++;
                }
            }
        }
        for (int i = haveAudio; i < audio; i++) {
            sections.add(new OfferWriter.Section(nextMid(), "audio", false, false, 0));
        }
        for (int i = haveVideo; i < video; i++) {
            sections.add(new OfferWriter.Section(nextMid(), "video", false, false, 0));
        }
    }

    public String name() {
        return name;
    }

    /** The bot's UDP address (its ICE host candidate). */
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    /** The offer this bot would send now (its sections only grow: a browser never removes a transceiver). */
    public synchronized String offer() {
        return OfferWriter.write(identity, offerVersion, sections);
    }

    /** The node's ICE ufrag from the first answer (hostile tests aim at it), null before. */
    public String nodeUfrag() {
        return nodeUfrag;
    }

    /**
     * Offers, reads the answer, runs ICE and DTLS, and returns once SRTP keys exist.
     *
     * @throws IOException when ICE or DTLS fail or time out (the message says which)
     */
    public synchronized void connect(Signalling signalling) throws IOException {
        if (this.signalling != null) {
            throw new IllegalStateException("bot " + name + " is already connected");
        }
        if (closed) {
            throw new IllegalStateException("bot " + name + " is closed");
        }
        AnswerReader.Answer answer = AnswerReader.read(signalling.answer(offer()));
        this.signalling = signalling;
        nodeUfrag = answer.ufrag();
        learn(answer.tracks());
        ice = IceClient.udp(socket, ufrag, password, answer.ufrag(), answer.password(), answer.candidate(),
                this::onDatagram);
        if (!ice.connect(settings.timeout())) {
            throw new IOException("bot " + name + ": ICE to " + answer.candidate() + " failed"
                    + (ice.errorCode() != 0 ? " with STUN error " + ice.errorCode() : " (timed out)"));
        }
        DtlsEngine.Options options = DtlsEngine.Options.defaults().withHandshakeTimeout(settings.timeout());
        options = new DtlsEngine.Options(options.srtpProfiles(), options.handshakeTimeout(), options.queueCapacity(),
                r -> Thread.ofPlatform().daemon().name("bot-dtls-" + DTLS_THREADS.incrementAndGet()).unstarted(r));
        dtls = new DtlsEngine(name, DtlsRole.CLIENT, certificate, DtlsFingerprint.parse(answer.fingerprint()),
                options, this::sendQuietly, new DtlsListener() {
                    @Override
                    public void handshakeComplete(SrtpProfile profile, byte[] keyingMaterial) {
                        SrtpKeys keys = SrtpKeys.fromDtlsExporter(profile, keyingMaterial,
                                SrtpKeys.LocalRole.DTLS_CLIENT);
                        Arrays.fill(keyingMaterial, (byte) 0);
                        srtp = new SrtpSession(keys, SrtpSession.DEFAULT_MAX_SSRCS, name);
                        keys.destroy();
                        keysReady.countDown();
                    }

                    @Override
                    public void handshakeFailed(String reason) {
                        dtlsFailure = reason;
                        keysReady.countDown();
                    }
                });
        dtls.start();
        try {
            if (!keysReady.await(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                throw new IOException("bot " + name + ": DTLS handshake timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("bot " + name + ": interrupted while connecting", e);
        }
        if (srtp == null) {
            throw new IOException("bot " + name + ": DTLS failed: " + dtlsFailure);
        }
        LOG.log(Level.DEBUG, "bot {0}: connected, {1}, {2} remote tracks", name, srtp.profile(), tracks.size());
    }

    /**
     * Offers again with at least {@code audio} and {@code video} receive-only sections, as a browser does when the
     * node's signalling asks ({@code renegotiationNeeded}); before {@link #connect} it only grows the first offer.
     *
     * @return the tracks the node sends now
     */
    public synchronized List<RemoteTrack> renegotiate(int audio, int video) {
        addReceiveSections(audio, video);
        if (signalling == null || closed) {
            return tracks;
        }
        offerVersion++;
        AnswerReader.Answer answer = AnswerReader.read(signalling.answer(offer()));
        learn(answer.tracks());
        return tracks;
    }

    private void learn(List<RemoteTrack> now) {
        for (RemoteTrack t : now) {
            everSeen.put(t.ssrc(), t);
        }
        tracks = now;
    }

    /** The tracks the node sends this bot, by the last answer. */
    public List<RemoteTrack> tracks() {
        return tracks;
    }

    public boolean connected() {
        return srtp != null && !closed;
    }

    /** The SRTP profile DTLS agreed, null before. */
    public SrtpProfile srtpProfile() {
        SrtpSession s = srtp;
        return s == null ? null : s.profile();
    }

    // =================================================================================== sending

    /** Starts sending media on {@code pacer}'s thread (a connected bot only). */
    public synchronized void startSending(BotPacer pacer) {
        if (srtp == null) {
            throw new IllegalStateException("bot " + name + " is not connected");
        }
        long now = System.nanoTime();
        synchronized (sendLock) {
            nextAudioNanos = now;
            nextFrameNanos = now;
            nextReportNanos = now + REPORT_INTERVAL_NANOS;
            keyframeWanted = true;
            sending = true;
        }
        this.pacer = pacer;
        pacer.add(this);
    }

    /** Stops sending (receiving goes on). */
    public synchronized void stopSending() {
        sending = false;
        if (pacer != null) {
            pacer.remove(this);
            pacer = null;
        }
    }

    /** Makes the next video frame a keyframe, as a PLI would. */
    public void requestKeyframe() {
        keyframeWanted = true;
    }

    /** Sends what is due at {@code nowNanos}; the pacer's thread calls this. */
    void sendDue(long nowNanos) {
        SrtpSession session = srtp;
        if (!sending || session == null) {
            return;
        }
        synchronized (sendLock) {
            if (settings.sendAudio()) {
                if (nowNanos - nextAudioNanos > MAX_BEHIND_NANOS) {
                    nextAudioNanos = nowNanos;
                }
                while (nowNanos >= nextAudioNanos) {
                    sendAudio(session);
                    nextAudioNanos += AUDIO_INTERVAL_NANOS;
                }
            }
            if (videoSsrcs.length > 0) {
                if (nowNanos - nextFrameNanos > MAX_BEHIND_NANOS) {
                    nextFrameNanos = nowNanos;
                }
                while (nowNanos >= nextFrameNanos) {
                    sendFrame(session);
                    nextFrameNanos += frameIntervalNanos;
                }
            }
            if (nowNanos >= nextReportNanos) {
                sendReport(session);
                nextReportNanos = nowNanos + REPORT_INTERVAL_NANOS;
            }
        }
    }

    private void sendAudio(SrtpSession session) {
        byte[] b = sendBuffer;
        int at = writeHeader(b, OfferWriter.OPUS_PT, false, audioSeq, audioTimestamp, audioSsrc);
        // RFC 6464 §3: V=1 (voice) and a level of 30 -dBov.
        at = writeExtensions(b, at, audioMid, null, 0x80 | 30);
        b[at] = (byte) 0x78; // an Opus TOC byte (RFC 6716 §3.1: config 15, SILK+CELT FB 20 ms, mono, one frame)
        int len = settings.audioPacketSize();
        stamp(b, len);
        send(session, b, len);
        audioSeq = (audioSeq + 1) & 0xFFFF;
        audioTimestamp = (audioTimestamp + 960) & 0xFFFF_FFFFL;
    }

    private void sendFrame(SrtpSession session) {
        boolean keyframe = keyframeWanted || frames % settings.keyframeInterval() == 0;
        keyframeWanted = false;
        int perFrame = settings.packetsPerFrame();
        for (int layer = 0; layer < videoSsrcs.length; layer++) {
            int size = videoSsrcs.length == 1 ? settings.videoPacketSize()
                    : Math.max(BotSettings.MIN_PACKET, settings.videoPacketSize() / LAYER_DIVISOR[layer]);
            for (int p = 0; p < perFrame; p++) {
                byte[] b = sendBuffer;
                int at = writeHeader(b, OfferWriter.VP8_PT, p == perFrame - 1, videoSeq[layer],
                        videoTimestamp[layer], videoSsrcs[layer]);
                at = writeExtensions(b, at, videoMid, videoSsrcs.length > 1 ? rids[layer] : null, -1);
                at = writeVp8(b, at, p == 0, keyframe, pictureId[layer]);
                stamp(b, size);
                send(session, b, size);
                videoSeq[layer] = (videoSeq[layer] + 1) & 0xFFFF;
            }
            videoTimestamp[layer] = (videoTimestamp[layer] + timestampPerFrame) & 0xFFFF_FFFFL;
            pictureId[layer] = (pictureId[layer] + 1) & 0x7FFF;
        }
        if (keyframe) {
            keyframesSent++;
        }
        frames++;
    }

    /** RFC 3550 §5.1 fixed header, with X set (every packet has extensions). */
    static int writeHeader(byte[] b, int payloadType, boolean marker, int seq, long timestamp, int ssrc) {
        b[0] = (byte) 0x90;
        b[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        put16(b, 2, seq);
        put32(b, 4, (int) timestamp);
        put32(b, 8, ssrc);
        return RtpPacket.FIXED_HEADER_LENGTH;
    }

    /**
     * RFC 8285 §4.2 one-byte header extensions: mid, the rid when not null, the audio level when not negative;
     * zero padding to a 32-bit boundary.
     */
    static int writeExtensions(byte[] b, int at, byte[] mid, byte[] rid, int audioLevel) {
        b[at] = (byte) 0xBE;
        b[at + 1] = (byte) 0xDE;
        int start = at + 4;
        int i = start;
        if (mid.length > 0) {
            b[i++] = (byte) (OfferWriter.MID_ID << 4 | (mid.length - 1));
            System.arraycopy(mid, 0, b, i, mid.length);
            i += mid.length;
        }
        if (rid != null) {
            b[i++] = (byte) (OfferWriter.RID_ID << 4 | (rid.length - 1));
            System.arraycopy(rid, 0, b, i, rid.length);
            i += rid.length;
        }
        if (audioLevel >= 0) {
            b[i++] = (byte) (OfferWriter.AUDIO_LEVEL_ID << 4);
            b[i++] = (byte) audioLevel;
        }
        while ((i - start) % 4 != 0) {
            b[i++] = 0;
        }
        put16(b, at + 2, (i - start) / 4);
        return i;
    }

    /**
     * RFC 7741 §4.2 descriptor (X=1, S on a frame's first packet, PID 0; I=1 with a 15-bit PictureID) and, on the
     * first packet, the VP8 payload header (RFC 6386 §9.1: frame tag with show_frame; a keyframe's start code and
     * 640×480).
     */
    static int writeVp8(byte[] b, int at, boolean first, boolean keyframe, int pictureId) {
        b[at] = (byte) (0x80 | (first ? 0x10 : 0));
        b[at + 1] = (byte) 0x80;
        b[at + 2] = (byte) (0x80 | (pictureId >>> 8 & 0x7F));
        b[at + 3] = (byte) pictureId;
        at += 4;
        if (first) {
            b[at] = (byte) (keyframe ? 0x10 : 0x11); // frame tag: P (bit 0) = 0 for a keyframe, show_frame = 1
            b[at + 1] = 0;
            b[at + 2] = 0;
            at += 3;
            if (keyframe) {
                b[at] = (byte) 0x9d;
                b[at + 1] = 0x01;
                b[at + 2] = 0x2a;
                b[at + 3] = (byte) 0x80; // width 640, little-endian, scale 0
                b[at + 4] = 0x02;
                b[at + 5] = (byte) 0xE0; // height 480
                b[at + 6] = 0x01;
                at += 7;
            }
        }
        return at;
    }

    /** The magic and {@link System#nanoTime()} in the last 12 bytes of a {@code len}-byte packet. */
    static void stamp(byte[] b, int len) {
        put32(b, len - STAMP_LENGTH, MAGIC);
        put64(b, len - 8, System.nanoTime());
    }

    private void send(SrtpSession session, byte[] b, int len) {
        int n = session.protectRtp(b, 0, len, b.length);
        if (n < 0) {
            protectFailures++;
            return;
        }
        sendQuietly(b, 0, n);
        packetsSent++;
        bytesSent += len;
    }

    /** A receiver report with one block per received stream (at most 31). */
    private void sendReport(SrtpSession session) {
        byte[] b = rtcpBuffer;
        int blocks = Math.min(streamCount, 31);
        int len = ReceiverReport.writeHeader(b, 0, rtcpSsrc, blocks);
        for (int i = 0; i < blocks; i++) {
            StreamCounters s = streams[i];
            if (s == null) {
                break;
            }
            ReportBlock.write(b, ReceiverReport.blockOffset(0, i), s.ssrc, 0, (int) Math.min(s.gaps, 0x7F_FFFF),
                    s.cycles | s.highestSeq, 0, 0, 0);
        }
        int n = session.protectRtcp(b, 0, len, b.length);
        if (n < 0) {
            protectFailures++;
        } else {
            sendQuietly(b, 0, n);
        }
    }

    private void sendQuietly(byte[] b, int off, int len) {
        IceClient link = ice;
        if (link == null || closed) {
            return;
        }
        try {
            link.send(b, off, len);
        } catch (IOException e) {
            protectFailures++; // counted with the other send failures
        }
    }

    /** Sends {@code b[off, off + len)} as is over the ICE link (junk from a connected address). */
    public void sendRaw(byte[] b, int off, int len) throws IOException {
        ice.send(b, off, len);
    }

    /**
     * Sends {@code count} packets of one {@link Misbehaviour} as fast as possible from this bot's connected address.
     * The malformed ones are built, then authenticated with the bot's SRTP keys, so they reach the node's parsers.
     */
    public void misbehave(Misbehaviour kind, int count) throws IOException {
        SrtpSession session = srtp;
        if (session == null) {
            throw new IllegalStateException("bot " + name + " is not connected");
        }
        synchronized (sendLock) {
            for (int i = 0; i < count; i++) {
                misbehaveOnce(session, kind);
            }
        }
    }

    private void misbehaveOnce(SrtpSession session, Misbehaviour kind) throws IOException {
        byte[] b = rtcpBuffer;
        int len;
        switch (kind) {
            case FORGED_SRTP -> {
                len = attackRtp(b, 200);
                int n = session.protectRtp(b, 0, len, b.length);
                b[n - 1] ^= 0x5A;
                ice.send(b, 0, n);
            }
            case REPLAYED_SRTP -> {
                len = attackRtp(b, 200);
                int n = session.protectRtp(b, 0, len, b.length);
                ice.send(b, 0, n);
                ice.send(b, 0, n);
            }
            case RTP_UNKNOWN_SSRC -> protectAndSend(session, b, attackRtp(b, 200));
            case RTP_EXTENSION_OVERRUN -> {
                len = attackRtp(b, 200);
                // One word of extension data (RFC 8285 §4.2) whose only element says it has 16 bytes.
                b[0] = (byte) 0x90;
                b[12] = (byte) 0xBE;
                b[13] = (byte) 0xDE;
                put16(b, 14, 1);
                b[16] = (byte) (OfferWriter.MID_ID << 4 | 15);
                protectAndSend(session, b, len);
            }
            case RTP_BAD_PADDING -> {
                len = attackRtp(b, 200);
                b[0] = (byte) (b[0] | 0x20); // P: the last byte counts padding (RFC 3550 §5.1)
                b[len - 1] = (byte) 255;
                protectAndSend(session, b, len);
            }
            case RTCP_LENGTH_OVERRUN -> {
                len = ReceiverReport.writeHeader(b, 0, attackSsrc, 0);
                put16(b, 2, 100); // RFC 3550 §6.4.2: length in words minus one; the datagram holds 2
                protectRtcpAndSend(session, b, len);
            }
            case RTCP_BAD_VERSION -> {
                len = ReceiverReport.writeHeader(b, 0, attackSsrc, 0);
                int second = PliPacket.write(b, len, attackSsrc, attackSsrc);
                b[len] = (byte) (0x40 | PliPacket.FORMAT); // version 1
                protectRtcpAndSend(session, b, len + second);
            }
            case UNKNOWN_PROTOCOL -> {
                Arrays.fill(b, 0, 100, (byte) 0x05);
                ice.send(b, 0, 100);
            }
            case DTLS_GARBAGE -> {
                // RFC 6347 §4.1 record header: handshake (22), DTLS 1.2 (fefd), epoch 0, sequence 0, length;
                // then a ClientHello type byte (1) and random bytes instead of the message.
                int body = 120;
                b[0] = 22;
                b[1] = (byte) 0xFE;
                b[2] = (byte) 0xFD;
                Arrays.fill(b, 3, 11, (byte) 0);
                put16(b, 11, body);
                byte[] garbage = new byte[body];
                RANDOM.nextBytes(garbage);
                garbage[0] = 1;
                System.arraycopy(garbage, 0, b, 13, body);
                ice.send(b, 0, 13 + body);
            }
        }
    }

    /** A plain RTP packet of the attack SSRC without extensions; returns its length. */
    private int attackRtp(byte[] b, int len) {
        writeHeader(b, OfferWriter.OPUS_PT, false, attackSeq, 0, attackSsrc);
        b[0] = (byte) 0x80;
        Arrays.fill(b, RtpPacket.FIXED_HEADER_LENGTH, len, (byte) 0x33);
        attackSeq = (attackSeq + 1) & 0xFFFF;
        return len;
    }

    private void protectAndSend(SrtpSession session, byte[] b, int len) throws IOException {
        int n = session.protectRtp(b, 0, len, b.length);
        if (n < 0) {
            throw new IllegalStateException("protect refused the packet: " + n);
        }
        ice.send(b, 0, n);
    }

    private void protectRtcpAndSend(SrtpSession session, byte[] b, int len) throws IOException {
        int n = session.protectRtcp(b, 0, len, b.length);
        if (n < 0) {
            throw new IllegalStateException("protect refused the RTCP packet: " + n);
        }
        ice.send(b, 0, n);
    }

    // ================================================================================= receiving

    /** One non-STUN datagram from the node, on the reader thread (RFC 7983 demultiplexing). */
    private void onDatagram(byte[] buf, int off, int len) {
        int first = buf[off] & 0xFF;
        if (first >= 20 && first <= 63) {
            DtlsEngine engine = dtls;
            if (engine != null) {
                engine.receive(buf, off, len);
            }
            return;
        }
        SrtpSession session = srtp;
        if (first < 128 || first > 191 || session == null || len < 2) {
            notMedia++;
            return;
        }
        int type = buf[off + 1] & 0xFF;
        if (type >= 192 && type <= 223) {
            receiveRtcp(session, buf, off, len);
        } else {
            receiveRtp(session, buf, off, len);
        }
    }

    private void receiveRtp(SrtpSession session, byte[] buf, int off, int len) {
        int n = session.unprotectRtp(buf, off, len);
        if (n < 0) {
            srtpFailures++;
            return;
        }
        if (RtpPacket.check(buf, off, n) != ParseStatus.OK) {
            malformed++;
            return;
        }
        long now = System.nanoTime();
        RtpPacket p = rtp.wrap(buf, off, n);
        StreamCounters s = stream(p.ssrc(), p.payloadType() == OfferWriter.VP8_PT);
        if (s == null) {
            malformed++;
            return;
        }
        packetsReceived++;
        bytesReceived += n;
        s.onPacket(p.sequenceNumber(), n);
        int payload = p.payloadOffset();
        int payloadLength = p.payloadLength();
        if (s.video && Vp8Payload.isKeyframe(buf, payload, payloadLength)) {
            s.keyframes++;
        }
        int end = payload + payloadLength;
        if (payloadLength >= STAMP_LENGTH && get32(buf, end - STAMP_LENGTH) == MAGIC) {
            long delay = now - get64(buf, end - 8);
            if (delay >= 0 && delay < 60_000_000_000L) {
                latency.record(delay);
            }
        }
    }

    private StreamCounters stream(int ssrc, boolean video) {
        for (int i = 0; i < streamCount; i++) {
            if (streams[i].ssrc == ssrc) {
                return streams[i];
            }
        }
        if (streamCount == MAX_STREAMS) {
            return null;
        }
        StreamCounters s = new StreamCounters(ssrc, video); // once per new stream
        streams[streamCount++] = s;
        return s;
    }

    private void receiveRtcp(SrtpSession session, byte[] buf, int off, int len) {
        int n = session.unprotectRtcp(buf, off, len);
        if (n < 0) {
            srtpFailures++;
            return;
        }
        rtcpReceived++;
        RtcpCompound c = compound.wrap(buf, off, n);
        while (c.next()) {
            int at = c.packetOffset();
            if (c.packetType() != RtcpHeader.PSFB) {
                continue;
            }
            int format = c.count();
            if (format == PliPacket.FORMAT && PliPacket.check(buf, at, c.packetLength()) == ParseStatus.OK) {
                keyframeRequested(PliPacket.mediaSsrc(buf, at));
            } else if (format == FirPacket.FORMAT && fir.wrap(buf, at, c.packetLength()) == ParseStatus.OK) {
                for (int i = 0; i < fir.entryCount(); i++) {
                    keyframeRequested(fir.ssrc(i));
                }
            } else if (format == RembPacket.FORMAT && remb.wrap(buf, at, c.packetLength()) == ParseStatus.OK) {
                receiverEstimate = remb.bitrate();
            }
        }
        if (c.status() != ParseStatus.OK) {
            malformed++;
        }
    }

    private void keyframeRequested(int ssrc) {
        for (int v : videoSsrcs) {
            if (v == ssrc) {
                keyframeRequestsReceived++;
                keyframeWanted = true;
                return;
            }
        }
    }

    // ================================================================================ statistics

    /** A snapshot of the counters (slightly stale while media flows). */
    public BotStats stats() {
        List<BotStats.StreamStats> out = new ArrayList<>();
        int count = streamCount;
        for (int i = 0; i < count; i++) {
            StreamCounters s = streams[i];
            RemoteTrack t = everSeen.get(s.ssrc);
            out.add(new BotStats.StreamStats(Integer.toUnsignedLong(s.ssrc), t == null ? (s.video ? "video" : "audio")
                    : t.kind(), t == null ? "" : t.participantId(), s.packets, s.bytes, s.gaps, s.late, s.keyframes));
        }
        return new BotStats(name, packetsSent, bytesSent, keyframesSent, keyframeRequestsReceived, packetsReceived,
                bytesReceived, rtcpReceived, srtpFailures, malformed, notMedia, protectFailures, receiverEstimate,
                out);
    }

    /** Packets received from {@code participantId}'s {@code kind} tracks (every SSRC any answer gave them). */
    public long received(String participantId, String kind) {
        long total = 0;
        for (BotStats.StreamStats s : stats().streams()) {
            if (s.participantId().equals(participantId) && s.kind().equals(kind)) {
                total += s.packets();
            }
        }
        return total;
    }

    /** Binding requests from the node (consent checks, RFC 7675) the bot answered and ignored. */
    public long[] iceChecks() {
        IceClient link = ice;
        return link == null ? new long[2] : new long[] {link.requestsAnswered(), link.requestsRejected()};
    }

    /** One-way delays of received packets stamped by a bot of this JVM (a copy). */
    public LatencyHistogram latency() {
        return latency.copy();
    }

    /** Stops sending and receiving and releases the socket; DTLS sends close_notify. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stopSending();
        DtlsEngine engine = dtls;
        if (engine != null) {
            engine.close();
        }
        closed = true;
        if (ice != null) {
            ice.close();
        } else {
            socket.close();
        }
        SrtpSession session = srtp;
        if (session != null) {
            synchronized (sendLock) {
                session.close();
            }
        }
    }

    @Override
    public String toString() {
        return "bot " + name;
    }

    /** Counters of one received SSRC; written by the reader thread only. */
    private static final class StreamCounters {
        final int ssrc;
        final boolean video;
        long packets;
        long bytes;
        long gaps;
        long late;
        long keyframes;
        int highestSeq;
        long cycles;

        StreamCounters(int ssrc, boolean video) {
            this.ssrc = ssrc;
            this.video = video;
        }

        void onPacket(int seq, int n) {
            if (packets == 0) {
                highestSeq = seq;
            } else {
                int d = SeqNum.delta(seq, highestSeq);
                if (d > 0) {
                    if (seq < highestSeq) {
                        cycles += 0x10000;
                    }
                    gaps += d - 1;
                    highestSeq = seq;
                } else {
                    late++;
                }
            }
            packets++;
            bytes += n;
        }
    }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static void put64(byte[] b, int at, long v) {
        put32(b, at, (int) (v >>> 32));
        put32(b, at + 4, (int) v);
    }

    static int get32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static long get64(byte[] b, int at) {
        return (long) get32(b, at) << 32 | (get32(b, at + 4) & 0xFFFF_FFFFL);
    }
}

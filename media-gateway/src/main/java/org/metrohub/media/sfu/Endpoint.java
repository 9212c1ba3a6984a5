package org.metrohub.media.sfu;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.metrohub.media.negotiation.AnswerBuilder;
import org.metrohub.media.negotiation.CodecPolicy;
import org.metrohub.media.rtp.FirPacket;
import org.metrohub.media.rtp.ReceiverReport;
import org.metrohub.media.rtp.SenderReport;
import org.metrohub.media.rtp.NackPacket;
import org.metrohub.media.rtp.TransportCcFeedback;
import org.metrohub.media.rtp.HeaderExtensions;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.rtp.PliPacket;
import org.metrohub.media.rtp.RembPacket;
import org.metrohub.media.rtp.RtcpCompound;
import org.metrohub.media.rtp.RtcpHeader;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.sdp.Candidate;
import org.metrohub.media.sfu.bwe.BandwidthEstimator;
import org.metrohub.media.sfu.bwe.BitrateMeter;
import org.metrohub.media.sfu.bwe.BweConfig;
import org.metrohub.media.sfu.feedback.NackResponder;
import org.metrohub.media.sfu.feedback.TransportCcRecorder;
import org.metrohub.media.sfu.forward.StreamKind;
import org.metrohub.media.sfu.speaker.AudioLevel;
import org.metrohub.media.transport.dtls.DtlsEngine;
import org.metrohub.media.transport.dtls.DtlsFingerprint;
import org.metrohub.media.transport.dtls.DtlsListener;
import org.metrohub.media.transport.dtls.DtlsRole;
import org.metrohub.media.transport.srtp.SrtpKeys;
import org.metrohub.media.transport.srtp.SrtpProfile;
import org.metrohub.media.transport.srtp.SrtpResult;
import org.metrohub.media.transport.srtp.SrtpSession;

/**
 * One participant's WebRTC connection to the node: its transport, DTLS-SRTP, the tracks it sends
 * ({@link Source}s) and the ones it receives ({@link Forwarding}s).
 *
 * <pre>
 *  receive (transport thread)                       send (any sender's thread, under this endpoint's send lock)
 *  datagram ─┬─ DTLS ──► DtlsEngine                   Forwarding ──► copy ─► rewrite SSRC, clear mid/rid
 *            └─ SRTP ──► unprotect ─► RTP ─► Source ─► route           ─► protect ─► transport
 *                                   └► RTCP ─► PLI/FIR ─► keyframe request to the sender (throttled)
 *                                             REMB    ─► receiver's estimate (stats)
 * </pre>
 *
 * <p>The receive path runs on the transport's one thread and allocates nothing per packet. Forwarded packets
 * are copied into this endpoint's send buffer under its send lock, so senders never share a buffer; a sender
 * never waits for more than one receiver's encryption and send at a time.
 */
public final class Endpoint {

    private static final System.Logger LOG = System.getLogger(Endpoint.class.getName());
    private static final Drop[] DROPS = Drop.values();
    private static final int MTU = 1500;
    private static final int TAIL_ROOM = 64;
    private static final Forwarding[] NO_FORWARDINGS = new Forwarding[0];
    private static final Source[] NO_SOURCES = new Source[0];

    private final String id;
    private final String displayName;
    private final Conference conference;
    private final EndpointListener listener;
    private final SfuContext context;
    private final int localSsrc;
    private final EndpointTransport transport;
    private final Object sendLock = new Object();
    private final byte[] sendBuffer = new byte[MTU + TAIL_ROOM];
    private final byte[] rtcpBuffer = new byte[MTU + TAIL_ROOM];
    private final int[] rembSsrcs = new int[16];
    private final RtpPacket outgoing = new RtpPacket();
    private final RtpPacket incoming = new RtpPacket();
    private final RtcpCompound compound = new RtcpCompound();
    private final RembPacket remb = new RembPacket();
    private final FirPacket fir = new FirPacket();
    private final NackPacket nack = new NackPacket();
    private final RtpPacket retransmitted = new RtpPacket();
    private final RetransmitSink retransmissions = new RetransmitSink();
    private final BandwidthEstimator bandwidth = new BandwidthEstimator(BweConfig.defaults());
    private final LayerChoice layerChoice = new LayerChoice(this);
    private int transportSequence;
    private final SenderReport senderReport = new SenderReport();
    private final BitrateMeter inRate = new BitrateMeter();
    private final BitrateMeter outRate = new BitrateMeter();
    private long nextReceiverReportNanos;
    private volatile TransportCcRecorder uplinkFeedback;
    private final AtomicLongArray drops = new AtomicLongArray(DROPS.length);
    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder packetsOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder keyframeRequests = new LongAdder();
    private final long joinedNanos;

    private volatile Source[] sources = NO_SOURCES;
    // moderator mutes per kind (Conference#forceMute); read on the packet path, written under the conference's lock
    private volatile boolean audioForced;
    private volatile boolean videoForced;
    private volatile boolean audioHeld;
    private volatile boolean videoHeld;
    private volatile Forwarding[] receiving = NO_FORWARDINGS;
    private volatile ExtensionIds extensions = ExtensionIds.NONE;
    private volatile DtlsEngine dtls;
    private volatile SrtpSession srtp;
    private volatile ConnectionState state = ConnectionState.NEW;
    private volatile boolean closed;
    private final NegotiationState negotiation;

    /** What the offers so far fixed for this endpoint; used under the conference's lock. */
    static final class NegotiationState {
        String remoteUfrag;
        DtlsFingerprint remoteFingerprint;
        final AnswerBuilder answers;

        NegotiationState(long sessionId) {
            this.answers = new AnswerBuilder(CodecPolicy.DEFAULT, sessionId);
        }
    }

    Endpoint(String id, String displayName, Conference conference, EndpointListener listener, SfuContext context) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.conference = Objects.requireNonNull(conference, "conference");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.context = Objects.requireNonNull(context, "context");
        this.localSsrc = context.newSsrc();
        this.joinedNanos = context.nanoTime();
        this.negotiation = new NegotiationState(context.random().nextLong() >>> 2);
        this.transport = context.transports().create(id, this, new EndpointTransport.Events() {
            @Override
            public void connected(String selectedPair) {
                LOG.log(Level.DEBUG, "{0}/{1}: ICE connected over {2}", conference.id(), id, selectedPair);
                if (state == ConnectionState.NEW) {
                    changeState(ConnectionState.CONNECTING, "ICE connected; DTLS handshake");
                }
            }

            @Override
            public void failed(String reason) {
                LOG.log(Level.WARNING, "{0}/{1}: ICE failed: {2}", conference.id(), id, reason);
                changeState(ConnectionState.FAILED, "ICE: " + reason);
            }
        });
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Conference conference() {
        return conference;
    }

    public ConnectionState state() {
        return state;
    }

    NegotiationState negotiation() {
        return negotiation;
    }

    /**
     * A candidate the browser trickled ({@code candidate:…}); an empty one (end of candidates) is ignored.
     *
     * @throws org.metrohub.media.sdp.SdpParseException when it is not a candidate line
     */
    public void addRemoteCandidate(String line) {
        if (line == null || line.isBlank()) {
            return;
        }
        transport.addRemoteCandidate(Candidate.parse(line));
    }

    EndpointListener listener() {
        return listener;
    }

    EndpointTransport transport() {
        return transport;
    }

    /** Whether a moderator muted this endpoint's {@code kind} ({@code "audio"}/{@code "video"}): its media is not forwarded. */
    public boolean forceMuted(String kind) {
        return kind.equals("audio") ? audioForced : videoForced;
    }

    /** Whether a moderator mute of {@code kind} is held: the participant's own unmute does not lift it. */
    public boolean muteHeld(String kind) {
        return kind.equals("audio") ? audioHeld : videoHeld;
    }

    /** Sets or lifts a moderator mute; the conference calls this under its lock. */
    void forceMute(String kind, boolean forced, boolean held) {
        if (kind.equals("audio")) {
            audioForced = forced;
            audioHeld = forced && held;
        } else {
            videoForced = forced;
            videoHeld = forced && held;
        }
    }

    List<Source> sources() {
        return List.of(sources);
    }

    void setSources(List<Source> now) {
        sources = now.toArray(NO_SOURCES);
    }

    Forwarding[] receiving() {
        return receiving;
    }

    void setReceiving(List<Forwarding> now) {
        receiving = now.toArray(NO_FORWARDINGS);
    }

    void setExtensions(ExtensionIds ids) {
        extensions = ids;
    }

    /** Where this endpoint's NACK responders send retransmissions. */
    NackResponder.Sink retransmissions() {
        return retransmissions;
    }

    /** Starts DTLS (server role, our answers say {@code a=setup:passive}) once the first offer named the peer's certificate. */
    void startDtls(DtlsFingerprint remote) {
        if (dtls != null) {
            return;
        }
        DtlsEngine engine = new DtlsEngine(id, DtlsRole.SERVER, context.certificate(), remote,
                DtlsEngine.Options.defaults(), (buf, off, len) -> transport.send(buf, off, len), new DtlsListener() {
                    @Override
                    public void handshakeComplete(SrtpProfile profile, byte[] keyingMaterial) {
                        SrtpKeys keys = SrtpKeys.fromDtlsExporter(profile, keyingMaterial,
                                SrtpKeys.LocalRole.DTLS_SERVER);
                        Arrays.fill(keyingMaterial, (byte) 0);
                        keysAgreed(keys);
                    }

                    @Override
                    public void handshakeFailed(String reason) {
                        LOG.log(Level.WARNING, "{0}/{1}: DTLS failed: {2}", conference.id(), id, reason);
                        changeState(ConnectionState.FAILED, "DTLS: " + reason);
                    }
                });
        dtls = engine;
        engine.start();
    }

    /**
     * DTLS-SRTP agreed {@code keys} (destroyed here once the session holds them): media may flow. Package-private
     * so tests and benchmarks in this package can connect an endpoint without a handshake.
     */
    void keysAgreed(SrtpKeys keys) {
        srtp = new SrtpSession(keys, SrtpSession.DEFAULT_MAX_SSRCS, id);
        keys.destroy();
        LOG.log(Level.INFO, "{0}/{1}: DTLS-SRTP ready ({2})", conference.id(), id, srtp.profile());
        changeState(ConnectionState.CONNECTED, "media flowing (" + srtp.profile() + ")");
        conference.endpointConnected(this);
    }

    private void changeState(ConnectionState next, String detail) {
        if (closed && next != ConnectionState.CLOSED) {
            return;
        }
        state = next;
        listener.connectionStateChanged(next, detail);
    }

    // ---------------------------------------------------------------------------------------- receive path

    /**
     * One datagram from the transport (STUN already taken out), demultiplexed by its first byte (RFC 7983).
     * The array is the transport's and reused after this returns; SRTP is decrypted in place.
     */
    public void onDatagram(byte[] buf, int off, int len) {
        if (len < 1) {
            drop(Drop.UNKNOWN_PROTOCOL);
            return;
        }
        int first = buf[off] & 0xFF;
        if (first >= 20 && first <= 63) {
            DtlsEngine engine = dtls;
            if (engine == null) {
                drop(Drop.NO_KEYS);
            } else {
                engine.receive(buf, off, len);
            }
        } else if (first >= 128 && first <= 191) {
            SrtpSession session = srtp;
            if (session == null) {
                drop(Drop.NO_KEYS);
            } else if (len >= 2 && (buf[off + 1] & 0xFF) >= 192 && (buf[off + 1] & 0xFF) <= 223) {
                receiveRtcp(session, buf, off, len);
            } else {
                receiveRtp(session, buf, off, len);
            }
        } else {
            drop(Drop.UNKNOWN_PROTOCOL);
        }
    }

    private void receiveRtp(SrtpSession session, byte[] buf, int off, int len) {
        int n = session.unprotectRtp(buf, off, len);
        if (n < 0) {
            dropSrtp(n);
            return;
        }
        if (RtpPacket.check(buf, off, n) != ParseStatus.OK) {
            drop(Drop.RTP_MALFORMED);
            return;
        }
        packetsIn.increment();
        bytesIn.add(n);
        RtpPacket packet = incoming.wrap(buf, off, n);
        // every packet with a transport-wide number counts for the sender's congestion control, the
        // retransmissions and padding probes it sends to measure the path included (dropped below)
        TransportCcRecorder feedback = uplinkFeedback;
        if (feedback == null && extensions.transportCc() > 0) {
            // libwebrtc applies transport feedback only when its media SSRC is one the browser sends with: take
            // the first SSRC that arrives (created once, on this thread)
            feedback = new TransportCcRecorder(localSsrc, packet.ssrc(), extensions.transportCc(),
                    TransportCcRecorder.DEFAULT_WINDOW_CAPACITY, TransportCcRecorder.DEFAULT_MAX_FEEDBACK_LENGTH,
                    TransportCcRecorder.DEFAULT_INTERVAL_NANOS);
            uplinkFeedback = feedback;
        }
        if (feedback != null) {
            long arrival = context.nanoTime();
            if (feedback.record(packet, arrival) && feedback.isDue(arrival)) {
                sendTransportFeedback(feedback, arrival);
            }
        }
        Source[] mine = sources;
        Source source = null;
        int layer = -1;
        int ssrc = packet.ssrc();
        for (Source s : mine) {
            layer = s.layerOf(ssrc);
            if (layer >= 0) {
                source = s;
                break;
            }
        }
        if (source == null) {
            ExtensionIds ids = extensions;
            if (ids.repairedRid() > 0 && packet.findExtension(ids.repairedRid()) >= 0) {
                drop(Drop.RTX_OR_PADDING);
                return;
            }
            long mid = ids.mid() > 0 ? packet.findExtension(ids.mid()) : -1;
            if (mid < 0) {
                drop(Drop.UNKNOWN_STREAM);
                return;
            }
            for (Source s : mine) {
                if (matches(s.mid(), buf, HeaderExtensions.offset(mid), HeaderExtensions.length(mid))) {
                    source = s;
                    break;
                }
            }
            if (source == null) {
                drop(Drop.UNKNOWN_STREAM);
                return;
            }
            long rid = ids.rid() > 0 ? packet.findExtension(ids.rid()) : -1;
            layer = rid < 0 ? (source.simulcast() ? -1 : 0)
                    : source.layerOfRid(buf, HeaderExtensions.offset(rid), HeaderExtensions.length(rid));
            if (layer < 0) {
                drop(Drop.UNKNOWN_STREAM);
                return;
            }
            source.learn(layer, ssrc);
            LOG.log(Level.DEBUG, "{0}/{1}: {2} layer {3} is SSRC {4}", conference.id(), id, source, layer,
                    Integer.toUnsignedString(ssrc));
        }
        if (packet.payloadLength() == 0) {
            drop(Drop.RTX_OR_PADDING);
            return;
        }
        long now = context.nanoTime();
        source.countPacket(layer, now, n);
        source.stats(layer).onPacket(packet.sequenceNumber(), packet.timestamp(), now);
        inRate.record(n, now);
        if (now - nextReceiverReportNanos >= 0) {
            nextReceiverReportNanos = now + RECEIVER_REPORT_INTERVAL_NANOS;
            sendReceiverReports(now);
        }
        if (source.audio() ? audioForced : videoForced) {
            drop(Drop.MODERATOR_MUTED); // still counted above: receiver reports stay right while muted
            return;
        }
        if (source.streamKind() == StreamKind.AUDIO) {
            int ids = extensions.audioLevel();
            int raw = ids > 0 ? AudioLevel.read(packet, ids) : AudioLevel.NONE;
            if (raw != AudioLevel.NONE) {
                conference.audioLevel(this, AudioLevel.level(raw), now);
            }
        }
        boolean keyframe = source.isKeyframe(buf, packet.payloadOffset(), packet.payloadLength());
        for (Forwarding f : source.forwardings()) {
            if (f.wants(layer) && f.receiver().send(f, buf, off, n, layer, keyframe, now, extensions)) {
                conference.requestKeyframe(source);
            }
        }
    }

    private static boolean matches(String ascii, byte[] buf, int off, int len) {
        if (ascii.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (ascii.charAt(i) != (buf[off + i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private void receiveRtcp(SrtpSession session, byte[] buf, int off, int len) {
        int n = session.unprotectRtcp(buf, off, len);
        if (n < 0) {
            dropSrtp(n);
            return;
        }
        RtcpCompound c = compound.wrap(buf, off, n);
        while (c.next()) {
            int at = c.packetOffset();
            int type = c.packetType();
            if (type == RtcpHeader.SR && senderReport.wrap(buf, at, c.packetLength()) == ParseStatus.OK) {
                translateSenderReport(buf, at, context.nanoTime());
            } else if (type == RtcpHeader.PSFB) {
                int format = c.count();
                if (format == PliPacket.FORMAT && PliPacket.check(buf, at, c.packetLength()) == ParseStatus.OK) {
                    keyframeWanted(PliPacket.mediaSsrc(buf, at));
                } else if (format == FirPacket.FORMAT && fir.wrap(buf, at, c.packetLength()) == ParseStatus.OK) {
                    for (int i = 0; i < fir.entryCount(); i++) {
                        keyframeWanted(fir.ssrc(i));
                    }
                } else if (format == RembPacket.FORMAT && remb.wrap(buf, at, c.packetLength()) == ParseStatus.OK) {
                    synchronized (sendLock) {
                        bandwidth.onRembBitrate(remb.bitrate());
                    }
                }
            } else if (type == RtcpHeader.RTPFB) {
                int format = c.count();
                long now = context.nanoTime();
                if (format == NackPacket.FORMAT && nack.wrap(buf, at, c.packetLength()) == ParseStatus.OK) {
                    retransmit(nack, now);
                } else if (format == TransportCcFeedback.FORMAT) {
                    synchronized (sendLock) {
                        bandwidth.onTransportFeedback(buf, at, c.packetLength(), now);
                    }
                }
            }
        }
        if (c.status() != ParseStatus.OK) {
            drop(Drop.RTCP_MALFORMED);
        }
    }

    /** A receiver (this endpoint) asked for a keyframe of the stream it knows as {@code outSsrc}. */
    private void keyframeWanted(int outSsrc) {
        for (Forwarding f : receiving) {
            if (f.source().outSsrc() == outSsrc) {
                conference.requestKeyframe(f.source());
                return;
            }
        }
    }

    /** A receiver's NACK (RFC 4585 §6.2.1) for a stream it knows as the NACK's media SSRC. */
    private void retransmit(NackPacket request, long now) {
        int ssrc = request.mediaSsrc();
        for (Forwarding f : receiving) {
            if (f.source().outSsrc() == ssrc && f.nacks() != null) {
                synchronized (sendLock) {
                    f.nacks().onNack(request, now);
                }
                return;
            }
        }
    }

    private void sendTransportFeedback(TransportCcRecorder feedback, long now) {
        SrtpSession session = srtp;
        if (session == null) {
            return;
        }
        synchronized (sendLock) {
            int len;
            while ((len = feedback.writeFeedback(now, rtcpBuffer, 0)) > 0) {
                sendRtcpLocked(session, len);
            }
        }
    }

    /** Sends a NACK responder's retransmission: a new transport-wide sequence number, then SRTP. Under the lock. */
    private final class RetransmitSink implements NackResponder.Sink {
        @Override
        public void send(byte[] buffer, int offset, int length) {
            SrtpSession session = srtp;
            if (session == null) {
                return;
            }
            RtpPacket packet = retransmitted.wrap(buffer, offset, length);
            stampTransportSequence(packet, extensions.transportCc(), length, context.nanoTime());
            int n = session.protectRtp(buffer, offset, length, length + NackResponder.TAIL_ROOM);
            if (n < 0) {
                drop(Drop.SEND_PROTECT);
                return;
            }
            transport.send(buffer, offset, n);
        }
    }

    /**
     * Writes this endpoint's next transport-wide sequence number into the packet's transport-cc element (the
     * sender's, same id on a BUNDLE of browsers) and tells the estimator; a packet without the element is not
     * counted. Under the send lock.
     */
    private void stampTransportSequence(RtpPacket packet, int extensionId, int length, long now) {
        if (extensionId <= 0) {
            return;
        }
        long element = packet.findExtension(extensionId);
        if (element < 0 || HeaderExtensions.length(element) != 2) {
            return;
        }
        int seq = transportSequence;
        transportSequence = (seq + 1) & 0xFFFF;
        int at = HeaderExtensions.offset(element);
        packet.buffer()[at] = (byte) (seq >>> 8);
        packet.buffer()[at + 1] = (byte) seq;
        bandwidth.onPacketSent(seq, now, length);
    }

    /** Receiver reports are sent about once a second per sender (RFC 3550 §6.2 for a few participants). */
    static final long RECEIVER_REPORT_INTERVAL_NANOS = 1_000_000_000L;

    /** One RR with a block per stream this endpoint sends us (at most 31). On the receive thread. */
    private void sendReceiverReports(long now) {
        SrtpSession session = srtp;
        if (session == null) {
            return;
        }
        synchronized (sendLock) {
            int blocks = 0;
            for (Source s : sources) {
                for (int layer = 0; layer < s.layerCount() && blocks < 31; layer++) {
                    int ssrc = s.layerSsrc(layer);
                    if (ssrc != 0 && s.stats(layer).started()) {
                        s.stats(layer).writeBlock(rtcpBuffer, ReceiverReport.blockOffset(0, blocks), ssrc, now);
                        blocks++;
                    }
                }
            }
            if (blocks > 0) {
                sendRtcpLocked(session, ReceiverReport.writeHeader(rtcpBuffer, 0, localSsrc, blocks));
            }
        }
    }

    /**
     * A sender's SR: noted for our receiver reports, and passed to every receiver that gets that very stream now,
     * with the receiver's SSRC, timestamp (mapped like the stream's packets) and counts, so the browser can
     * synchronise audio and video and measure. On the sender's receive thread.
     */
    private void translateSenderReport(byte[] buf, int at, long now) {
        int ssrc = senderReport.senderSsrc();
        for (Source s : sources) {
            int layer = s.layerOf(ssrc);
            if (layer < 0) {
                continue;
            }
            s.stats(layer).onSenderReport(senderReport.ntpMiddle32(), now);
            for (Forwarding f : s.forwardings()) {
                f.receiver().sendSenderReport(f, buf, at, ssrc, senderReport.rtpTimestamp());
            }
            return;
        }
    }

    /** Sends {@code f}'s receiver the sender's report of stream {@code ssrc}, rewritten for it. */
    private void sendSenderReport(Forwarding f, byte[] sr, int at, int ssrc, long rtpTimestamp) {
        SrtpSession session = srtp;
        if (session == null || f.closed()) {
            return;
        }
        synchronized (sendLock) {
            long timestamp = f.rewriter().outgoingTimestamp(ssrc, rtpTimestamp);
            if (timestamp < 0) {
                return; // not the stream this receiver gets now
            }
            sendRtcpLocked(session, SenderReport.writeTranslated(sr, at, rtcpBuffer, 0, f.source().outSsrc(),
                    timestamp, f.packets & 0xFFFF_FFFFL, f.bytes & 0xFFFF_FFFFL));
        }
    }

    // ------------------------------------------------------------------------------------------- send path

    /**
     * Forwards one decrypted RTP packet of {@code f}'s source to this endpoint.
     *
     * @return whether the receiver waits for a keyframe of that source (the caller asks the sender, outside
     *         this endpoint's lock)
     */
    boolean send(Forwarding f, byte[] src, int off, int len, int layer, boolean keyframe, long now,
                 ExtensionIds senderExtensions) {
        SrtpSession session = srtp;
        if (session == null || f.closed()) {
            return false; // not connected yet: the first keyframe is asked for when it is
        }
        boolean wantsKeyframe;
        synchronized (sendLock) {
            if (len > MTU) {
                drop(Drop.TOO_LARGE);
                return false;
            }
            System.arraycopy(src, off, sendBuffer, 0, len);
            RtpPacket packet = outgoing.wrap(sendBuffer, 0, len);
            if (!f.rewriter().rewrite(packet, layer, keyframe, now)) {
                return f.rewriter().needsKeyframe();
            }
            wantsKeyframe = f.rewriter().needsKeyframe();
            packet.setPayloadType(f.payloadType());
            if (senderExtensions.mid() > 0) {
                packet.eraseExtension(senderExtensions.mid());
            }
            if (senderExtensions.rid() > 0) {
                packet.eraseExtension(senderExtensions.rid());
            }
            int transportCc = extensions.transportCc();
            if (transportCc > 0 && transportCc == senderExtensions.transportCc()) {
                stampTransportSequence(packet, transportCc, len, now);
            } else if (senderExtensions.transportCc() > 0) {
                packet.eraseExtension(senderExtensions.transportCc());
            }
            if (f.cache() != null) {
                f.cache().store(sendBuffer, 0, len, now);
            }
            int n = session.protectRtp(sendBuffer, 0, len, sendBuffer.length);
            if (n < 0) {
                drop(Drop.SEND_PROTECT);
                return wantsKeyframe;
            }
            transport.send(sendBuffer, 0, n);
            f.packets++;
            f.bytes += len;
            outRate.record(len, now);
        }
        packetsOut.increment();
        bytesOut.add(len);
        return wantsKeyframe;
    }

    /** The periodic layer choice for what this endpoint receives (see {@link LayerChoice}). */
    void selectLayers(long now, String dominantSpeaker, Set<String> videoFrom) {
        layerChoice.run(now, dominantSpeaker, videoFrom);
    }

    /** Guards this endpoint's send side: its send buffers, SRTP send contexts, rewriters and estimator. */
    Object sendLock() {
        return sendLock;
    }

    /** The bandwidth estimate towards this endpoint; use under {@link #sendLock()}. */
    BandwidthEstimator bandwidth() {
        return bandwidth;
    }

    /** Asks this endpoint (a sender) for a keyframe of every known layer of {@code source}. */
    void sendKeyframeRequest(Source source) {
        SrtpSession session = srtp;
        if (session == null) {
            return;
        }
        synchronized (sendLock) {
            for (int layer = 0; layer < source.layerCount(); layer++) {
                int ssrc = source.layerSsrc(layer);
                if (ssrc != 0) {
                    int len = PliPacket.write(rtcpBuffer, 0, localSsrc, ssrc);
                    sendRtcpLocked(session, len);
                }
            }
        }
        keyframeRequests.increment();
    }

    /** Tells this endpoint (a sender) how much it may send, covering the SSRCs of its video sources (REMB). */
    void sendBitrateHint(long bitrate) {
        SrtpSession session = srtp;
        if (session == null) {
            return;
        }
        synchronized (sendLock) {
            int count = 0;
            for (Source s : sources) {
                if (s.kind().equals("video")) {
                    for (int layer = 0; layer < s.layerCount() && count < rembSsrcs.length; layer++) {
                        if (s.layerSsrc(layer) != 0) {
                            rembSsrcs[count++] = s.layerSsrc(layer);
                        }
                    }
                }
            }
            if (count > 0) {
                sendRtcpLocked(session, RembPacket.write(rtcpBuffer, 0, localSsrc, bitrate, rembSsrcs, count));
            }
        }
    }

    private void sendRtcpLocked(SrtpSession session, int len) {
        int n = session.protectRtcp(rtcpBuffer, 0, len, rtcpBuffer.length);
        if (n < 0) {
            drop(Drop.SEND_PROTECT);
        } else {
            transport.send(rtcpBuffer, 0, n);
        }
    }

    // ----------------------------------------------------------------------------------------- statistics

    private void dropSrtp(int code) {
        SrtpResult result = SrtpResult.of(code);
        drop(result == SrtpResult.AUTH_FAIL ? Drop.SRTP_AUTH
                : result == SrtpResult.REPLAY ? Drop.SRTP_REPLAY : Drop.SRTP_OTHER);
    }

    void drop(Drop reason) {
        drops.incrementAndGet(reason.ordinal());
        conference.countDrop(reason);
    }

    public long dropped(Drop reason) {
        return drops.get(reason.ordinal());
    }

    /** Dropped datagrams and packets over every {@link Drop} reason. */
    public long droppedTotal() {
        long sum = 0;
        for (int i = 0; i < DROPS.length; i++) {
            sum += drops.get(i);
        }
        return sum;
    }

    /** Decrypted, well-formed RTP packets received from this endpoint. */
    public long packetsReceived() {
        return packetsIn.sum();
    }

    public long bytesReceived() {
        return bytesIn.sum();
    }

    /** RTP packets forwarded to this endpoint. */
    public long packetsSent() {
        return packetsOut.sum();
    }

    public long bytesSent() {
        return bytesOut.sum();
    }

    /** Keyframe requests (PLI) sent to this endpoint as a sender. */
    public long keyframeRequestsSent() {
        return keyframeRequests.sum();
    }

    /** This endpoint's counters, drops included. */
    public TrafficTotals totals() {
        long[] byReason = new long[DROPS.length];
        for (int i = 0; i < byReason.length; i++) {
            byReason[i] = drops.get(i);
        }
        return new TrafficTotals(packetsIn.sum(), bytesIn.sum(), packetsOut.sum(), bytesOut.sum(),
                keyframeRequests.sum(), byReason);
    }

    /** A snapshot of this endpoint's counters. */
    public EndpointStats stats() {
        long[] byReason = new long[DROPS.length];
        for (int i = 0; i < byReason.length; i++) {
            byReason[i] = drops.get(i);
        }
        long now = context.nanoTime();
        List<EndpointStats.Track> tracks = new ArrayList<>();
        for (Source s : sources) {
            long lost = 0;
            double fraction = 0;
            double jitter = 0;
            for (int layer = 0; layer < s.layerCount(); layer++) {
                ReceiveStatistics r = s.stats(layer);
                lost += r.cumulativeLost();
                fraction = Math.max(fraction, r.fractionLost());
                jitter = Math.max(jitter, r.jitterMillis());
            }
            tracks.add(new EndpointStats.Track(s.mid(), s.kind(), "send", s.layerCount(), -1, s.muted(), lost,
                    fraction, jitter));
        }
        long retransmitted = 0;
        long bitrateOut;
        double rtt;
        synchronized (sendLock) {
            for (Forwarding f : receiving) {
                tracks.add(new EndpointStats.Track(f.receiverMid(), f.source().kind(), "receive from "
                        + f.source().owner().id(), f.source().layerCount(), f.layer(), f.source().muted(), -1, -1, -1));
                retransmitted += f.nacks() == null ? 0 : f.nacks().retransmitted();
            }
            bitrateOut = outRate.bitsPerSecond(now);
            rtt = bandwidth.feedbackPackets() > 0 ? bandwidth.rttNanos() / 1e6 : -1;
        }
        return new EndpointStats(id, displayName, state, transport.selectedPair(),
                srtp == null ? null : srtp.profile().name(), packetsIn.sum(), bytesIn.sum(), packetsOut.sum(),
                bytesOut.sum(), keyframeRequests.sum(), downlinkEstimate(), inRate.bitsPerSecond(now), bitrateOut,
                rtt, retransmitted, (now - joinedNanos) / 1_000_000_000L, EndpointStats.drops(byReason), tracks);
    }

    /** The bandwidth estimate towards this endpoint (b/s), -1 before any feedback. */
    long downlinkEstimate() {
        synchronized (sendLock) {
            return bandwidth.feedbackPackets() > 0 || bandwidth.rembBps() > 0 ? bandwidth.estimateBps() : -1;
        }
    }

    // -------------------------------------------------------------------------------------------- lifecycle

    /** Ends this endpoint: no more packets either way. May block briefly (ICE): not on an event loop. */
    void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        DtlsEngine engine = dtls;
        if (engine != null) {
            engine.close();
        }
        try {
            transport.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, toString() + ": closing the transport failed", e);
        }
        SrtpSession session = srtp;
        if (session != null) {
            synchronized (sendLock) {
                session.close();
            }
        }
        changeState(ConnectionState.CLOSED, reason);
    }

    boolean closed() {
        return closed;
    }

    @Override
    public String toString() {
        return conference.id() + "/" + id;
    }
}

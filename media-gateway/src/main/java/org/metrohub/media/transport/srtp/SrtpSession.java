package org.metrohub.media.transport.srtp;

import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * SRTP/SRTCP for one endpoint's transport: protects what we send with the local keys and unprotects what we
 * receive with the remote keys ({@link SrtpKeys}). One crypto context per SSRC and direction, created on the
 * first packet of that SSRC (for SRTCP keyed by the sender SSRC, bytes 4–7); replay protection is jitsi's
 * 64-packet window, switched on in {@link SrtpProfile}.
 *
 * <p>All four operations work in place on the caller's array: {@code buf[off, off + len)} holds the packet
 * and {@code buf[off, off + capacity)} may be written. They return the new length ({@code >= 0}) or a
 * negative {@link SrtpResult#code()}; a bad packet never throws and is counted per {@link SrtpOperation}.
 * {@code protect*} refuses a buffer without {@link SrtpProfile#rtpOverhead()} /
 * {@link SrtpProfile#rtcpOverhead()} bytes of tail room ({@link SrtpResult#NO_TAIL_ROOM}) before handing
 * it to the library: jitsi writes the GCM tag past the packet without a bounds check and the native
 * OpenSSL path then corrupts the heap. Arguments outside the array are a caller bug and do throw.
 *
 * <p>No allocation per packet in steady state (a context is derived once per new SSRC). The send side
 * ({@code protect*}) and the receive side ({@code unprotect*}) share no state, so one thread may receive while
 * another sends; each side on its own is not thread-safe. Counters may be read from any thread.
 */
public final class SrtpSession implements AutoCloseable {

    /** Default bound on SSRCs per direction: enough for simulcast + RTX + audio + a few renegotiations. */
    public static final int DEFAULT_MAX_SSRCS = 64;

    private static final int RTP_FIXED_HEADER = 12;
    private static final int RTCP_SENDER_SSRC_END = 8;
    private static final SrtpResult[] RESULTS = SrtpResult.values();

    private final SrtpProfile profile;
    private final SrtpContextFactory encryptFactory;
    private final SrtpContextFactory decryptFactory;
    private final SsrcContextMap<SrtpCryptoContext> rtpSend;
    private final SsrcContextMap<SrtpCryptoContext> rtpReceive;
    private final SsrcContextMap<SrtcpCryptoContext> rtcpSend;
    private final SsrcContextMap<SrtcpCryptoContext> rtcpReceive;
    private final PacketBuffer sendView = new PacketBuffer();
    private final PacketBuffer receiveView = new PacketBuffer();
    private final AtomicLongArray counters =
            new AtomicLongArray(SrtpOperation.values().length * RESULTS.length);
    private boolean closed;

    public SrtpSession(SrtpKeys keys) {
        this(keys, DEFAULT_MAX_SSRCS, "srtp");
    }

    /**
     * @param keys     the association's keys (copied; the caller may {@link SrtpKeys#destroy()} them after)
     * @param maxSsrcs contexts kept per direction and packet kind
     * @param logName  name for jitsi's logger, e.g. the endpoint id
     */
    public SrtpSession(SrtpKeys keys, int maxSsrcs, String logName) {
        Objects.requireNonNull(keys, "keys");
        this.profile = keys.profile();
        // jitsi logs every rejected packet (replay: SEVERE) — a flood would flood the log. Every outcome is
        // counted per SrtpOperation instead, and reported aggregated by the endpoint.
        Logger logger = new LoggerImpl(Objects.requireNonNull(logName, "logName"), java.util.logging.Level.OFF);
        this.encryptFactory = new SrtpContextFactory(true, keys.localKey(), keys.localSalt(),
                profile.newPolicy(), profile.newPolicy(), logger);
        this.decryptFactory = new SrtpContextFactory(false, keys.remoteKey(), keys.remoteSalt(),
                profile.newPolicy(), profile.newPolicy(), logger);
        this.rtpSend = new SsrcContextMap<>(maxSsrcs);
        this.rtpReceive = new SsrcContextMap<>(maxSsrcs);
        this.rtcpSend = new SsrcContextMap<>(maxSsrcs);
        this.rtcpReceive = new SsrcContextMap<>(maxSsrcs);
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** Encrypts and authenticates an RTP packet in place; the whole array past {@code off} is capacity. */
    public int protectRtp(byte[] buf, int off, int len) {
        return protectRtp(buf, off, len, buf.length - off);
    }

    /** Encrypts and authenticates an RTP packet in place; returns the SRTP length or a negative code. */
    public int protectRtp(byte[] buf, int off, int len, int capacity) {
        checkBounds(buf, off, len, capacity);
        if (closed) {
            return fail(SrtpOperation.PROTECT_RTP, SrtpResult.CLOSED);
        }
        if (rtpHeaderLength(buf, off, len) < 0) {
            return fail(SrtpOperation.PROTECT_RTP, SrtpResult.TOO_SHORT);
        }
        if (capacity - len < profile.rtpOverhead()) {
            return fail(SrtpOperation.PROTECT_RTP, SrtpResult.NO_TAIL_ROOM);
        }
        int ssrc = readInt(buf, off + 8);
        SrtpCryptoContext ctx = rtpSend.get(ssrc);
        try {
            if (ctx == null) {
                ctx = encryptFactory.deriveContext(ssrc, 0);
                if (!rtpSend.put(ssrc, ctx)) {
                    return fail(SrtpOperation.PROTECT_RTP, SrtpResult.TOO_MANY_SSRCS);
                }
            }
            sendView.wrap(buf, off, len, capacity);
            return finish(SrtpOperation.PROTECT_RTP, ctx.transformPacket(sendView), sendView);
        } catch (GeneralSecurityException e) {
            return fail(SrtpOperation.PROTECT_RTP, SrtpResult.CRYPTO_ERROR);
        } finally {
            sendView.clear();
        }
    }

    /** Authenticates, replay-checks and decrypts an SRTP packet in place; returns the RTP length or a code. */
    public int unprotectRtp(byte[] buf, int off, int len) {
        checkBounds(buf, off, len, len);
        if (closed) {
            return fail(SrtpOperation.UNPROTECT_RTP, SrtpResult.CLOSED);
        }
        if (len < RTP_FIXED_HEADER + profile.tagLength()) {
            return fail(SrtpOperation.UNPROTECT_RTP, SrtpResult.TOO_SHORT);
        }
        int ssrc = readInt(buf, off + 8);
        SrtpCryptoContext ctx = rtpReceive.get(ssrc);
        boolean fresh = false;
        try {
            if (ctx == null) {
                if (rtpReceive.size() >= rtpReceive.maxEntries()) {
                    return fail(SrtpOperation.UNPROTECT_RTP, SrtpResult.TOO_MANY_SSRCS);
                }
                ctx = decryptFactory.deriveContext(ssrc, 0);
                fresh = true;
            }
            receiveView.wrap(buf, off, len, len);
            SrtpErrorStatus status = ctx.reverseTransformPacket(receiveView, false);
            if (fresh && status == SrtpErrorStatus.OK) {
                // Keep a context only once a packet has authenticated under it: forged SSRCs fill nothing.
                rtpReceive.put(ssrc, ctx);
            }
            return finish(SrtpOperation.UNPROTECT_RTP, status, receiveView);
        } catch (GeneralSecurityException e) {
            return fail(SrtpOperation.UNPROTECT_RTP, SrtpResult.CRYPTO_ERROR);
        } finally {
            receiveView.clear();
        }
    }

    /** Encrypts and authenticates an RTCP (compound) packet in place; the array past {@code off} is capacity. */
    public int protectRtcp(byte[] buf, int off, int len) {
        return protectRtcp(buf, off, len, buf.length - off);
    }

    /** Encrypts an RTCP packet in place, appending the SRTCP index and tag; returns the new length or a code. */
    public int protectRtcp(byte[] buf, int off, int len, int capacity) {
        checkBounds(buf, off, len, capacity);
        if (closed) {
            return fail(SrtpOperation.PROTECT_RTCP, SrtpResult.CLOSED);
        }
        if (len < RTCP_SENDER_SSRC_END) {
            return fail(SrtpOperation.PROTECT_RTCP, SrtpResult.TOO_SHORT);
        }
        if (capacity - len < profile.rtcpOverhead()) {
            return fail(SrtpOperation.PROTECT_RTCP, SrtpResult.NO_TAIL_ROOM);
        }
        int ssrc = readInt(buf, off + 4);
        SrtcpCryptoContext ctx = rtcpSend.get(ssrc);
        try {
            if (ctx == null) {
                ctx = encryptFactory.deriveControlContext(ssrc);
                if (!rtcpSend.put(ssrc, ctx)) {
                    return fail(SrtpOperation.PROTECT_RTCP, SrtpResult.TOO_MANY_SSRCS);
                }
            }
            sendView.wrap(buf, off, len, capacity);
            return finish(SrtpOperation.PROTECT_RTCP, ctx.transformPacket(sendView), sendView);
        } catch (GeneralSecurityException e) {
            return fail(SrtpOperation.PROTECT_RTCP, SrtpResult.CRYPTO_ERROR);
        } finally {
            sendView.clear();
        }
    }

    /** Authenticates, replay-checks and decrypts an SRTCP packet in place; returns the RTCP length or a code. */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        checkBounds(buf, off, len, len);
        if (closed) {
            return fail(SrtpOperation.UNPROTECT_RTCP, SrtpResult.CLOSED);
        }
        if (len < RTCP_SENDER_SSRC_END + profile.rtcpOverhead()) {
            return fail(SrtpOperation.UNPROTECT_RTCP, SrtpResult.TOO_SHORT);
        }
        int ssrc = readInt(buf, off + 4);
        SrtcpCryptoContext ctx = rtcpReceive.get(ssrc);
        boolean fresh = false;
        try {
            if (ctx == null) {
                if (rtcpReceive.size() >= rtcpReceive.maxEntries()) {
                    return fail(SrtpOperation.UNPROTECT_RTCP, SrtpResult.TOO_MANY_SSRCS);
                }
                ctx = decryptFactory.deriveControlContext(ssrc);
                fresh = true;
            }
            receiveView.wrap(buf, off, len, len);
            SrtpErrorStatus status = ctx.reverseTransformPacket(receiveView);
            if (fresh && status == SrtpErrorStatus.OK) {
                rtcpReceive.put(ssrc, ctx);
            }
            return finish(SrtpOperation.UNPROTECT_RTCP, status, receiveView);
        } catch (GeneralSecurityException e) {
            return fail(SrtpOperation.UNPROTECT_RTCP, SrtpResult.CRYPTO_ERROR);
        } finally {
            receiveView.clear();
        }
    }

    /** How many times {@code op} ended with {@code result} (OK included). */
    public long count(SrtpOperation op, SrtpResult result) {
        return counters.get(op.ordinal() * RESULTS.length + result.ordinal());
    }

    /** Forgets all contexts and zeroes the master keys held by the library. Later calls return CLOSED. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        rtpSend.clear();
        rtpReceive.clear();
        rtcpSend.clear();
        rtcpReceive.clear();
        encryptFactory.close();
        decryptFactory.close();
    }

    private int finish(SrtpOperation op, SrtpErrorStatus status, PacketBuffer view) {
        SrtpResult result = switch (status) {
            case OK -> SrtpResult.OK;
            case AUTH_FAIL -> SrtpResult.AUTH_FAIL;
            case REPLAY_FAIL, REPLAY_OLD -> SrtpResult.REPLAY;
            case INVALID_PACKET -> SrtpResult.TOO_SHORT;
            case FAIL -> SrtpResult.CRYPTO_ERROR;
        };
        if (result == SrtpResult.OK) {
            counters.incrementAndGet(op.ordinal() * RESULTS.length);
            return view.getLength();
        }
        return fail(op, result);
    }

    private int fail(SrtpOperation op, SrtpResult result) {
        counters.incrementAndGet(op.ordinal() * RESULTS.length + result.ordinal());
        return result.code();
    }

    /** RTP header length incl. CSRCs and extension (RFC 3550 §5.1, §5.3.1), or -1 if it exceeds len. */
    static int rtpHeaderLength(byte[] buf, int off, int len) {
        if (len < RTP_FIXED_HEADER) {
            return -1;
        }
        int b0 = buf[off] & 0xFF;
        int header = RTP_FIXED_HEADER + 4 * (b0 & 0x0F);
        if ((b0 & 0x10) != 0) {
            if (len < header + 4) {
                return -1;
            }
            int extWords = ((buf[off + header + 2] & 0xFF) << 8) | (buf[off + header + 3] & 0xFF);
            header += 4 + 4 * extWords;
        }
        return header <= len ? header : -1;
    }

    private static int readInt(byte[] buf, int at) {
        return ((buf[at] & 0xFF) << 24) | ((buf[at + 1] & 0xFF) << 16)
                | ((buf[at + 2] & 0xFF) << 8) | (buf[at + 3] & 0xFF);
    }

    private static void checkBounds(byte[] buf, int off, int len, int capacity) {
        Objects.requireNonNull(buf, "buf");
        Objects.checkFromIndexSize(off, capacity, buf.length);
        if (len < 0 || len > capacity) {
            throw new IndexOutOfBoundsException("len " + len + " outside capacity " + capacity);
        }
    }
}

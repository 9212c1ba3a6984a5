package org.metrohub.media.transport.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.metrohub.media.transport.srtp.SrtpProfile;

/**
 * One endpoint's DTLS-SRTP handshake (RFC 5764, RFC 8827), as an engine with no sockets: the caller feeds each
 * incoming DTLS datagram to {@link #receive}, outgoing datagrams go to its {@link DatagramSink}, and the outcome
 * goes to its {@link DtlsListener}.
 *
 * <p>BouncyCastle's DTLS API blocks, so {@link #start()} runs it on a thread of its own that reads a bounded
 * queue fed by {@link #receive}; the listener is called on that thread. {@code receive} never blocks and never
 * throws: junk, truncated and oversize datagrams, a full queue and late arrivals are dropped and counted
 * ({@link #dropped(DtlsDrop)}); records BouncyCastle itself finds invalid are discarded by it silently. After
 * the handshake the thread stays to answer the peer's retransmitted final flight; application data is not used
 * (data channels come later) and is counted as {@link DtlsDrop#APPLICATION_DATA}.
 */
public final class DtlsEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DtlsEngine.class.getName());

    /** Largest datagram accepted; browsers keep DTLS datagrams under the path MTU (≈ 1200 bytes). */
    public static final int MAX_DATAGRAM = 2048;
    /** Largest datagram we send; BouncyCastle fragments handshake messages to fit (ICE over UDP, IPv6 safe). */
    static final int SEND_LIMIT = 1200;

    private static final byte[] WAKE_UP = new byte[0];
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Lifecycle; {@code COMPLETE} and {@code FAILED} are reached once, {@code CLOSED} at the end. */
    public enum State { NEW, HANDSHAKING, COMPLETE, FAILED, CLOSED }

    /**
     * Tunables.
     *
     * @param srtpProfiles     offered (client) or accepted (server) profiles, most preferred first
     * @param handshakeTimeout from {@link #start()} until the handshake must be complete
     * @param queueCapacity    inbound datagrams buffered for the handshake thread
     * @param threadFactory    makes the one handshake thread per engine
     */
    public record Options(List<SrtpProfile> srtpProfiles, Duration handshakeTimeout, int queueCapacity,
                          ThreadFactory threadFactory) {
        public Options {
            srtpProfiles = List.copyOf(srtpProfiles);
            if (srtpProfiles.isEmpty()) {
                throw new IllegalArgumentException("srtpProfiles must name at least one profile");
            }
            if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()
                    || handshakeTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("handshakeTimeout must be positive: " + handshakeTimeout);
            }
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be ≥ 1: " + queueCapacity);
            }
            Objects.requireNonNull(threadFactory, "threadFactory");
        }

        /** AEAD_AES_128_GCM then AES_CM_128_HMAC_SHA1_80, 10 s, 64 datagrams, daemon platform threads. */
        public static Options defaults() {
            return new Options(List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                    Duration.ofSeconds(10), 64,
                    r -> Thread.ofPlatform().daemon().name("dtls-" + THREADS.incrementAndGet()).unstarted(r));
        }

        public Options withSrtpProfiles(List<SrtpProfile> profiles) {
            return new Options(profiles, handshakeTimeout, queueCapacity, threadFactory);
        }

        public Options withHandshakeTimeout(Duration timeout) {
            return new Options(srtpProfiles, timeout, queueCapacity, threadFactory);
        }
    }

    private final String name;
    private final DtlsRole role;
    private final DtlsCertificate local;
    private final DtlsFingerprint remote;
    private final Options options;
    private final DatagramSink sink;
    private final DtlsListener listener;
    private final BlockingQueue<byte[]> inbound;
    private final EnumMap<DtlsDrop, LongAdder> drops = new EnumMap<>(DtlsDrop.class);
    private final LongAdder sinkFailures = new LongAdder();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile State state = State.NEW;
    private volatile boolean closeRequested;
    private volatile long startNanos;
    private volatile Duration handshakeDuration;

    /**
     * @param name   for logs and the thread (endpoint id)
     * @param role   {@link DtlsRole#SERVER} for our WebRTC answers ({@code a=setup:passive})
     * @param local  our certificate (its fingerprint is in our SDP)
     * @param remote the peer's {@code a=fingerprint}
     */
    public DtlsEngine(String name, DtlsRole role, DtlsCertificate local, DtlsFingerprint remote, Options options,
                      DatagramSink sink, DtlsListener listener) {
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.local = Objects.requireNonNull(local, "local");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.options = Objects.requireNonNull(options, "options");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.inbound = new ArrayBlockingQueue<>(options.queueCapacity());
        for (DtlsDrop d : DtlsDrop.values()) {
            drops.put(d, new LongAdder());
        }
    }

    /** Starts the handshake thread (a client sends its ClientHello at once). Later calls do nothing. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        startNanos = System.nanoTime();
        state = State.HANDSHAKING;
        Thread t = options.threadFactory().newThread(this::run);
        t.start();
    }

    /**
     * Feeds one incoming DTLS datagram (RFC 7983 first byte 20–63). Copies what it keeps; never blocks, never
     * throws; drops are counted.
     */
    public void receive(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len <= 0 || off > buf.length - len) {
            drop(DtlsDrop.INVALID_BOUNDS);
            return;
        }
        State s = state;
        if (s == State.FAILED || s == State.CLOSED || closeRequested) {
            drop(DtlsDrop.AFTER_CLOSE);
            return;
        }
        if (len > MAX_DATAGRAM) {
            drop(DtlsDrop.OVERSIZE);
            return;
        }
        int check = DtlsRecords.check(buf, off, len);
        if (check < 0) {
            drop(DtlsDrop.values()[-1 - check]);
            return;
        }
        if (check == DtlsRecords.ALL_APPLICATION_DATA && s == State.COMPLETE) {
            drop(DtlsDrop.APPLICATION_DATA);
            return;
        }
        byte[] copy = new byte[len]; // handshake-time only: a few datagrams per association
        System.arraycopy(buf, off, copy, 0, len);
        if (!inbound.offer(copy)) {
            drop(DtlsDrop.QUEUE_FULL);
        }
    }

    /** Datagrams dropped for {@code reason} so far. */
    public long dropped(DtlsDrop reason) {
        return drops.get(reason).sum();
    }

    /** Outgoing datagrams the sink threw on. */
    public long sinkFailures() {
        return sinkFailures.sum();
    }

    public State state() {
        return state;
    }

    public DtlsRole role() {
        return role;
    }

    /** From {@link #start()} to keys exported, once complete. */
    public Optional<Duration> handshakeDuration() {
        return Optional.ofNullable(handshakeDuration);
    }

    /**
     * Stops the engine: an unfinished handshake fails with "closed", a finished association sends close_notify
     * (through the sink) and reports {@link DtlsListener#closed}. Does not wait for the thread.
     */
    @Override
    public void close() {
        closeRequested = true;
        if (!started.get()) {
            state = State.CLOSED;
            return;
        }
        inbound.clear();
        inbound.offer(WAKE_UP);
    }

    private void drop(DtlsDrop reason) {
        drops.get(reason).increment();
    }

    private void run() {
        HandshakeState hs = new HandshakeState(local, remote, options.srtpProfiles(),
                (int) options.handshakeTimeout().toMillis());
        QueueTransport transport = new QueueTransport();
        DTLSTransport dtls;
        try {
            BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
            dtls = role == DtlsRole.SERVER
                    ? new DTLSServerProtocol().accept(new SrtpDtlsServer(crypto, hs), transport)
                    : new DTLSClientProtocol().connect(new SrtpDtlsClient(crypto, hs), transport);
        } catch (Exception e) { // IOException, and RuntimeExceptions from the stack on hostile input
            state = State.FAILED;
            String reason = describe(hs, e);
            LOG.log(Level.INFO, "{0}: DTLS handshake ({1}) failed: {2}", name, role, reason);
            report(() -> listener.handshakeFailed(reason));
            return;
        }
        handshakeDuration = Duration.ofNanos(System.nanoTime() - startNanos);
        SrtpProfile profile = hs.profile();
        byte[] material = hs.takeKeyingMaterial();
        state = State.COMPLETE;
        LOG.log(Level.DEBUG, "{0}: DTLS handshake ({1}) complete in {2} ms, {3}", name, role,
                handshakeDuration.toMillis(), profile);
        report(() -> listener.handshakeComplete(profile, material));
        serveAfterHandshake(dtls);
    }

    /** Keeps reading so the stack can answer a retransmitted final flight; counts application data. */
    private void serveAfterHandshake(DTLSTransport dtls) {
        byte[] buf = new byte[MAX_DATAGRAM];
        String reason = "closed locally";
        try {
            while (!closeRequested) {
                int n = dtls.receive(buf, 0, buf.length, 1000);
                if (n >= 0) {
                    drop(DtlsDrop.APPLICATION_DATA);
                }
            }
            dtls.close(); // close_notify
        } catch (TlsFatalAlertReceived e) {
            reason = "peer sent fatal alert " + AlertDescription.getName(e.getAlertDescription());
        } catch (Exception e) {
            reason = closeRequested ? "closed locally" : "transport error: " + e;
        }
        state = State.CLOSED;
        String why = reason;
        LOG.log(Level.DEBUG, "{0}: DTLS association closed: {1}", name, why);
        safely(() -> listener.closed(why));
    }

    private String describe(HandshakeState hs, Exception e) {
        if (hs.failure() != null) {
            return hs.failure();
        }
        if (closeRequested) {
            return "closed before the handshake completed";
        }
        if (e instanceof TlsFatalAlertReceived r) {
            return "peer sent fatal alert " + AlertDescription.getName(r.getAlertDescription());
        }
        if (e instanceof TlsTimeoutException) {
            return "handshake timed out after " + options.handshakeTimeout().toMillis() + " ms";
        }
        if (e instanceof TlsFatalAlert a) {
            return "sent fatal alert " + AlertDescription.getName(a.getAlertDescription())
                    + (a.getMessage() != null ? ": " + a.getMessage() : "");
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void report(Runnable event) {
        if (reported.compareAndSet(false, true)) {
            safely(event);
        }
    }

    private void safely(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": DTLS listener threw", e);
        }
    }

    /** BouncyCastle's view of the queue and the sink. */
    private final class QueueTransport implements DatagramTransport {

        @Override
        public int getReceiveLimit() {
            return MAX_DATAGRAM;
        }

        @Override
        public int getSendLimit() {
            return SEND_LIMIT;
        }

        @Override
        public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
            long wait = waitMillis;
            if (state == State.HANDSHAKING) {
                long left = options.handshakeTimeout().toMillis()
                        - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
                if (left <= 0) {
                    throw new TlsTimeoutException("handshake timed out");
                }
                wait = Math.min(wait, left);
            }
            byte[] datagram;
            try {
                datagram = inbound.poll(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("DTLS engine interrupted");
            }
            if (datagram == null) {
                return -1;
            }
            if (datagram == WAKE_UP || closeRequested) {
                throw new IOException("DTLS engine closed");
            }
            int n = Math.min(len, datagram.length);
            System.arraycopy(datagram, 0, buf, off, n);
            return n;
        }

        @Override
        public void send(byte[] buf, int off, int len) {
            try {
                sink.send(buf, off, len);
            } catch (RuntimeException e) {
                sinkFailures.increment();
                LOG.log(Level.DEBUG, "{0}: DTLS sink threw: {1}", name, e);
            }
        }

        @Override
        public void close() {
        }
    }
}

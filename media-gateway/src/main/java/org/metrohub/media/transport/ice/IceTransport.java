package org.metrohub.media.transport.ice;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidatePairState;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;
import org.metrohub.media.sdp.Candidate;

/**
 * One WebRTC endpoint's ICE (RFC 8445), full ICE in the controlled role (we answer browser offers; ice4j has no
 * ICE-lite): one ice4j {@link Agent} with one stream and one component (BUNDLE + rtcp-mux) whose host candidates
 * come from the node's shared {@link IceHarvesters}.
 *
 * <p>Lifecycle: construct (candidates gathered) → {@link #setRemoteCredentials} and {@link #addRemoteCandidate}
 * (also trickled later) → {@link #start()} → the {@link IceListener} hears CONNECTING, CONNECTED with the selected
 * pair, maybe FAILED → {@link #close()} (CLOSED). After {@code start()} one daemon thread named {@code
 * ice-recv-<endpointId>} reads the component socket (STUN already taken out by ice4j, only addresses of succeeded
 * pairs let through) into one reused buffer and hands each datagram to the {@link DatagramHandler}.
 *
 * <p>Consent (RFC 7675): with {@link IceSettings#consentFreshness()} ice4j sends consent checks on the selected pair;
 * if none is confirmed and nothing arrives for {@link IceSettings#consentTimeout()} (checked once a second against
 * the {@link IceHarvesters} clock), the transport reports FAILED. One unanswered check is counted, not fatal.
 */
public final class IceTransport implements AutoCloseable {

    static {
        Ice4jDefaults.apply();
    }

    private static final System.Logger LOG = System.getLogger(IceTransport.class.getName());

    /** Receive buffer: larger than any datagram ice4j hands over (its buffers are MTU-sized). */
    static final int RECEIVE_BUFFER = 2048;
    /** How long {@link #close()} may block in total: freeing the agent, then the receive thread's end. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final String endpointId;
    private final IceHarvesters harvesters;
    private final IceListener listener;
    private final DatagramHandler handler;
    private final Agent agent;
    private final IceMediaStream stream;
    private final Component component;
    private final List<Candidate> localCandidates;
    private final PropertyChangeListener agentListener = this::agentStateChanged;
    private final PropertyChangeListener pairListener = this::pairChanged;
    private final Object lock = new Object();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final LongAdder[] drops = new LongAdder[IceDrop.values().length];
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder ignoredCandidates = new LongAdder();
    private final LongAdder consentConfirmations = new LongAdder();
    private final LongAdder unansweredConsentChecks = new LongAdder();
    /** When the peer last sent us anything (a datagram through the component socket), by the harvesters' clock. */
    private volatile long lastReceivedMillis;
    private volatile IceState state = IceState.NEW;
    private volatile String selectedPair;
    private volatile Instant lastConsent;
    private volatile Thread receiver;

    /**
     * Creates the agent and gathers its candidates from the shared harvesters (no network traffic).
     *
     * @param endpointId for logs and the receive thread's name
     * @throws IOException if ice4j cannot create the component
     */
    public IceTransport(String endpointId, IceHarvesters harvesters, IceListener listener, DatagramHandler handler)
            throws IOException {
        this.endpointId = Objects.requireNonNull(endpointId, "endpointId");
        this.harvesters = Objects.requireNonNull(harvesters, "harvesters");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.handler = Objects.requireNonNull(handler, "handler");
        for (int i = 0; i < drops.length; i++) {
            drops[i] = new LongAdder();
        }
        agent = new Agent();
        try {
            agent.setControlling(false);
            agent.setUseDynamicPorts(false);
            agent.setPerformConsentFreshness(harvesters.settings().consentFreshness());
            harvesters.attach(agent);
            agent.addStateChangeListener(agentListener);
            stream = agent.createMediaStream("bundle");
            stream.addPairChangeListener(pairListener);
            component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, true);
        } catch (IOException | RuntimeException e) {
            agent.free();
            throw e;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (LocalCandidate c : component.getLocalCandidates()) {
            candidates.add(Candidates.toSdp(c));
        }
        if (candidates.isEmpty()) {
            agent.free();
            throw new IOException("no local ICE candidate for " + endpointId);
        }
        localCandidates = List.copyOf(candidates);
        harvesters.register(this);
    }

    public String endpointId() {
        return endpointId;
    }

    /** Our {@code a=ice-ufrag}: the shared port routes a peer's checks to this transport by it. */
    public String localUfrag() {
        return agent.getLocalUfrag();
    }

    /** Our {@code a=ice-pwd}. */
    public String localPassword() {
        return agent.getLocalPassword();
    }

    /** Host candidates on the shared UDP (and TCP passive) ports, plus advertised NAT mappings as srflx. */
    public List<Candidate> localCandidates() {
        return localCandidates;
    }

    /** The peer's {@code a=ice-ufrag} and {@code a=ice-pwd}; needed before {@link #start()}. */
    public void setRemoteCredentials(String ufrag, String password) {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(password, "password");
        if (ufrag.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException("remote ufrag and password must not be empty");
        }
        stream.setRemoteUfrag(ufrag);
        stream.setRemotePassword(password);
    }

    /**
     * Adds a peer candidate, before or after {@link #start()} (trickle ICE). Unusable candidates (component other
     * than 1, unknown transport or type, host names, {@code tcptype active} on the discard port 9) are ignored and
     * counted.
     *
     * @return whether the candidate was handed to ICE
     */
    public boolean addRemoteCandidate(Candidate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        RemoteCandidate remote = Candidates.toIce4j(candidate, component);
        if (remote == null) {
            ignoredCandidates.increment();
            return false;
        }
        synchronized (lock) {
            if (closeRequested.get()) {
                ignoredCandidates.increment();
                return false;
            }
            if (started.get()) {
                component.addUpdateRemoteCandidates(remote);
                component.updateRemoteCandidates();
            } else {
                component.addRemoteCandidate(remote);
            }
        }
        return true;
    }

    /**
     * Starts connectivity checks and the receive thread; reports CONNECTING. Later calls do nothing.
     *
     * @throws IllegalStateException without remote credentials, or after close
     */
    public void start() {
        synchronized (lock) {
            if (closeRequested.get()) {
                throw new IllegalStateException("transport " + endpointId + " is closed");
            }
            if (stream.getRemoteUfrag() == null || stream.getRemotePassword() == null) {
                throw new IllegalStateException("setRemoteCredentials before start");
            }
            if (!started.compareAndSet(false, true)) {
                return;
            }
            transition(IceState.NEW, IceState.CONNECTING, "");
            Thread t = Thread.ofPlatform().daemon().name("ice-recv-" + endpointId).unstarted(this::receiveLoop);
            receiver = t;
            t.start();
            agent.startConnectivityEstablishment();
        }
    }

    /**
     * Sends one datagram on the selected pair. Never throws: before CONNECTED, after FAILED/CLOSED, with bad bounds
     * or when the socket fails, the datagram is dropped and counted.
     */
    public void send(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            drop(IceDrop.SEND_INVALID_BOUNDS);
            return;
        }
        IceState s = state;
        if (s != IceState.CONNECTED) {
            drop(s == IceState.FAILED || s == IceState.CLOSED ? IceDrop.SEND_AFTER_CLOSE : IceDrop.SEND_NOT_CONNECTED);
            return;
        }
        try {
            component.send(buf, off, len);
            sent.increment();
        } catch (IOException | RuntimeException e) {
            drop(IceDrop.SEND_FAILED);
        }
    }

    public IceState state() {
        return state;
    }

    /** The selected pair as text, once CONNECTED. */
    public Optional<String> selectedPair() {
        return Optional.ofNullable(selectedPair);
    }

    public long dropped(IceDrop reason) {
        return drops[reason.ordinal()].sum();
    }

    /** Datagrams handed to the {@link DatagramHandler}. */
    public long received() {
        return received.sum();
    }

    public long sent() {
        return sent.sum();
    }

    /** Remote candidates {@link #addRemoteCandidate} refused. */
    public long ignoredRemoteCandidates() {
        return ignoredCandidates.sum();
    }

    /** Consent checks on the selected pair the peer answered (RFC 7675). */
    public long consentConfirmations() {
        return consentConfirmations.sum();
    }

    /** Consent checks on the selected pair that went unanswered (not fatal on their own, RFC 7675 §5.1). */
    public long unansweredConsentChecks() {
        return unansweredConsentChecks.sum();
    }

    /** When consent was last confirmed (or the pair selected), by the harvesters' clock. */
    public Optional<Instant> lastConsent() {
        return Optional.ofNullable(lastConsent);
    }

    /**
     * Reports FAILED if connected and, for {@link IceSettings#consentTimeout()}, no consent was confirmed and
     * nothing arrived from the peer (a browser that still sends media and checks is there, whatever one of ice4j's
     * checks said). Called
     * once a second by {@link IceHarvesters}; tests call it after moving the clock.
     */
    public void checkConsent() {
        IceSettings settings = harvesters.settings();
        Instant last = lastConsent;
        if (state != IceState.CONNECTED || !settings.consentFreshness() || last == null) {
            return;
        }
        Instant now = harvesters.clock().instant();
        Duration silent = Duration.between(last, now);
        Duration quiet = Duration.ofMillis(now.toEpochMilli() - lastReceivedMillis);
        if (silent.compareTo(settings.consentTimeout()) > 0 && quiet.compareTo(settings.consentTimeout()) > 0) {
            fail("consent expired: none confirmed for " + silent.toMillis() + " ms and nothing received for "
                    + quiet.toMillis() + " ms");
        }
    }

    /**
     * Reports CLOSED, frees the agent (its candidate, sockets and ufrag on the shared port; nothing of the other
     * transports there) and waits for the receive thread to end. Idempotent.
     *
     * <p><b>Blocks</b>, for at most {@link #CLOSE_TIMEOUT}: ice4j's {@code Agent.free()} closes its sockets under
     * locks ({@code SafeCloseDatagramSocket.close()} waits on a {@code ReentrantReadWriteLock} until its readers have
     * left) and the receive thread is joined. Never call it on an event loop: hand it to a thread that may block
     * (a virtual thread or a bounded pool). The agent is freed on a short-lived thread of its own, so that neither an
     * exception nor an {@link Error} thrown into the caller (as BlockHound does on an event loop) can stop ice4j
     * half-way, which would leave the ufrag registered and the sockets open on the shared port; a free that overruns
     * the bound is logged and finishes in the background. The caller's interrupt status is kept.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (!closeRequested.compareAndSet(false, true)) {
                return;
            }
        }
        IceState s = state;
        while (s != IceState.CLOSED) {
            if (transition(s, IceState.CLOSED, "")) {
                break;
            }
            s = state;
        }
        harvesters.unregister(this);
        agent.removeStateChangeListener(agentListener);
        stream.removePairStateChangeListener(pairListener);
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        Thread freeing = Thread.ofPlatform().daemon().name("ice-free-" + endpointId).start(this::freeAgent);
        boolean interrupted = awaitEnd(freeing, deadline);
        if (freeing.isAlive()) {
            LOG.log(Level.WARNING, endpointId + ": freeing the ICE agent takes longer than " + CLOSE_TIMEOUT
                    + "; it goes on in the background");
        }
        Thread t = receiver;
        if (t != null && t != Thread.currentThread()) {
            interrupted |= awaitEnd(t, deadline);
            if (t.isAlive()) {
                LOG.log(Level.WARNING, endpointId + ": receive thread still running after close");
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void freeAgent() {
        try {
            agent.free();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, endpointId + ": freeing the ICE agent failed", e);
        }
    }

    /**
     * Waits for {@code t} to end until {@code deadline} (nanoTime), through interrupts of the caller.
     *
     * @return whether the caller was interrupted meanwhile (its status is cleared; the caller restores it)
     */
    private static boolean awaitEnd(Thread t, long deadline) {
        boolean interrupted = Thread.interrupted();
        while (t.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    @Override
    public String toString() {
        return "IceTransport[" + endpointId + " ufrag=" + agent.getLocalUfrag() + " " + state + "]";
    }

    private void receiveLoop() {
        DatagramSocket socket = component.getSocket();
        byte[] buf = new byte[RECEIVE_BUFFER];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!closeRequested.get()) {
            packet.setData(buf, 0, buf.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!closeRequested.get()) {
                    LOG.log(Level.INFO, endpointId + ": receive stopped: " + e);
                }
                break;
            }
            if (Thread.currentThread().isInterrupted() || closeRequested.get()) {
                break; // ice4j's merging socket returns without data when interrupted
            }
            received.increment();
            lastReceivedMillis = harvesters.clock().millis();
            try {
                handler.onDatagram(buf, packet.getOffset(), packet.getLength());
            } catch (RuntimeException e) {
                drop(IceDrop.HANDLER_FAILED);
            }
        }
    }

    private void agentStateChanged(PropertyChangeEvent event) {
        if (!Agent.PROPERTY_ICE_PROCESSING_STATE.equals(event.getPropertyName())) {
            return;
        }
        IceProcessingState s = (IceProcessingState) event.getNewValue();
        if (s == IceProcessingState.COMPLETED) {
            CandidatePair pair = component.getSelectedPair();
            String text = pair == null ? "" : Candidates.describe(pair);
            selectedPair = text;
            lastConsent = harvesters.clock().instant();
            if (transition(IceState.CONNECTING, IceState.CONNECTED, text)) {
                LOG.log(Level.INFO, endpointId + ": ICE connected " + text);
            }
        } else if (s == IceProcessingState.FAILED) {
            fail("ICE failed: no candidate pair succeeded");
        }
    }

    private void pairChanged(PropertyChangeEvent event) {
        if (!(event.getSource() instanceof CandidatePair pair) || !pair.equals(component.getSelectedPair())) {
            return;
        }
        String property = event.getPropertyName();
        if (IceMediaStream.PROPERTY_PAIR_CONSENT_FRESHNESS_CHANGED.equals(property)) {
            consentConfirmations.increment();
            lastConsent = harvesters.clock().instant();
        } else if (IceMediaStream.PROPERTY_PAIR_STATE_CHANGED.equals(property)
                && event.getNewValue() == CandidatePairState.FAILED && state == IceState.CONNECTED) {
            // RFC 7675 §5.1: a single request may be lost; consent expires 30 s after the last answer, which
            // checkConsent() watches. (ice4j fails the pair on one unanswered check, at times with the peer
            // plainly there: seen with Chromium and with our bots.)
            unansweredConsentChecks.increment();
            LOG.log(Level.INFO, endpointId + ": a consent check on " + selectedPair + " went unanswered");
        }
    }

    private void fail(String reason) {
        IceState s = state;
        while (s == IceState.NEW || s == IceState.CONNECTING || s == IceState.CONNECTED) {
            if (transition(s, IceState.FAILED, reason)) {
                LOG.log(Level.INFO, endpointId + ": " + reason);
                return;
            }
            s = state;
        }
    }

    /**
     * Moves from {@code from} to {@code to} if still in {@code from} and tells the listener, under one lock so that
     * listeners see the states in order.
     */
    private synchronized boolean transition(IceState from, IceState to, String detail) {
        if (state != from) {
            return false;
        }
        state = to;
        try {
            listener.stateChanged(to, detail);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, endpointId + ": IceListener threw on " + to, e);
        }
        return true;
    }

    private void drop(IceDrop reason) {
        drops[reason.ordinal()].increment();
    }

    /** For tests: the receive thread, once started. */
    Thread receiveThread() {
        return receiver;
    }
}

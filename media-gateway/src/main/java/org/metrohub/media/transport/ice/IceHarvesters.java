package org.metrohub.media.transport.ice;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;
import org.ice4j.ice.harvest.StaticMappingCandidateHarvester;
import org.ice4j.ice.harvest.TcpHarvester;
import org.ice4j.util.Buffer;

/**
 * The node's ICE sockets, shared by every {@link IceTransport}: one UDP port per bind address (ice4j's {@link
 * SinglePortUdpHarvester}, demultiplexing by the local ufrag in a check's USERNAME, then by remote address), one
 * passive ICE-TCP listener (RFC 6544, ice4j's {@link TcpHarvester}) and the NAT mappings. Also runs the consent timer
 * of the registered transports (once a second, on one daemon thread). Close it after the transports.
 */
public final class IceHarvesters implements AutoCloseable {

    static {
        Ice4jDefaults.apply();
    }

    private static final System.Logger LOG = System.getLogger(IceHarvesters.class.getName());
    private static final int TCP_PROBE_ATTEMPTS = 5;

    private final IceSettings settings;
    private final InstantSource clock;
    private final List<SinglePortUdpHarvester> udp = new ArrayList<>();
    private final List<StaticMappingCandidateHarvester> udpMappings = new ArrayList<>();
    private final LoopbackCapableTcpHarvester tcp;
    private final int udpPort;
    private final int tcpPort;
    private final LongAdder unknownUfrag = new LongAdder();
    private final Set<IceTransport> transports = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService consentTimer;
    private final AtomicBoolean closed = new AtomicBoolean();

    public IceHarvesters(IceSettings settings) throws IOException {
        this(settings, InstantSource.system());
    }

    /**
     * Binds the UDP port on every bind address (port 0: the first bind picks it, the others use the same) and, unless
     * disabled, the TCP port.
     *
     * @param clock drives the consent timeout (tests move it by hand)
     * @throws IOException if a port cannot be bound (nothing stays bound then)
     */
    public IceHarvesters(IceSettings settings, InstantSource clock) throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        LoopbackCapableTcpHarvester tcpHarvester = null;
        int port = settings.udpPort();
        try {
            for (String address : settings.bindAddresses()) {
                SinglePortUdpHarvester h = new CountingUdpHarvester(
                        new TransportAddress(IceSettings.literal("bindAddresses", address), port, Transport.UDP),
                        unknownUfrag);
                udp.add(h);
                port = h.getLocalAddress().getPort();
            }
            for (IceSettings.AddressMapping m : settings.advertisedAddresses()) {
                udpMappings.add(new StaticMappingCandidateHarvester(
                        new TransportAddress(m.publicAddress(), 9, Transport.UDP),
                        new TransportAddress(m.localAddress(), 9, Transport.UDP),
                        "advertised " + m.localAddress() + " as " + m.publicAddress(), false));
            }
            if (settings.tcpPort() != IceSettings.TCP_DISABLED) {
                tcpHarvester = bindTcp(settings);
                for (IceSettings.AddressMapping m : settings.advertisedAddresses()) {
                    tcpHarvester.addMappedAddress(IceSettings.literal("publicAddress", m.publicAddress()),
                            IceSettings.literal("localAddress", m.localAddress()));
                }
            }
        } catch (IOException | RuntimeException e) {
            udp.forEach(SinglePortUdpHarvester::close);
            throw e;
        }
        this.udpPort = port;
        this.tcp = tcpHarvester;
        this.tcpPort = tcpHarvester == null ? 0 : tcpHarvester.port();
        this.consentTimer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("ice-consent").unstarted(r));
        consentTimer.scheduleWithFixedDelay(this::checkConsent, 1, 1, TimeUnit.SECONDS);
        LOG.log(Level.INFO, "ICE on " + settings.bindAddresses() + " udp " + udpPort
                + (tcp == null ? ", no ICE-TCP" : ", tcp " + tcpPort));
    }

    private static LoopbackCapableTcpHarvester bindTcp(IceSettings settings) throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (String a : settings.bindAddresses()) {
            addresses.add(IceSettings.literal("bindAddresses", a));
        }
        if (settings.tcpPort() != IceSettings.TCP_EPHEMERAL) {
            return new LoopbackCapableTcpHarvester(tcpAddresses(addresses, settings.tcpPort()));
        }
        // ice4j's TCP listener does not report the port it bound, and the candidates carry the configured one: pick a
        // free port with a probe bind first, and retry if someone takes it in between.
        BindException last = null;
        for (int i = 0; i < TCP_PROBE_ATTEMPTS; i++) {
            int port;
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(addresses.get(0), 0));
                port = probe.getLocalPort();
            }
            try {
                return new LoopbackCapableTcpHarvester(tcpAddresses(addresses, port));
            } catch (BindException e) {
                last = e;
            }
        }
        throw last;
    }

    private static List<TransportAddress> tcpAddresses(List<InetAddress> addresses, int port) {
        List<TransportAddress> out = new ArrayList<>();
        for (InetAddress a : addresses) {
            out.add(new TransportAddress(a, port, Transport.TCP));
        }
        return out;
    }

    /** The UDP port every endpoint's host candidates use (the bound one when configured as 0). */
    public int udpPort() {
        return udpPort;
    }

    /** The ICE-TCP port, 0 when disabled. */
    public int tcpPort() {
        return tcpPort;
    }

    public IceSettings settings() {
        return settings;
    }

    /**
     * STUN Binding requests that reached the shared UDP port from a new remote address with a USERNAME whose local
     * ufrag belongs to no live transport (ice4j drops them; we count).
     */
    public long unknownUfragRequests() {
        return unknownUfrag.sum();
    }

    InstantSource clock() {
        return clock;
    }

    /** Gives a new agent the shared host harvesters and the NAT mappings. */
    void attach(Agent agent) {
        if (closed.get()) {
            throw new IllegalStateException("IceHarvesters is closed");
        }
        for (SinglePortUdpHarvester h : udp) {
            agent.addCandidateHarvester(h);
        }
        if (tcp != null) {
            agent.addCandidateHarvester(tcp);
        }
        for (StaticMappingCandidateHarvester m : udpMappings) {
            agent.addCandidateHarvester(m);
        }
    }

    void register(IceTransport transport) {
        transports.add(transport);
    }

    void unregister(IceTransport transport) {
        transports.remove(transport);
    }

    private void checkConsent() {
        for (IceTransport t : transports) {
            try {
                t.checkConsent();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "consent check failed for " + t, e);
            }
        }
    }

    /**
     * Stops the consent timer and releases the ports (ice4j's TCP accept thread lets go of its port within about 3
     * s). Transports still open stop receiving.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        consentTimer.shutdownNow();
        udp.forEach(SinglePortUdpHarvester::close);
        if (tcp != null) {
            tcp.close();
        }
    }

    /** Counts checks for ufrags no transport owns (ice4j drops them silently). */
    private static final class CountingUdpHarvester extends SinglePortUdpHarvester {
        private final LongAdder unknownUfrag;

        CountingUdpHarvester(TransportAddress localAddress, LongAdder unknownUfrag) throws IOException {
            super(localAddress);
            this.unknownUfrag = unknownUfrag;
        }

        @Override
        protected MySocket maybeAcceptNewSession(Buffer buf, InetSocketAddress remoteAddress, String ufrag) {
            MySocket socket = super.maybeAcceptNewSession(buf, remoteAddress, ufrag);
            if (socket == null) {
                unknownUfrag.increment();
            }
            return socket;
        }
    }

    /**
     * ice4j's TCP listener drops every loopback address ({@code HostCandidateHarvester.isAddressAllowed}) before
     * binding; we bind exactly the addresses we were given.
     */
    private static final class LoopbackCapableTcpHarvester extends TcpHarvester {
        LoopbackCapableTcpHarvester(List<TransportAddress> addresses) throws IOException {
            super(addresses);
        }

        @Override
        protected void addLocalAddresses(List<TransportAddress> transportAddresses) {
            localAddresses.addAll(transportAddresses);
        }

        int port() {
            return localAddresses.get(0).getPort();
        }
    }
}

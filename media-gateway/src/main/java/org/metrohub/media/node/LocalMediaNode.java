package org.metrohub.media.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.Endpoint;
import org.metrohub.media.sfu.EndpointObserver;
import org.metrohub.media.sfu.EndpointStats;
import org.metrohub.media.sfu.SfuContext;
import org.metrohub.media.sfu.TrafficTotals;
import org.metrohub.media.transport.dtls.DtlsCertificate;
import org.metrohub.media.transport.ice.IceHarvesters;
import org.metrohub.media.transport.srtp.SrtpWarmUp;

/**
 * A media node in this JVM: the shared ICE ports, one DTLS certificate made at start, SRTP warmed up, and the
 * open rooms. portal-api runs one of these in-process (the embedded default); {@link ControlHttpServer} serves
 * its control API to remote callers.
 */
public final class LocalMediaNode implements MediaNode {

    private static final System.Logger LOG = System.getLogger(LocalMediaNode.class.getName());
    private static final double MIN_RATE_WINDOW_SECONDS = 0.5;

    private final NodeSettings settings;
    private final IceHarvesters harvesters;
    private final ScheduledExecutorService scheduler;
    private final SfuContext context;
    private final Map<String, Conference> rooms = new ConcurrentHashMap<>();
    private final List<EndpointObserver> observers = new CopyOnWriteArrayList<>();
    /** Guards changes to {@link #rooms} together with {@link #closedRooms}, so totals never go back. */
    private final Object roomsLock = new Object();
    private TrafficTotals closedRooms = TrafficTotals.ZERO;
    private final Object loadLock = new Object();
    private long lastLoadNanos;
    private long lastLoadPackets;
    private double lastLoadRate;
    private volatile boolean draining;
    private volatile boolean closed;

    /**
     * Binds the media ports and prepares the crypto.
     *
     * @throws UncheckedIOException when a media port cannot be bound (the message names it)
     */
    public LocalMediaNode(NodeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        long start = System.nanoTime();
        SrtpWarmUp.warmUp();
        DtlsCertificate certificate = DtlsCertificate.generate();
        try {
            this.harvesters = new IceHarvesters(settings.ice());
        } catch (IOException e) {
            throw new UncheckedIOException("The media node cannot bind UDP port " + settings.ice().udpPort()
                    + " / TCP port " + settings.ice().tcpPort() + " on " + settings.ice().bindAddresses()
                    + ": " + e.getMessage(), e);
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("media-node-" + settings.nodeId()).factory());
        this.context = new SfuContext(certificate, IceEndpointTransport.factory(harvesters), settings.sfu(),
                System::nanoTime, scheduler, new SecureRandom(), new EndpointObserver() {
                    @Override
                    public void joined(Conference conference, Endpoint endpoint) {
                        for (EndpointObserver o : observers) {
                            o.joined(conference, endpoint);
                        }
                    }

                    @Override
                    public void left(Conference conference, Endpoint endpoint) {
                        for (EndpointObserver o : observers) {
                            o.left(conference, endpoint);
                        }
                    }
                });
        this.lastLoadNanos = System.nanoTime();
        LOG.log(Level.INFO, "Media node {0} ready in {1} ms: UDP {2}, ICE-TCP {3}, on {4}; DTLS fingerprint {5}",
                settings.nodeId(), String.valueOf((System.nanoTime() - start) / 1_000_000),
                String.valueOf(harvesters.udpPort()),
                harvesters.tcpPort() == 0 ? "off" : String.valueOf(harvesters.tcpPort()),
                settings.ice().bindAddresses(), certificate.sdpFingerprint());
    }

    /** The UDP port all endpoints share (the bound one when settings asked for any free port). */
    public int udpPort() {
        return harvesters.udpPort();
    }

    /** The ICE-TCP port, 0 when off. */
    public int tcpPort() {
        return harvesters.tcpPort();
    }

    public NodeSettings settings() {
        return settings;
    }

    @Override
    public Conference openRoom(String roomId) {
        if (closed) {
            throw new IllegalStateException("The media node is shut down.");
        }
        Conference open = rooms.get(roomId);
        if (open != null && !open.isClosed()) {
            return open;
        }
        if (draining) {
            throw new IllegalStateException("The media node is draining and takes no new rooms.");
        }
        synchronized (roomsLock) {
            Conference existing = rooms.get(roomId);
            if (existing != null && !existing.isClosed()) {
                return existing;
            }
            Conference created = new Conference(roomId, context);
            rooms.put(roomId, created);
            if (existing != null) { // closed by itself: keep what it carried
                closedRooms = closedRooms.plus(existing.totals());
            }
            return created;
        }
    }

    @Override
    public Optional<Conference> room(String roomId) {
        return Optional.ofNullable(rooms.get(roomId)).filter(c -> !c.isClosed());
    }

    @Override
    public boolean closeRoom(String roomId, String reason) {
        Conference conference;
        synchronized (roomsLock) {
            conference = rooms.remove(roomId);
            if (conference == null) {
                return false;
            }
            closedRooms = closedRooms.plus(conference.totals());
        }
        conference.close(reason);
        return true;
    }

    /**
     * Hears every endpoint of this node join and leave (see {@link EndpointObserver} for the threading rules).
     * Endpoints already in a room are not replayed.
     */
    public void addObserver(EndpointObserver observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
    }

    public void removeObserver(EndpointObserver observer) {
        observers.remove(observer);
    }

    /**
     * What the node carried since it started, closed rooms included: monotonic counters for metrics. Packets an
     * endpoint handles while its transport closes after it left are not counted.
     */
    public TrafficTotals totals() {
        synchronized (roomsLock) {
            TrafficTotals sum = closedRooms;
            for (Conference c : rooms.values()) {
                sum = sum.plus(c.totals());
            }
            return sum;
        }
    }

    /** STUN checks to the shared UDP port for a local ufrag no endpoint owns (stale or stray peers). */
    public long iceUnknownUfragRequests() {
        return harvesters.unknownUfragRequests();
    }

    @Override
    public List<RoomSummary> rooms() {
        List<RoomSummary> out = new ArrayList<>();
        rooms.forEach((id, c) -> {
            if (!c.isClosed()) {
                out.add(new RoomSummary(id, c.size()));
            }
        });
        return out;
    }

    @Override
    public List<EndpointStats> endpoints(String roomId) {
        return room(roomId).map(Conference::stats).orElse(List.of());
    }

    @Override
    public NodeLoad load() {
        int roomCount = 0;
        int endpoints = 0;
        int streams = 0;
        for (Conference c : rooms.values()) {
            if (c.isClosed()) {
                continue;
            }
            roomCount++;
            for (EndpointStats e : c.stats()) {
                endpoints++;
                streams += e.tracks().size();
            }
        }
        TrafficTotals totals = totals();
        long packets = totals.packetsReceived() + totals.packetsSent();
        double rate;
        synchronized (loadLock) {
            long now = System.nanoTime();
            double seconds = (now - lastLoadNanos) / 1e9;
            if (seconds >= MIN_RATE_WINDOW_SECONDS) {
                lastLoadRate = Math.max(0, packets - lastLoadPackets) / seconds;
                lastLoadNanos = now;
                lastLoadPackets = packets;
            }
            rate = lastLoadRate; // callers in quick succession (a scrape, an operator) share one window
        }
        double cpu = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = os.getProcessCpuLoad();
        }
        return new NodeLoad(settings.nodeId(), roomCount, endpoints, streams, rate, cpu, draining);
    }

    @Override
    public void drain() {
        if (!draining) {
            draining = true;
            LOG.log(Level.INFO, "Media node {0} draining: {1} rooms stay until they close", settings.nodeId(),
                    rooms.size());
        }
    }

    @Override
    public boolean draining() {
        return draining;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String id : List.copyOf(rooms.keySet())) {
            closeRoom(id, "media node shut down");
        }
        scheduler.shutdownNow();
        harvesters.close();
        LOG.log(Level.INFO, "Media node {0} shut down", settings.nodeId());
    }
}

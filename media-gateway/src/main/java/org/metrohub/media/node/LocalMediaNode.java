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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.EndpointStats;
import org.metrohub.media.sfu.SfuContext;
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

    private final NodeSettings settings;
    private final IceHarvesters harvesters;
    private final ScheduledExecutorService scheduler;
    private final SfuContext context;
    private final Map<String, Conference> rooms = new ConcurrentHashMap<>();
    private final Object loadLock = new Object();
    private long lastLoadNanos;
    private long lastLoadPackets;
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
                System::nanoTime, scheduler, new SecureRandom());
        this.lastLoadNanos = System.nanoTime();
        LOG.log(Level.INFO, "Media node {0} ready in {1} ms: UDP {2}, ICE-TCP {3}, on {4}; DTLS fingerprint {5}",
                settings.nodeId(), (System.nanoTime() - start) / 1_000_000, harvesters.udpPort(),
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
        return rooms.compute(roomId, (id, existing) ->
                existing != null && !existing.isClosed() ? existing : new Conference(id, context));
    }

    @Override
    public Optional<Conference> room(String roomId) {
        return Optional.ofNullable(rooms.get(roomId)).filter(c -> !c.isClosed());
    }

    @Override
    public boolean closeRoom(String roomId, String reason) {
        Conference conference = rooms.remove(roomId);
        if (conference == null) {
            return false;
        }
        conference.close(reason);
        return true;
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
        long packets = 0;
        for (Conference c : rooms.values()) {
            if (c.isClosed()) {
                continue;
            }
            roomCount++;
            for (EndpointStats e : c.stats()) {
                endpoints++;
                streams += e.tracks().size();
                packets += e.packetsReceived() + e.packetsSent();
            }
        }
        double rate;
        synchronized (loadLock) {
            long now = System.nanoTime();
            double seconds = (now - lastLoadNanos) / 1e9;
            rate = seconds > 0 ? Math.max(0, packets - lastLoadPackets) / seconds : 0;
            lastLoadNanos = now;
            lastLoadPackets = packets;
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

package org.metrohub.portal.media;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.metrohub.media.node.LocalMediaNode;
import org.metrohub.media.node.NodeLoad;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.Drop;
import org.metrohub.media.sfu.Endpoint;
import org.metrohub.media.sfu.EndpointObserver;
import org.metrohub.media.sfu.TrafficTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The in-process media node's metrics (Prometheus names in portal-api/README.md):
 * <ul>
 *   <li>node gauges from {@link LocalMediaNode#load()}: rooms, endpoints, streams, packets/s, CPU, draining
 *       (one load sample serves a whole scrape);</li>
 *   <li>node counters from {@link LocalMediaNode#totals()}: RTP packets and bytes in and out, keyframe requests,
 *       drops for every {@link Drop} reason, summed over all conferences, closed ones included; STUN checks for
 *       unknown ICE ufrags;</li>
 *   <li>per endpoint, tagged {@code room} and {@code endpoint}: packets and bytes in and out, keyframe requests,
 *       drops (all reasons; the breakdown is in {@code GET /api/rooms/{id}/media}). Registered when the endpoint
 *       joins and removed when it leaves, so series exist only for endpoints on the node now (at most
 *       {@code metrohub.media.max-participants} per open room).</li>
 * </ul>
 * Every value is read from counters the media path keeps anyway, at scrape time.
 */
@Component
public class MediaNodeMetrics implements MeterBinder, EndpointObserver {

    private static final Logger LOG = LoggerFactory.getLogger(MediaNodeMetrics.class);
    private static final long LOAD_SAMPLE_NANOS = 1_000_000_000L;

    private final LocalMediaNode node;
    private final Object lock = new Object();
    /**
     * room + NUL + endpoint id → the registered meters of that endpoint instance; guarded by {@link #lock}. Holds
     * the endpoint strongly: function counters keep only a weak reference to what they read.
     */
    private final Map<String, Registered> endpoints = new HashMap<>();
    private MeterRegistry registry;
    private final Object loadLock = new Object();
    private NodeLoad load;
    private long loadNanos;

    private record Registered(Endpoint endpoint, List<Meter> meters) {
    }

    public MediaNodeMetrics(LocalMediaNode node) {
        this.node = node;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        synchronized (lock) {
            if (this.registry != null) {
                LOG.warn("media metrics are already bound to {}; not binding to {}", this.registry, registry);
                return;
            }
            this.registry = registry;
        }
        gauge(registry, "metrohub.media.rooms", "rooms open on the media node", l -> l.rooms());
        gauge(registry, "metrohub.media.endpoints", "participants connected to the media node", l -> l.endpoints());
        gauge(registry, "metrohub.media.streams", "tracks sent and received by the node's endpoints",
                l -> l.streams());
        gauge(registry, "metrohub.media.packets.per.second",
                "RTP packets received plus forwarded per second, over the last sampling interval",
                NodeLoad::packetsPerSecond);
        gauge(registry, "metrohub.media.cpu.load", "the node process's CPU use in [0, 1], -1 when unknown",
                NodeLoad::cpuLoad);
        gauge(registry, "metrohub.media.draining", "1 while the node takes no new rooms", l -> l.draining() ? 1 : 0);

        counter(registry, "metrohub.media.packets", null, "RTP packets received from senders", Tags.of("direction", "in"),
                TrafficTotals::packetsReceived);
        counter(registry, "metrohub.media.packets", null, "RTP packets forwarded to receivers",
                Tags.of("direction", "out"), TrafficTotals::packetsSent);
        counter(registry, "metrohub.media.bytes", BaseUnits.BYTES, "RTP bytes received from senders",
                Tags.of("direction", "in"), TrafficTotals::bytesReceived);
        counter(registry, "metrohub.media.bytes", BaseUnits.BYTES, "RTP bytes forwarded to receivers",
                Tags.of("direction", "out"), TrafficTotals::bytesSent);
        counter(registry, "metrohub.media.keyframe.requests", null, "keyframe requests (PLI) sent to senders",
                Tags.empty(), TrafficTotals::keyframeRequests);
        for (Drop reason : Drop.values()) {
            counter(registry, "metrohub.media.dropped", null, "datagrams and packets the media node dropped, by reason",
                    Tags.of("reason", reasonTag(reason)), t -> t.dropped(reason));
        }
        FunctionCounter.builder("metrohub.media.ice.unknown.ufrag", node, LocalMediaNode::iceUnknownUfragRequests)
                .description("STUN checks to the shared UDP port for an ICE ufrag no endpoint owns")
                .register(registry);
        node.addObserver(this);
    }

    @PreDestroy
    void unbind() {
        node.removeObserver(this);
    }

    /** The tag value of a drop reason: its name in lower case, e.g. {@code srtp_auth}. */
    static String reasonTag(Drop reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<NodeLoad> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.load()))
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    private void counter(MeterRegistry registry, String name, String unit, String description, Tags tags,
                         ToLongFunction<TrafficTotals> value) {
        FunctionCounter.builder(name, node, n -> value.applyAsLong(n.totals()))
                .description(description)
                .baseUnit(unit)
                .tags(tags)
                .register(registry);
    }

    /** One load sample per second at most: a scrape reads six gauges of it. */
    private NodeLoad load() {
        synchronized (loadLock) {
            long now = System.nanoTime();
            if (load == null || now - loadNanos >= LOAD_SAMPLE_NANOS) {
                load = node.load();
                loadNanos = now;
            }
            return load;
        }
    }

    // ------------------------------------------------------------------------------------- per endpoint

    @Override
    public void joined(Conference conference, Endpoint endpoint) {
        synchronized (lock) {
            if (registry == null) {
                return;
            }
            String key = conference.id() + '\0' + endpoint.id();
            Registered earlier = endpoints.remove(key);
            if (earlier != null) { // a reconnect whose predecessor's leave has not arrived yet
                earlier.meters().forEach(registry::remove);
            }
            Tags tags = Tags.of("room", conference.id(), "endpoint", endpoint.id());
            List<Meter> meters = List.of(
                    endpointCounter("metrohub.media.endpoint.packets", null, "RTP packets from and to one endpoint",
                            tags.and("direction", "in"), endpoint, Endpoint::packetsReceived),
                    endpointCounter("metrohub.media.endpoint.packets", null, "RTP packets from and to one endpoint",
                            tags.and("direction", "out"), endpoint, Endpoint::packetsSent),
                    endpointCounter("metrohub.media.endpoint.bytes", BaseUnits.BYTES, "RTP bytes from and to one endpoint",
                            tags.and("direction", "in"), endpoint, Endpoint::bytesReceived),
                    endpointCounter("metrohub.media.endpoint.bytes", BaseUnits.BYTES, "RTP bytes from and to one endpoint",
                            tags.and("direction", "out"), endpoint, Endpoint::bytesSent),
                    endpointCounter("metrohub.media.endpoint.keyframe.requests", null,
                            "keyframe requests sent to one endpoint", tags, endpoint, Endpoint::keyframeRequestsSent),
                    endpointCounter("metrohub.media.endpoint.dropped", null,
                            "datagrams and packets one endpoint's path dropped, all reasons", tags, endpoint,
                            Endpoint::droppedTotal));
            endpoints.put(key, new Registered(endpoint, meters));
        }
    }

    @Override
    public void left(Conference conference, Endpoint endpoint) {
        synchronized (lock) {
            String key = conference.id() + '\0' + endpoint.id();
            Registered registered = endpoints.get(key);
            if (registered != null && registered.endpoint() == endpoint) {
                endpoints.remove(key);
                registered.meters().forEach(registry::remove);
            }
        }
    }

    private Meter endpointCounter(String name, String unit, String description, Tags tags, Endpoint endpoint,
                                  ToLongFunction<Endpoint> value) {
        return FunctionCounter.builder(name, endpoint, e -> value.applyAsLong(e))
                .description(description)
                .baseUnit(unit)
                .tags(tags)
                .register(registry);
    }
}

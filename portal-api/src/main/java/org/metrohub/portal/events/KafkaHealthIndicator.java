package org.metrohub.portal.events;

import java.time.Duration;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Kafka's part of readiness: the cluster answers, and this instance's live event reader is assigned. */
@Component("kafka")
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator {

    private final KafkaClients kafka;
    private final LiveEventHub hub;

    public KafkaHealthIndicator(KafkaClients kafka, LiveEventHub hub) {
        super("Kafka health check failed");
        this.kafka = kafka;
        this.hub = hub;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.fromFuture(kafka.admin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                        .clusterId().toCompletionStage().toCompletableFuture())
                .timeout(Duration.ofSeconds(3))
                .map(clusterId -> (hub.isAssigned() ? builder.up() : builder.down().withDetail("liveEvents", "not reading"))
                        .withDetail("clusterId", clusterId)
                        .build());
    }
}

package org.metrohub.portal.events;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Event settings ({@code metrohub.kafka.*}).
 *
 * @param bootstrapServers the Kafka brokers (set for you in the embedded default)
 * @param roomEventsTopic  the topic of room and participant events, keyed by room id
 * @param partitions       partitions of that topic when the hub creates it
 * @param replicationFactor its replication factor when the hub creates it (1 for a single broker)
 * @param outboxPollInterval how often the outbox relay looks for events it was not told about
 * @param keepAlive        how often the live event stream sends a comment to keep proxies from closing it
 */
@Validated
@ConfigurationProperties("metrohub.kafka")
public record EventsProperties(
        @NotBlank String bootstrapServers,
        @DefaultValue("metrohub.room-events") @NotBlank String roomEventsTopic,
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("500ms") @NotNull Duration outboxPollInterval,
        @DefaultValue("15s") @NotNull Duration keepAlive) {
}

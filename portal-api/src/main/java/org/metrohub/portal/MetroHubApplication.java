package org.metrohub.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the hub. The embedded engines start first, unless external ones are configured: see
 * {@link org.metrohub.portal.embedded.EmbeddedEnginesInitializer} (registered in {@code META-INF/spring.factories}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MetroHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(MetroHubApplication.class, args);
    }
}

package org.metrohub.portal;

import org.metrohub.portal.embedded.EmbeddedEnginesInitializer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the hub: the embedded engines first (unless external ones are configured), then the application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MetroHubApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with the embedded-engines initializer, as every launcher (main, tests) must build it. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(MetroHubApplication.class);
        application.addInitializers(new EmbeddedEnginesInitializer());
        return application;
    }
}

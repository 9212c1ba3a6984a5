package org.metrohub.portal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Each application context owns its Reactor Netty event loops instead of the JVM-wide ones, so closing one
 * hub in a JVM (tests start several) never shuts down the server of another.
 */
@Configuration
public class ReactorNettyConfiguration {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}

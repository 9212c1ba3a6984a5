package org.metrohub.portal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metrohub.portal.testing.TestEngines;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The initializer inside a real SpringApplication (registered through spring.factories, not by hand). */
class EmbeddedEnginesInitializerIT {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void startsTheEnginesPublishesTheirAddressesAndStopsThemWithTheContext(@TempDir Path dataDir) throws IOException {
        EmbeddedEngines engines;
        int redisPort;
        try (ConfigurableApplicationContext context = app().properties(Map.of(
                "metrohub.data-dir", dataDir.toString(),
                "metrohub.embedded.redis-port", "0",
                "metrohub.embedded.postgres-port", "0",
                "metrohub.embedded.kafka-port", "0",
                "metrohub.embedded.kafka-controller-port", "0")).run()) {
            engines = context.getBean("embeddedEngines", EmbeddedEngines.class);
            EmbeddedPostgres pg = engines.postgres().orElseThrow();
            redisPort = engines.redis().orElseThrow().port();
            var env = context.getEnvironment();
            assertThat(env.getProperty("spring.data.redis.url")).isEqualTo("redis://127.0.0.1:" + redisPort);
            assertThat(env.getProperty("spring.r2dbc.url")).isEqualTo(pg.r2dbcUrl());
            assertThat(env.getProperty("spring.flyway.url")).isEqualTo(pg.jdbcUrl());
            assertThat(env.getProperty("spring.r2dbc.password")).isEqualTo(pg.password());
            assertThat(env.getProperty("metrohub.kafka.bootstrap-servers"))
                    .isEqualTo(engines.kafka().orElseThrow().bootstrapServers());
            assertThat(EmbeddedEnginesIT.setThenGet(env.getProperty("spring.data.redis.url"), "k", "v")).isEqualTo("v");
        }
        assertThat(engines.redis()).isEmpty();
        try (ServerSocket free = new ServerSocket(redisPort, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(free.isBound()).isTrue(); // Redis let go of its port
        }
    }

    @Test
    void externalModeStartsNothing() {
        try (ConfigurableApplicationContext context = app().properties(TestEngines.get().externalProperties()).run()) {
            assertThat(context.containsBean("embeddedEngines")).isFalse();
            assertThat(context.getEnvironment().getProperty("spring.r2dbc.url"))
                    .isEqualTo(TestEngines.get().postgres().r2dbcUrl());
        }
    }

    @Test
    void aPortTakenFromAnEnvironmentVariableFailsTheStartNamingThatVariable(@TempDir Path dataDir) throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("METROHUB_DATA_DIR", dataDir.toString(),
                                    "METROHUB_EMBEDDED_REDIS_PORT", Integer.toString(squatter.getLocalPort()))));

            assertThatThrownBy(() -> app().environment(environment).run())
                    .isInstanceOf(EmbeddedPortInUseException.class)
                    .hasMessageContaining("port " + squatter.getLocalPort())
                    .hasMessageContaining("metrohub.embedded.redis-port (env METROHUB_EMBEDDED_REDIS_PORT)");
        }
    }

    private static SpringApplicationBuilder app() {
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).logStartupInfo(false);
    }
}

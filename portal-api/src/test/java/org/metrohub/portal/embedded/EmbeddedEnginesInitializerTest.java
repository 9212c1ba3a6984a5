package org.metrohub.portal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** External mode only: nothing starts, no ports. */
class EmbeddedEnginesInitializerTest {

    @Test
    void externalUrlsBecomeBootsConnectionPropertiesInBothDriverForms() {
        GenericApplicationContext context = contextWith(Map.of(
                "metrohub.redis.url", "redis://cache.city.test:6379",
                "metrohub.db.url", "postgresql://db.city.test/hub",
                "metrohub.db.username", "hub",
                "metrohub.db.password", "secret",
                "metrohub.kafka.bootstrap-servers", "k1.city.test:9092,k2.city.test:9092"));

        new EmbeddedEnginesInitializer().initialize(context);

        ConfigurableEnvironment env = context.getEnvironment();
        assertThat(env.getPropertySources().iterator().next().getName()).isEqualTo("metrohubConnections");
        assertThat(env.getProperty("spring.data.redis.url")).isEqualTo("redis://cache.city.test:6379");
        assertThat(env.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://db.city.test:5432/hub");
        assertThat(env.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://db.city.test:5432/hub");
        assertThat(env.getProperty("spring.r2dbc.username")).isEqualTo("hub");
        assertThat(env.getProperty("spring.flyway.user")).isEqualTo("hub");
        assertThat(env.getProperty("spring.r2dbc.password")).isEqualTo("secret");
        assertThat(env.getProperty("spring.flyway.password")).isEqualTo("secret");
        assertThat(env.getProperty("metrohub.kafka.bootstrap-servers")).isEqualTo("k1.city.test:9092,k2.city.test:9092");
        assertThat(context.getBeanFactory().containsSingleton("embeddedEngines")).isFalse();
    }

    @Test
    void readsTheUrlsFromEnvironmentVariables() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "METROHUB_REDIS_URL", "redis://cache.city.test:6379",
                        "METROHUB_DB_URL", "jdbc:postgresql://db.city.test:5433/hub",
                        "METROHUB_DB_USERNAME", "hub",
                        "METROHUB_KAFKA_BOOTSTRAP_SERVERS", "k1.city.test:9092")));

        new EmbeddedEnginesInitializer().initialize(context);

        ConfigurableEnvironment env = context.getEnvironment();
        assertThat(env.getProperty("spring.data.redis.url")).isEqualTo("redis://cache.city.test:6379");
        assertThat(env.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://db.city.test:5433/hub");
        assertThat(env.getProperty("spring.r2dbc.username")).isEqualTo("hub");
        assertThat(env.getProperty("metrohub.kafka.bootstrap-servers")).isEqualTo("k1.city.test:9092");
    }

    @Test
    void credentialsInTheDbUrlAreUsedWhenNoUsernameOrPasswordIsSet() {
        GenericApplicationContext context = contextWith(Map.of(
                "metrohub.redis.url", "redis://cache.city.test:6379",
                "metrohub.db.url", "postgresql://hub:pw@db.city.test/hub",
                "metrohub.kafka.bootstrap-servers", "k1.city.test:9092"));

        new EmbeddedEnginesInitializer().initialize(context);

        assertThat(context.getEnvironment().getProperty("spring.r2dbc.username")).isEqualTo("hub");
        assertThat(context.getEnvironment().getProperty("spring.flyway.password")).isEqualTo("pw");
    }

    @Test
    void embeddedDisabledWithAMissingUrlFailsNamingTheVariable() {
        GenericApplicationContext context = contextWith(Map.of(
                "metrohub.embedded.enabled", "false",
                "metrohub.redis.url", "redis://cache.city.test:6379",
                "metrohub.kafka.bootstrap-servers", "k1.city.test:9092"));

        assertThatThrownBy(() -> new EmbeddedEnginesInitializer().initialize(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("metrohub.embedded.enabled is false, so MetroHub needs external engines, but metrohub.db.url"
                        + " (env METROHUB_DB_URL) is not set. Set it, or set metrohub.embedded.enabled=true.");
    }

    @Test
    void aDbUrlOfAnotherKindFailsNamingTheProperty() {
        GenericApplicationContext context = contextWith(Map.of(
                "metrohub.redis.url", "redis://cache.city.test:6379",
                "metrohub.db.url", "mysql://db.city.test/hub",
                "metrohub.kafka.bootstrap-servers", "k1.city.test:9092"));

        assertThatThrownBy(() -> new EmbeddedEnginesInitializer().initialize(context))
                .hasMessageStartingWith("metrohub.db.url (env METROHUB_DB_URL) is not a PostgreSQL URL");
    }

    private static GenericApplicationContext contextWith(Map<String, Object> properties) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        return context;
    }
}

package org.metrohub.portal.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.metrohub.portal.embedded.EmbeddedSettings.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, per engine, between the external URL and the embedded engine, starts the embedded ones and hands the
 * addresses to Spring Boot through the highest-precedence property source {@value #PROPERTY_SOURCE}. Registered in
 * {@code META-INF/spring.factories}, so every {@code SpringApplication} on portal-api's classpath gets it.
 *
 * <p>The engines are a singleton bean named {@value #BEAN_NAME}, registered before every other bean and so
 * destroyed after all of them: the hub's clients close while their engines still run.
 */
public final class EmbeddedEnginesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY_SOURCE = "metrohubConnections";
    public static final String BEAN_NAME = "embeddedEngines";

    static final String DATA_DIR = "metrohub.data-dir";
    static final String ENABLED = "metrohub.embedded.enabled";
    static final String REDIS_URL = "metrohub.redis.url";
    static final String DB_URL = "metrohub.db.url";
    static final String DB_USERNAME = "metrohub.db.username";
    static final String DB_PASSWORD = "metrohub.db.password";
    static final String KAFKA_BOOTSTRAP_SERVERS = "metrohub.kafka.bootstrap-servers";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEnginesInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return; // a child context inherits its parent's connections
        }
        Binder binder = Binder.get(environment);
        String redisUrl = text(binder, REDIS_URL);
        String dbUrl = text(binder, DB_URL);
        String kafkaServers = text(binder, KAFKA_BOOTSTRAP_SERVERS);

        Set<Engine> embedded = EnumSet.noneOf(Engine.class);
        if (redisUrl == null) {
            embedded.add(Engine.REDIS);
        }
        if (dbUrl == null) {
            embedded.add(Engine.POSTGRES);
        }
        if (kafkaServers == null) {
            embedded.add(Engine.KAFKA);
        }
        if (!embedded.isEmpty() && !binder.bind(ENABLED, Boolean.class).orElse(true)) {
            throw new IllegalStateException(ENABLED + " is false, so MetroHub needs external engines, but "
                    + String.join(", ", missing(redisUrl, dbUrl, kafkaServers)) + " not set. Set "
                    + (embedded.size() == 1 ? "it" : "them") + ", or set " + ENABLED + "=true.");
        }

        EmbeddedEngines engines = null;
        if (!embedded.isEmpty()) {
            Path dataDir = Path.of(binder.bind(DATA_DIR, String.class).orElse("./data")).toAbsolutePath().normalize();
            EmbeddedSettings settings = new EmbeddedSettings(dataDir, embedded,
                    port(binder, EmbeddedRedis.PORT_PROPERTY, EmbeddedSettings.DEFAULT_REDIS_PORT),
                    port(binder, EmbeddedPostgres.PORT_PROPERTY, EmbeddedSettings.DEFAULT_POSTGRES_PORT),
                    port(binder, EmbeddedKafka.PORT_PROPERTY, EmbeddedSettings.DEFAULT_KAFKA_PORT),
                    port(binder, EmbeddedKafka.CONTROLLER_PORT_PROPERTY, EmbeddedSettings.DEFAULT_KAFKA_CONTROLLER_PORT));
            log.info("Starting embedded {} under {}", embedded, dataDir);
            engines = EmbeddedEngines.start(settings);
            register(context, engines);
        }

        Map<String, Object> connections = new LinkedHashMap<>();
        try {
            if (redisUrl != null) {
                requireRedisUrl(redisUrl);
                log.info("Using external Redis at {}", safeHost(redisUrl));
                connections.put("spring.data.redis.url", redisUrl);
            } else {
                connections.put("spring.data.redis.url", engines.redis().orElseThrow().url());
            }
            if (dbUrl != null) {
                DbUrl db = DbUrl.parse(dbUrl, DB_URL);
                log.info("Using external PostgreSQL at {}", db.describe());
                String username = text(binder, DB_USERNAME);
                String password = text(binder, DB_PASSWORD);
                database(connections, db.jdbcUrl(), db.r2dbcUrl(), username != null ? username : db.username(),
                        password != null ? password : db.password());
            } else {
                EmbeddedPostgres pg = engines.postgres().orElseThrow();
                database(connections, pg.jdbcUrl(), pg.r2dbcUrl(), pg.username(), pg.password());
            }
            if (kafkaServers != null) {
                log.info("Using external Kafka at {}", kafkaServers);
                connections.put(KAFKA_BOOTSTRAP_SERVERS, kafkaServers);
            } else {
                connections.put(KAFKA_BOOTSTRAP_SERVERS, engines.kafka().orElseThrow().bootstrapServers());
            }
        } catch (RuntimeException e) {
            if (engines != null) {
                engines.close();
            }
            throw e;
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, connections));
    }

    private static void database(Map<String, Object> connections, String jdbcUrl, String r2dbcUrl, String username,
                                 String password) {
        connections.put("spring.r2dbc.url", r2dbcUrl);
        connections.put("spring.flyway.url", jdbcUrl);
        if (username != null) {
            connections.put("spring.r2dbc.username", username);
            connections.put("spring.flyway.user", username);
        }
        if (password != null) {
            connections.put("spring.r2dbc.password", password);
            connections.put("spring.flyway.password", password);
        }
    }

    private static void register(ConfigurableApplicationContext context, EmbeddedEngines engines) {
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory) {
            beanFactory.registerSingleton(BEAN_NAME, engines);
            // Also runs when refresh fails, unlike a ContextClosedEvent listener.
            beanFactory.registerDisposableBean(BEAN_NAME, engines::close);
        } else {
            context.getBeanFactory().registerSingleton(BEAN_NAME, engines);
            context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {
                @Override
                public void onApplicationEvent(ContextClosedEvent event) {
                    engines.close();
                }
            });
        }
    }

    private static List<String> missing(String redisUrl, String dbUrl, String kafkaServers) {
        var names = new java.util.ArrayList<String>();
        if (redisUrl == null) {
            names.add(REDIS_URL + " (env METROHUB_REDIS_URL)");
        }
        if (dbUrl == null) {
            names.add(DB_URL + " (env METROHUB_DB_URL)");
        }
        if (kafkaServers == null) {
            names.add(KAFKA_BOOTSTRAP_SERVERS + " (env METROHUB_KAFKA_BOOTSTRAP_SERVERS)");
        }
        if (names.size() > 1) {
            names.set(names.size() - 1, "and " + names.getLast() + " are");
        } else {
            names.set(0, names.getFirst() + " is");
        }
        return names;
    }

    private static void requireRedisUrl(String url) {
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new IllegalArgumentException(REDIS_URL + " (env METROHUB_REDIS_URL) must start with redis:// or"
                    + " rediss://");
        }
    }

    private static String safeHost(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(unparseable URL)";
        }
    }

    private static int port(Binder binder, String property, int defaultPort) {
        return binder.bind(property, Integer.class).orElse(defaultPort);
    }

    private static String text(Binder binder, String property) {
        String value = binder.bind(property, String.class).map(String::strip).orElse("");
        return value.isEmpty() ? null : value;
    }
}

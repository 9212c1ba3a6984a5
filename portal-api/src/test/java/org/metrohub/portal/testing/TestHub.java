package org.metrohub.portal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.metrohub.portal.MetroHubApplication;
import reactor.blockhound.BlockHound;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real hub (the whole application on a free loopback port) running against the shared {@link TestEngines}.
 * {@link #shared()} is one hub for the whole test JVM; {@link #start(Map)} starts another with extra
 * properties (stop it yourself). Every hub started here shares one data directory, so they share the token
 * signing key the way instances of one deployment do. BlockHound watches every hub started here: a blocking
 * call on a Netty or Reactor non-blocking thread throws there.
 */
public final class TestHub implements AutoCloseable {

    private static final Path DATA_DIR;

    static {
        // A blocking call on an event loop fails the request, and so the test. Allowed: SecureRandom reads
        // /dev/urandom, which never blocks for long (UUIDs, SCRAM nonces of new database connections); Hibernate Validator reads its message bundle once, then caches it;
        // Spring's static resource lookup reads the application's own jars (the portal, the Swagger UI webjar);
        // Spring Data Redis briefly locks around its shared connection (connecting there stays forbidden), and
        // Lettuce's endpoint briefly parks writers while a reconnect swaps the channel.
        BlockHound.install(builder -> builder
                .allowBlockingCallsInside("java.security.SecureRandom", "nextBytes")
                .allowBlockingCallsInside("org.springframework.web.reactive.resource.PathResourceResolver", "getResource")
                .allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory", "doInLock")
                .disallowBlockingCallsInside("io.lettuce.core.RedisClient", "connect")
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters")
                .allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator", "loadBundle"));
        try {
            DATA_DIR = Files.createTempDirectory("metrohub-test-hubs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Shared {
        static final TestHub INSTANCE = start(Map.of());

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::close, "test-hub-stop"));
        }
    }

    private final ConfigurableApplicationContext context;
    private final int port;

    private TestHub(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The hub shared by every test in this JVM. */
    public static TestHub shared() {
        return Shared.INSTANCE;
    }

    /** Starts a new hub with these properties on top of the test defaults. */
    public static TestHub start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(TestEngines.get().externalProperties());
        properties.put("server.port", 0);
        properties.put("metrohub.data-dir", DATA_DIR.toString());
        properties.put("logging.structured.format.console", "");
        properties.put("metrohub.media.udp-port", 0); // several hubs per test JVM: each its own media ports
        properties.put("metrohub.media.tcp-port", -1);
        properties.putAll(extra);
        SpringApplication application = new SpringApplication(MetroHubApplication.class);
        application.setDefaultProperties(properties);
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + Objects.toString(e.getValue(), ""))
                .toArray(String[]::new);
        return new TestHub(application.run(args));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A client for this hub with a generous timeout (the machine is small and shared). */
    public WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Signs in as a demo user and returns the access token. */
    public String login(String username) {
        return login(username, "demo");
    }

    public String login(String username, String password) {
        Map<?, ?> body = client().post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) Objects.requireNonNull(body).get("accessToken");
    }

    /** The directory every test hub keeps its data in (the signing key lives under it). */
    public static Path dataDir() {
        return DATA_DIR;
    }

    @Override
    public void close() {
        context.close();
    }
}

package org.metrohub.portal.embedded;

/**
 * An embedded engine cannot start because its port on 127.0.0.1 is taken. Carries what the operator needs to fix
 * it: the engine, the port and the property (and environment variable) that moves the engine elsewhere.
 */
public final class EmbeddedPortInUseException extends RuntimeException {

    private final String engine;
    private final int port;
    private final String property;

    public EmbeddedPortInUseException(String engine, int port, String property) {
        super("Embedded " + engine + " cannot start: port " + port + " on 127.0.0.1 is already in use. Stop whatever"
                + " holds it or set " + property + " (env " + environmentVariable(property) + ") to a free port.");
        this.engine = engine;
        this.port = port;
        this.property = property;
    }

    public String engine() {
        return engine;
    }

    public int port() {
        return port;
    }

    /** The property that sets this engine's port, e.g. {@code metrohub.embedded.redis-port}. */
    public String property() {
        return property;
    }

    /** The environment variable that sets the same property, e.g. {@code METROHUB_EMBEDDED_REDIS_PORT}. */
    public String environmentVariable() {
        return environmentVariable(property);
    }

    static String environmentVariable(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}

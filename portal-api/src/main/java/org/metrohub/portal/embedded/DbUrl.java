package org.metrohub.portal.embedded;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A PostgreSQL address given as {@code postgresql://[user[:password]@]host[:port]/db[?query]} (or {@code postgres://}),
 * {@code jdbc:postgresql://…} or {@code r2dbc:postgresql://…}, turned into the JDBC and R2DBC forms. The query string
 * is passed through to both unchanged; credentials in the URL are offered as defaults.
 */
public record DbUrl(String host, int port, String database, String query, String username, String password) {

    public static final int DEFAULT_PORT = 5432;

    /** @throws IllegalArgumentException naming {@code property} if {@code url} is not a PostgreSQL URL */
    public static DbUrl parse(String url, String property) {
        String rest = url.strip();
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            rest = rest.substring("jdbc:".length());
        } else if (lower.startsWith("r2dbc:")) {
            rest = rest.substring("r2dbc:".length());
        }
        lower = rest.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
            throw invalid(property, "it must start with postgresql://, jdbc:postgresql:// or r2dbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            throw invalid(property, e.getReason());
        }
        if (uri.getHost() == null) {
            throw invalid(property, "it has no host (one host only, e.g. postgresql://db.example:5432/metrohub)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty() || database.contains("/")) {
            throw invalid(property, "it must name one database, e.g. postgresql://db.example:5432/metrohub");
        }
        String username = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            int colon = uri.getUserInfo().indexOf(':');
            username = colon < 0 ? uri.getUserInfo() : uri.getUserInfo().substring(0, colon);
            password = colon < 0 ? null : uri.getUserInfo().substring(colon + 1);
        }
        return new DbUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database, uri.getRawQuery(),
                username, password);
    }

    public String jdbcUrl() {
        return "jdbc:" + plain();
    }

    public String r2dbcUrl() {
        return "r2dbc:" + plain();
    }

    public Optional<String> usernameInUrl() {
        return Optional.ofNullable(username);
    }

    public Optional<String> passwordInUrl() {
        return Optional.ofNullable(password);
    }

    /** {@code host:port/db}, safe to log. */
    public String describe() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "DbUrl[" + describe() + "]"; // never the password
    }

    private String plain() {
        return "postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    private static IllegalArgumentException invalid(String property, String why) {
        return new IllegalArgumentException(property + " (env " + EmbeddedPortInUseException.environmentVariable(property)
                + ") is not a PostgreSQL URL: " + why);
    }
}

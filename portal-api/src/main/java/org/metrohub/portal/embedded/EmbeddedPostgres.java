package org.metrohub.portal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A real PostgreSQL (zonky's binaries from Maven Central) as a child process on loopback, its cluster in
 * {@code dataDir/pgdata} and kept across restarts. On every start it makes sure the role {@code metrohub} and the
 * database {@code metrohub} exist; the role's password is generated once and kept in {@code dataDir/password}
 * (mode 0600). TCP logins need that password (scram-sha-256, loopback only); the superuser {@code postgres} has the
 * same password, and the Unix socket is root/owner-only.
 *
 * <p>PostgreSQL (and initdb) refuse to run as root; zonky 2.x, finding itself root on Linux, runs them through
 * {@code unshare -U} so they see an unprivileged uid. That needs {@code unshare} (util-linux) and user namespaces.
 * The server output goes to {@code dataDir/postgres.log}.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String DATABASE = "metrohub";
    public static final String USERNAME = "metrohub";

    static final String ENGINE = "PostgreSQL";
    static final String PORT_PROPERTY = "metrohub.embedded.postgres-port";

    private static final String HBA = """
            # Written by MetroHub's EmbeddedPostgres on every start.
            local   all   all                  trust
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final int port;
    private final String password;
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(int port, String password) {
        this.port = port;
        this.password = password;
    }

    /**
     * Starts PostgreSQL on {@code port} (0: a free one) with its data under {@code dataDir}, reusing a cluster
     * already there, and returns once {@link #jdbcUrl()} accepts {@link #username()}/{@link #password()}.
     *
     * @throws EmbeddedPortInUseException if the port on 127.0.0.1 is taken
     */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        int actualPort = port == 0 ? Ports.free() : port;
        Ports.requireFree(ENGINE, actualPort, PORT_PROPERTY);
        EngineLogging.quiet("io.zonky.test.db.postgres");
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(dataDir.resolve("pgdata/PG_VERSION")) && !Files.exists(dataDir.resolve("password"))) {
                throw new IllegalStateException("Embedded PostgreSQL: " + dataDir.resolve("password") + " is missing but"
                        + " the cluster in " + dataDir.resolve("pgdata") + " exists. Restore the file, or delete "
                        + dataDir + " to start with an empty database.");
            }
            EmbeddedPostgres postgres = new EmbeddedPostgres(actualPort, readOrCreatePassword(dataDir.resolve("password")));
            postgres.server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("pgdata"))
                    .setCleanDataDirectory(false)
                    .setPort(actualPort)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_permissions", "0700")
                    // zonky's own readiness probe logs in as postgres over TCP: give it the password.
                    .setConnectConfig("password", postgres.password)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            try {
                postgres.prepare(dataDir.resolve("pgdata").resolve("pg_hba.conf"));
            } catch (RuntimeException | SQLException | IOException e) {
                postgres.stop();
                throw e;
            }
            return postgres;
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL started on port " + actualPort
                    + " but the metrohub role or database could not be set up: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start on port " + actualPort
                    + " (server log: " + dataDir.resolve("postgres.log") + ")", e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/metrohub}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/" + DATABASE;
    }

    /** {@code r2dbc:postgresql://127.0.0.1:PORT/metrohub}. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return password;
    }

    /** Stops PostgreSQL (fast shutdown) and keeps its data; does nothing if it is not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL on port " + port + " did not stop", e);
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Idempotent: role, database, passwords and pg_hba.conf, checked on every start. */
    private void prepare(Path hbaFile) throws SQLException, IOException {
        String superuserUrl = "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(superuserUrl, "postgres", password);
             Statement s = c.createStatement()) {
            // The password is our own hex string, so inlining it cannot break the quoting (DDL takes no parameters).
            s.execute("ALTER ROLE postgres WITH PASSWORD '" + password + "'");
            if (!exists(c, "select 1 from pg_roles where rolname = ?", USERNAME)) {
                s.execute("CREATE ROLE " + USERNAME + " LOGIN");
            }
            s.execute("ALTER ROLE " + USERNAME + " WITH LOGIN PASSWORD '" + password + "'");
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USERNAME);
            }
            if (!HBA.equals(Files.readString(hbaFile))) {
                // initdb (run by zonky) trusts everyone; from now on TCP logins need the password.
                Files.writeString(hbaFile, HBA);
                s.execute("select pg_reload_conf()");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
        return password;
    }
}

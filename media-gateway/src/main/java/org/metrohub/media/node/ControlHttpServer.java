package org.metrohub.media.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The control API of a {@link MediaNode} over HTTP/JSON, for callers in other processes (a portal placing rooms on
 * remote nodes, operators). Every request needs {@code Authorization: Bearer <node secret>}; errors are RFC 9457
 * problem documents. Served by the JDK's HTTP server on virtual threads: control calls are few and small, a web
 * framework would add nothing.
 *
 * <pre>
 *   GET    /v1/rooms                      open rooms with their endpoint counts
 *   PUT    /v1/rooms/{roomId}             open a room (201, or 200 when already open; 409 while draining)
 *   DELETE /v1/rooms/{roomId}             close a room and disconnect its endpoints (204; 404 when not open)
 *   GET    /v1/rooms/{roomId}/endpoints   endpoints with statistics (404 when not open)
 *   GET    /v1/load                       the node's load
 *   POST   /v1/drain                      take no new rooms (202 with the load)
 * </pre>
 */
public final class ControlHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ControlHttpServer.class.getName());
    private static final Pattern ROOM = Pattern.compile("/v1/rooms/([A-Za-z0-9_-]{1,64})(/endpoints)?");
    private static final int MAX_BODY = 4096;

    private final MediaNode node;
    private final byte[] secret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * Starts serving.
     *
     * @param bind   where to listen (port 0: any free port, see {@link #port()})
     * @param secret the bearer token callers must present; at least 32 characters
     */
    public ControlHttpServer(MediaNode node, InetSocketAddress bind, String secret) throws IOException {
        this.node = Objects.requireNonNull(node, "node");
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the control API secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(bind, 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.log(Level.INFO, "Media node control API on {0}", server.getAddress());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            drain(exchange.getRequestBody());
            if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                problem(exchange, 401, "Unauthorized", "A valid bearer token for this media node is required.");
                return;
            }
            route(exchange);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "control API request failed: " + exchange.getRequestURI(), e);
            problem(exchange, 500, "Internal Server Error", "The media node could not handle this request.");
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/v1/rooms")) {
            if (method.equals("GET")) {
                send(exchange, 200, node.rooms());
            } else {
                notAllowed(exchange, "GET");
            }
            return;
        }
        if (path.equals("/v1/load")) {
            if (method.equals("GET")) {
                send(exchange, 200, node.load());
            } else {
                notAllowed(exchange, "GET");
            }
            return;
        }
        if (path.equals("/v1/drain")) {
            if (method.equals("POST")) {
                node.drain();
                send(exchange, 202, node.load());
            } else {
                notAllowed(exchange, "POST");
            }
            return;
        }
        Matcher m = ROOM.matcher(path);
        if (!m.matches()) {
            problem(exchange, 404, "Not Found", "No such control resource: room ids are 1–64 of A–Z a–z 0–9 _ -.");
            return;
        }
        String roomId = m.group(1);
        if (m.group(2) != null) {
            if (!method.equals("GET")) {
                notAllowed(exchange, "GET");
            } else if (node.room(roomId).isEmpty()) {
                problem(exchange, 404, "Not Found", "Room " + roomId + " is not open on this node.");
            } else {
                send(exchange, 200, node.endpoints(roomId));
            }
            return;
        }
        switch (method) {
            case "PUT" -> {
                boolean existed = node.room(roomId).isPresent();
                try {
                    var conference = node.openRoom(roomId);
                    send(exchange, existed ? 200 : 201, new MediaNode.RoomSummary(roomId, conference.size()));
                } catch (IllegalStateException e) {
                    problem(exchange, 409, "Conflict", e.getMessage());
                }
            }
            case "DELETE" -> {
                if (node.closeRoom(roomId, "closed through the control API")) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    problem(exchange, 404, "Not Found", "Room " + roomId + " is not open on this node.");
                }
            }
            default -> notAllowed(exchange, "PUT, DELETE");
        }
    }

    private boolean authorised(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(secret, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    private void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().add("Allow", allowed);
        problem(exchange, 405, "Method Not Allowed", "Use " + allowed + " here.");
    }

    private void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        write(exchange, status, "application/problem+json", json.writeValueAsBytes(body));
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        write(exchange, status, "application/json", json.writeValueAsBytes(body));
    }

    private static void write(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Control requests carry no body; read at most a little of one so the connection can be reused. */
    private static void drain(InputStream in) throws IOException {
        in.readNBytes(MAX_BODY);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}

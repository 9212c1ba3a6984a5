package org.metrohub.portal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A media signalling client without a browser: the JDK's WebSocket on a hub's {@code /media/rooms/{id}/signal}
 * (docs/media-signalling.md). Messages are JSON objects; {@link #next(String)} waits for the next one of a type,
 * {@link #awaitClosed()} for the hub to close the socket.
 */
public final class SignallingClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> skipped = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private SignallingClient(TestHub hub, String path) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.socket = http.newWebSocketBuilder()
                .connectTimeout(TIMEOUT)
                .buildAsync(URI.create("ws://127.0.0.1:" + hub.port() + path), new Listener())
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** Opens the signalling socket of {@code roomId}. */
    public static SignallingClient open(TestHub hub, Object roomId) {
        return new SignallingClient(hub, "/media/rooms/" + roomId + "/signal");
    }

    /** Opens a WebSocket on any path of the hub. */
    public static SignallingClient openPath(TestHub hub, String path) {
        return new SignallingClient(hub, path);
    }

    /** Sends {@code {"type":"join","token":…}}. */
    public void join(String token) {
        send(JSON.createObjectNode().put("type", "join").put("token", token).toString());
    }

    /** Joins and waits for {@code joined}; returns it. */
    public JsonNode joinAndAwait(String token) {
        join(token);
        return next("joined");
    }

    /** Sends one text message; false when the socket is closed already. */
    public boolean send(String text) {
        try {
            socket.sendText(text, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The next message of {@code type}: the first one set aside earlier, else the next to arrive; others on the way
     * are set aside ({@link #skipped()}). Fails after 30 s.
     */
    public JsonNode next(String type) {
        for (JsonNode earlier : skipped) {
            if (type.equals(earlier.path("type").asString())) {
                skipped.remove(earlier);
                return earlier;
            }
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            JsonNode message;
            try {
                message = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + type, e);
            }
            assertThat(message).as("a '%s' message within %s (set aside: %s)", type, TIMEOUT, skipped).isNotNull();
            if (type.equals(message.path("type").asString())) {
                return message;
            }
            skipped.add(message);
        }
    }

    /** The next {@code error} message, checked to have {@code code}. */
    public JsonNode nextError(String code) {
        JsonNode error = next("error");
        assertThat(error.path("code").asString()).as("error %s", error).isEqualTo(code);
        assertThat(error.path("message").asString()).isNotBlank();
        return error;
    }

    /** Messages {@link #next} passed over and nobody asked for since. */
    public List<JsonNode> skipped() {
        return skipped;
    }

    /** Waits for the hub to close the socket and returns the close status (1006 when the connection just broke). */
    public int awaitClosed() {
        return closed.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }
}

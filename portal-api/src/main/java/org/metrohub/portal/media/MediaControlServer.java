package org.metrohub.portal.media;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.metrohub.media.node.ControlHttpServer;
import org.metrohub.media.node.LocalMediaNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The optional switch that serves the in-process node's control API over HTTP ({@link ControlHttpServer}) on
 * 127.0.0.1, so a portal or operator in another process can drive this node as a remote one. Off unless
 * {@code metrohub.media.control.port} is set; the secret is never logged.
 */
@Component
class MediaControlServer {

    private static final Logger LOG = LoggerFactory.getLogger(MediaControlServer.class);

    private final LocalMediaNode node;
    private final MediaProperties.Control settings;
    private ControlHttpServer server;

    MediaControlServer(LocalMediaNode node, MediaProperties properties) {
        this.node = node;
        this.settings = properties.control();
    }

    @PostConstruct
    void start() {
        if (!settings.enabled()) {
            return;
        }
        InetSocketAddress bind;
        try {
            bind = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), settings.port());
            server = new ControlHttpServer(node, bind, settings.secret());
        } catch (IOException e) {
            throw new UncheckedIOException("metrohub.media.control.port: cannot listen on 127.0.0.1:"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        LOG.info("media: node {} control API on 127.0.0.1:{}", node.settings().nodeId(), server.port());
    }

    /** The port the control API listens on, 0 when off. */
    int port() {
        return server == null ? 0 : server.port();
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.close();
        }
    }
}

package org.metrohub.media.transport.dtls;

/**
 * Where a {@link DtlsEngine} puts its outgoing DTLS datagrams (the transport glue sends them over the selected
 * ICE pair). Called on the engine's handshake thread; the array is reused by the engine, so copy what you keep.
 * It must not block for long and must not throw (a throw is treated as a lost datagram).
 */
@FunctionalInterface
public interface DatagramSink {
    void send(byte[] buf, int off, int len);
}

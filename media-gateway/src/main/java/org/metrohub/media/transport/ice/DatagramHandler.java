package org.metrohub.media.transport.ice;

/**
 * Receives each non-STUN datagram of an {@link IceTransport} (DTLS, SRTP, SRTCP: RFC 7983 demultiplexing is the
 * caller's), on the transport's receive thread. The buffer is reused for the next datagram: copy what you keep.
 * Must not block; an exception is counted ({@link IceDrop#HANDLER_FAILED}) and the loop goes on.
 */
@FunctionalInterface
public interface DatagramHandler {

    void onDatagram(byte[] buf, int off, int len);
}

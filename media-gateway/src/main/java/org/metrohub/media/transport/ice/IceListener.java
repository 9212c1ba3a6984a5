package org.metrohub.media.transport.ice;

/**
 * State changes of an {@link IceTransport}, called on an ice4j thread or on the consent timer; implementations must
 * not block. Each state is reported at most once, in order (NEW is never reported).
 */
@FunctionalInterface
public interface IceListener {

    /**
     * @param detail for {@link IceState#CONNECTED} the selected pair (e.g. {@code "udp 127.0.0.1:10000 <-> 127.0.0.1:51234
     *               prflx"}), for {@link IceState#FAILED} the reason, otherwise empty
     */
    void stateChanged(IceState state, String detail);
}

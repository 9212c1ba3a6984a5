package org.metrohub.media.sfu;

/**
 * What an {@link Endpoint} tells its signalling session. Called on media-node threads (the conference's control
 * thread, an endpoint's transport thread); implementations hand the event on (e.g. to a WebSocket) and return
 * at once.
 */
public interface EndpointListener {

    /**
     * The sources this endpoint could receive changed (a participant came, went, or added a screen share): the
     * client should make sure it has at least {@code audio} and {@code video} receive-only sections and offer
     * again.
     */
    void renegotiationNeeded(int audio, int video);

    /** Another participant entered the conference. */
    void participantJoined(String participantId, String displayName);

    /** Another participant left the conference. */
    void participantLeft(String participantId);

    /** A participant muted or unmuted a kind of media ({@code "audio"} or {@code "video"}). */
    void mutedChanged(String participantId, String kind, boolean muted);

    /** The dominant speaker changed. */
    void activeSpeakerChanged(String participantId);

    /** The endpoint's transport changed state (ICE/DTLS), with a short human-readable detail. */
    void connectionStateChanged(ConnectionState state, String detail);

    /**
     * A moderator ({@code by}) muted this endpoint's {@code kind} of media: the node no longer forwards it. With
     * {@code hold} the participant may not unmute until a moderator releases it ({@link #muteReleased}); without,
     * their own unmute lifts it.
     */
    default void forceMuted(String kind, boolean hold, String by) {
    }

    /** A moderator ({@code by}) lifted a moderator mute of this endpoint's {@code kind}: the participant may unmute. */
    default void muteReleased(String kind, String by) {
    }

    /** The endpoint was closed by the node (room closed, node drained, transport failed for good). */
    void closed(String reason);
}

package org.metrohub.media.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.metrohub.media.sfu.ConnectionState;
import org.metrohub.media.sfu.EndpointListener;

/** An endpoint's signalling side in tests: remembers what the node told it. */
final class RecordingListener implements EndpointListener {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void renegotiationNeeded(int audio, int video) {
        events.add("renegotiate " + audio + " " + video);
    }

    @Override
    public void participantJoined(String participantId, String displayName) {
        events.add("joined " + participantId);
    }

    @Override
    public void participantLeft(String participantId) {
        events.add("left " + participantId);
    }

    @Override
    public void mutedChanged(String participantId, String kind, boolean muted) {
        events.add("muted " + participantId + " " + kind + " " + muted);
    }

    @Override
    public void forceMuted(String kind, boolean hold, String by) {
        events.add("force-muted " + kind + (hold ? " held" : "") + " by " + by);
    }

    @Override
    public void muteReleased(String kind, String by) {
        events.add("released " + kind + " by " + by);
    }

    @Override
    public void activeSpeakerChanged(String participantId) {
        events.add("speaker " + participantId);
    }

    @Override
    public void connectionStateChanged(ConnectionState state, String detail) {
        events.add("state " + state);
    }

    @Override
    public void closed(String reason) {
        events.add("closed " + reason);
    }
}

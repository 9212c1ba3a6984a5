package org.metrohub.media.sfu;

/**
 * Hears endpoints enter and leave conferences, e.g. to register and remove per-endpoint metrics. Called on the
 * thread that changed the conference, after the change and outside the conference's lock; implementations return
 * quickly. When a participant reconnects, its old endpoint's {@link #left} comes before the new one's
 * {@link #joined} on the joining thread, but a {@code left} from another thread may arrive late: tell endpoints
 * apart by instance, not by id.
 */
public interface EndpointObserver {

    /** Observes nothing. */
    EndpointObserver NONE = new EndpointObserver() {
        @Override
        public void joined(Conference conference, Endpoint endpoint) {
        }

        @Override
        public void left(Conference conference, Endpoint endpoint) {
        }
    };

    /** {@code endpoint} entered {@code conference}. */
    void joined(Conference conference, Endpoint endpoint);

    /** {@code endpoint} left {@code conference}: it left, was replaced, or the conference closed. */
    void left(Conference conference, Endpoint endpoint);
}

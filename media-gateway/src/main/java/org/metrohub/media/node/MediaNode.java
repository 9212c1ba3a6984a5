package org.metrohub.media.node;

import java.util.List;
import java.util.Optional;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.EndpointStats;

/**
 * The control API of a media node, used in-process by portal-api ({@link LocalMediaNode}) and served over
 * HTTP/JSON to remote callers by {@link ControlHttpServer}. Rooms are known by id only.
 */
public interface MediaNode extends AutoCloseable {

    /** Opens the room (or returns it when already open) so participants can join. Refused while draining. */
    Conference openRoom(String roomId);

    Optional<Conference> room(String roomId);

    /** Closes a room: every endpoint in it is told and disconnected. Returns whether it was open. */
    boolean closeRoom(String roomId, String reason);

    List<RoomSummary> rooms();

    /** The endpoints of a room with their statistics; empty when the room is not open here. */
    List<EndpointStats> endpoints(String roomId);

    /** What the node carries now, for placement. */
    NodeLoad load();

    /** Stops taking new rooms; rooms already open continue until they close. */
    void drain();

    boolean draining();

    @Override
    void close();

    /** One open room. */
    record RoomSummary(String roomId, int endpoints) {
    }
}

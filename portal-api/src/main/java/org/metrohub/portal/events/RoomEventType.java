package org.metrohub.portal.events;

/** The room lifecycle and participant events; each one's CloudEvents type is versioned. */
public enum RoomEventType {
    ROOM_CREATED("org.metrohub.room.created.v1"),
    ROOM_UPDATED("org.metrohub.room.updated.v1"),
    ROOM_CLOSED("org.metrohub.room.closed.v1"),
    PARTICIPANT_JOINED("org.metrohub.participant.joined.v1"),
    PARTICIPANT_LEFT("org.metrohub.participant.left.v1");

    private final String type;

    RoomEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}

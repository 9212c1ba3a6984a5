package org.metrohub.portal.rooms;

/** A room is open until its owner or an admin closes it; a closed room takes no joins and no changes. */
public enum RoomStatus {
    OPEN, CLOSED
}

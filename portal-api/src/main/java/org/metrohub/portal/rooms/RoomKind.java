package org.metrohub.portal.rooms;

/** What a room is for: an officials' meeting, a doctor's consultation, or a teacher's class. */
public enum RoomKind {
    MEETING, CONSULTATION, CLASS
}

package org.metrohub.portal.rooms;

/** A room listing's filters (each optional) and page, already validated. */
record RoomQuery(String tenant, RoomKind kind, RoomStatus status, String nameContains, int page, int size) {
}

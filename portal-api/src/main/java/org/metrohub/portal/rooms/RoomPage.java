package org.metrohub.portal.rooms;

import java.util.List;

/** One page of a room listing, newest first. */
public record RoomPage(List<Room> items, int page, int size, long total) {
}

package org.metrohub.portal.rooms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.web.PathIds;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The rooms API: meetings, consultations and classes. */
@RestController
@RequestMapping("/api/rooms")
@Tag(name = "rooms")
@SecurityRequirement(name = "bearer")
public class RoomController {

    private final RoomService rooms;
    private final RoomActivity activity;

    public RoomController(RoomService rooms, RoomActivity activity) {
        this.rooms = rooms;
        this.activity = activity;
    }

    @PostMapping
    @Operation(summary = "Create a room (ADMIN any kind, OFFICIAL meetings, TEACHER classes, DOCTOR consultations)")
    public Mono<ResponseEntity<Room>> create(@AuthenticationPrincipal CurrentUser user,
                                             @Valid @RequestBody CreateRoomRequest request) {
        return rooms.create(user, request)
                .map(room -> ResponseEntity.created(URI.create("/api/rooms/" + room.id())).body(room));
    }

    @GetMapping
    @Operation(summary = "List your tenant's rooms, newest first, filtered by kind, status and name")
    public Mono<RoomPage> list(@AuthenticationPrincipal CurrentUser user,
                               @RequestParam(required = false) String kind,
                               @RequestParam(required = false) String status,
                               @RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "20") int size) {
        return rooms.list(user, kind, status, q, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One room")
    public Mono<Room> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return rooms.get(user, roomId(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a room's name, description or capacity (creator or ADMIN)")
    public Mono<Room> update(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                             @Valid @RequestBody UpdateRoomRequest request) {
        return rooms.update(user, roomId(id), request);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a room (creator or ADMIN)")
    public Mono<Room> close(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return rooms.close(user, roomId(id));
    }

    @PostMapping("/{id}/join")
    @Operation(summary = "Join a room: a short-lived room token and the media signalling address")
    public Mono<JoinTicket> join(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return rooms.join(user, roomId(id));
    }

    @PostMapping("/{id}/leave")
    @Operation(summary = "Leave a room")
    public Mono<ResponseEntity<Void>> leave(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return rooms.leave(user, roomId(id)).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/{id}/participants")
    @Operation(summary = "Who is in the room now")
    public Mono<Map<String, List<Participant>>> participants(@AuthenticationPrincipal CurrentUser user,
                                                             @PathVariable String id) {
        return rooms.participants(user, roomId(id)).map(list -> Map.of("items", list));
    }

    @GetMapping("/{id}/activity")
    @Operation(summary = "The room's history: its events as applied from Kafka, oldest first")
    public Mono<Map<String, List<RoomActivity.Entry>>> activity(@AuthenticationPrincipal CurrentUser user,
                                                                @PathVariable String id) {
        UUID roomId = roomId(id);
        return rooms.get(user, roomId).flatMap(room -> activity.of(room.id())).map(list -> Map.of("items", list));
    }

    /** The room id in a path, or a 400 problem when it is no UUID. */
    public static UUID roomId(String id) {
        return PathIds.uuid(id, "room");
    }
}

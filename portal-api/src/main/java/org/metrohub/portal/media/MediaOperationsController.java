package org.metrohub.portal.media;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.metrohub.media.node.MediaNode;
import org.metrohub.media.node.NodeLoad;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.rooms.RoomController;
import org.metrohub.portal.rooms.RoomService;
import org.metrohub.portal.web.ApiException;
import org.metrohub.portal.web.Audit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Operating this instance's media node, for ADMINs: its load, the media of a room of their tenant (endpoints with
 * statistics), and drain (audited). The node's own calls run off the event loop: they read ICE state under
 * ice4j's locks and the process's CPU load.
 */
@RestController
@Tag(name = "media")
@SecurityRequirement(name = "bearer")
public class MediaOperationsController {

    private final MediaNode node;
    private final RoomService rooms;

    public MediaOperationsController(MediaNode node, RoomService rooms) {
        this.node = node;
        this.rooms = rooms;
    }

    @GetMapping("/api/media/load")
    @Operation(summary = "This instance's media node: rooms, endpoints, streams, packets/s, CPU, draining (ADMIN)")
    public Mono<NodeLoad> load(@AuthenticationPrincipal CurrentUser user) {
        requireAdmin(user, "read the media node's load");
        return Mono.fromCallable(node::load).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/rooms/{id}/media")
    @Operation(summary = "A room's media on this instance's node: its endpoints with statistics (ADMIN of the room's tenant)")
    public Mono<Map<String, Object>> roomMedia(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        requireAdmin(user, "read a room's media");
        UUID roomId = RoomController.roomId(id);
        return rooms.get(user, roomId)
                .publishOn(Schedulers.boundedElastic())
                .map(room -> {
                    String key = room.id().toString();
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("roomId", key);
                    body.put("open", node.room(key).isPresent());
                    body.put("items", node.endpoints(key));
                    return body;
                });
    }

    @PostMapping("/api/media/drain")
    @Operation(summary = "Drain this instance's media node: no new rooms, open ones continue (ADMIN; audited)")
    public Mono<ResponseEntity<NodeLoad>> drain(@AuthenticationPrincipal CurrentUser user) {
        requireAdmin(user, "drain the media node");
        return Mono.fromCallable(() -> {
                    node.drain();
                    NodeLoad load = node.load();
                    Audit.record(user.id(), user.username(), user.tenant(), "media.drain", "media-node:" + load.nodeId());
                    return ResponseEntity.accepted().body(load);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static void requireAdmin(CurrentUser user, String what) {
        if (!user.isAdmin()) {
            throw ApiException.forbidden("Only an ADMIN may " + what + ".");
        }
    }
}

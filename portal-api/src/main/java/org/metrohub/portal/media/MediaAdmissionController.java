package org.metrohub.portal.media;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.identity.MetroHubAuthentication;
import org.metrohub.portal.identity.TokenIssuer;
import org.metrohub.portal.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a room token is spent. The security chain for {@code /media/**} accepts room tokens only (signature,
 * expiry, audience); this checks the token is for the room asked for, and says who would be admitted with what
 * role. The signalling WebSocket ({@link SignallingHandler}) admits browsers by the same rules.
 */
@RestController
@Tag(name = "media")
public class MediaAdmissionController {

    @GetMapping("/media/rooms/{roomId}/admission")
    @Operation(summary = "Check a room token (Authorization: Bearer <roomToken>) against a room")
    public Map<String, Object> admission(MetroHubAuthentication authentication, @PathVariable String roomId) {
        String tokenRoom = authentication.getCredentials().getClaimAsString(TokenIssuer.CLAIM_ROOM);
        if (!roomId.equals(tokenRoom)) {
            throw ApiException.forbidden("This room token is for another room.");
        }
        CurrentUser user = authentication.getPrincipal();
        return Map.of("roomId", roomId, "userId", user.id(), "tenant", user.tenant(),
                "role", authentication.getCredentials().getClaimAsString(TokenIssuer.CLAIM_ROOM_ROLE),
                "signalling", "/media/rooms/" + roomId + "/signal");
    }
}

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
 * expiry, audience); this checks the token is for the room asked for. The media node's signalling will
 * admit endpoints through the same check; until it exists, the answer says who is admitted with what role.
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
                "media", "The media gateway is not built yet: this room token is valid for this room.");
    }
}

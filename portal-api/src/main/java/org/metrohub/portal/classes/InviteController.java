package org.metrohub.portal.classes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.metrohub.portal.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Accepting a course's invite link. */
@RestController
@RequestMapping("/api/invites")
@Tag(name = "courses")
@SecurityRequirement(name = "bearer")
public class InviteController {

    private final CourseService courses;

    public InviteController(CourseService courses) {
        this.courses = courses;
    }

    @PostMapping("/{token}/accept")
    @Operation(summary = "Enrol yourself (a STUDENT of the course's tenant) through an invite link; 410 when it "
            + "has expired, is used up or was revoked")
    public Mono<AcceptedInvite> accept(@AuthenticationPrincipal CurrentUser user, @PathVariable String token) {
        return courses.accept(user, token);
    }
}

package org.metrohub.portal.classes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.web.PathIds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The courses API: courses, their students and invite links. */
@RestController
@RequestMapping("/api/courses")
@Tag(name = "courses")
@SecurityRequirement(name = "bearer")
public class CourseController {

    private final CourseService courses;

    public CourseController(CourseService courses) {
        this.courses = courses;
    }

    @PostMapping
    @Operation(summary = "Create a course (TEACHER: their own; ADMIN: for a named teacher)")
    public Mono<ResponseEntity<Course>> create(@AuthenticationPrincipal CurrentUser user,
                                               @Valid @RequestBody CreateCourseRequest request) {
        return courses.create(user, request)
                .map(course -> ResponseEntity.created(URI.create("/api/courses/" + course.id())).body(course));
    }

    @GetMapping
    @Operation(summary = "Your courses: those you teach or are enrolled in (an ADMIN: all of the tenant's)")
    public Mono<Map<String, List<Course>>> list(@AuthenticationPrincipal CurrentUser user) {
        return courses.listMine(user).map(list -> Map.of("items", list));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One course (its teacher, its students, ADMIN)")
    public Mono<Course> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return courses.get(user, PathIds.uuid(id, "course"));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a course's name, description or schedule (its teacher or ADMIN)")
    public Mono<Course> update(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                               @Valid @RequestBody UpdateCourseRequest request) {
        return courses.update(user, PathIds.uuid(id, "course"), request);
    }

    @GetMapping("/{id}/students")
    @Operation(summary = "The course's enrolled students (its teacher or ADMIN)")
    public Mono<Map<String, List<Enrolment>>> students(@AuthenticationPrincipal CurrentUser user,
                                                       @PathVariable String id) {
        return courses.students(user, PathIds.uuid(id, "course")).map(list -> Map.of("items", list));
    }

    @PostMapping("/{id}/students")
    @Operation(summary = "Enrol a STUDENT of the tenant by user id or user name (201 new, 200 already enrolled)")
    public Mono<ResponseEntity<Enrolment>> enrol(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                                 @Valid @RequestBody EnrolRequest request) {
        return courses.enrol(user, PathIds.uuid(id, "course"), request)
                .map(e -> ResponseEntity.status(e.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(e.enrolment()));
    }

    @DeleteMapping("/{id}/students/{userId}")
    @Operation(summary = "Remove a student from the course (its teacher or ADMIN)")
    public Mono<ResponseEntity<Void>> unenrol(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                              @PathVariable String userId) {
        return courses.unenrol(user, PathIds.uuid(id, "course"), userId).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/invites")
    @Operation(summary = "Create an invite link (its token is shown only here; default 7 days, at most 30)")
    public Mono<ResponseEntity<IssuedInvite>> createInvite(@AuthenticationPrincipal CurrentUser user,
                                                           @PathVariable String id,
                                                           @Valid @RequestBody(required = false) CreateInviteRequest request) {
        return courses.createInvite(user, PathIds.uuid(id, "course"),
                        request == null ? new CreateInviteRequest(null, null) : request)
                .map(invite -> ResponseEntity.status(HttpStatus.CREATED).body(invite));
    }

    @GetMapping("/{id}/invites")
    @Operation(summary = "The course's invite links, newest first, without their tokens (its teacher or ADMIN)")
    public Mono<Map<String, List<CourseInvite>>> invites(@AuthenticationPrincipal CurrentUser user,
                                                         @PathVariable String id) {
        return courses.invites(user, PathIds.uuid(id, "course")).map(list -> Map.of("items", list));
    }

    @DeleteMapping("/{id}/invites/{inviteId}")
    @Operation(summary = "Revoke an invite link (its teacher or ADMIN)")
    public Mono<CourseInvite> revokeInvite(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                           @PathVariable String inviteId) {
        return courses.revokeInvite(user, PathIds.uuid(id, "course"), PathIds.uuid(inviteId, "invite"));
    }
}

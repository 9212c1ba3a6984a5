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
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The classes API: a course's scheduled live lessons, each held in a room of kind CLASS. */
@RestController
@Tag(name = "classes")
@SecurityRequirement(name = "bearer")
public class ClassController {

    private final ClassService classes;

    public ClassController(ClassService classes) {
        this.classes = classes;
    }

    @PostMapping("/api/courses/{courseId}/classes")
    @Operation(summary = "Plan a class and create its room (the course's teacher)")
    public Mono<ResponseEntity<CourseClass>> create(@AuthenticationPrincipal CurrentUser user,
                                                    @PathVariable String courseId,
                                                    @Valid @RequestBody CreateClassRequest request) {
        return classes.create(user, PathIds.uuid(courseId, "course"), request)
                .map(c -> ResponseEntity.created(URI.create("/api/classes/" + c.id())).body(c));
    }

    @GetMapping("/api/courses/{courseId}/classes")
    @Operation(summary = "A course's classes by scheduled start (its teacher, its students, ADMIN)")
    public Mono<Map<String, List<CourseClass>>> list(@AuthenticationPrincipal CurrentUser user,
                                                     @PathVariable String courseId) {
        return classes.list(user, PathIds.uuid(courseId, "course")).map(list -> Map.of("items", list));
    }

    @GetMapping("/api/classes/{id}")
    @Operation(summary = "One class")
    public Mono<CourseClass> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return classes.get(user, PathIds.uuid(id, "class"));
    }

    @PostMapping("/api/classes/{id}/start")
    @Operation(summary = "Start a scheduled class: its members may join its room from now on (teacher or ADMIN)")
    public Mono<CourseClass> start(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return classes.start(user, PathIds.uuid(id, "class"));
    }

    @PostMapping("/api/classes/{id}/end")
    @Operation(summary = "End a class and close its room (teacher or ADMIN)")
    public Mono<CourseClass> end(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return classes.end(user, PathIds.uuid(id, "class"));
    }
}

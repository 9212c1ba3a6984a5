package org.metrohub.portal.attendance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.metrohub.portal.classes.ClassService;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.rooms.RoomController;
import org.metrohub.portal.web.ApiException;
import org.metrohub.portal.web.PathIds;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The attendance reports, as JSON or, with {@code ?format=csv} or {@code Accept: text/csv}, as CSV. Rooms back
 * classes, so a class's attendance is its room's.
 */
@RestController
@Tag(name = "attendance")
@SecurityRequirement(name = "bearer")
public class AttendanceController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final int MAX_GRACE_MINUTES = 24 * 60;

    private final AttendanceService attendance;
    private final ClassService classes;

    public AttendanceController(AttendanceService attendance, ClassService classes) {
        this.attendance = attendance;
        this.classes = classes;
    }

    @GetMapping(value = "/api/rooms/{id}/attendance", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "A room's attendance per participant (the room's creator or an ADMIN of its tenant)")
    public Mono<ResponseEntity<Object>> room(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @Parameter(description = "ISO-8601 instant the class was to start; a first join after it plus the grace is late")
            @RequestParam(required = false) String expectedStart,
            @Parameter(description = "minutes after expectedStart still on time (0–1440)")
            @RequestParam(defaultValue = "5") String graceMinutes,
            @Parameter(description = "json or csv; overrides Accept") @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        var roomId = RoomController.roomId(id);
        Instant start = instant("expectedStart", expectedStart);
        int grace = graceMinutes(graceMinutes);
        boolean csv = wantsCsv(format, accept);
        return attendance.room(user, roomId, start, grace).map(report -> csv
                ? csv(AttendanceService.csv(report), "attendance-room-" + roomId + ".csv")
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report));
    }

    @GetMapping(value = "/api/classes/{id}/attendance", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "A class's attendance: its room's, late counted from the class's scheduled start "
            + "(the course's teacher or an ADMIN of its tenant)")
    public Mono<ResponseEntity<Object>> lesson(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @Parameter(description = "minutes after the scheduled start still on time (0–1440)")
            @RequestParam(defaultValue = "5") String graceMinutes,
            @Parameter(description = "json or csv; overrides Accept") @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        var classId = PathIds.uuid(id, "class");
        int grace = graceMinutes(graceMinutes);
        boolean csv = wantsCsv(format, accept);
        return classes.get(user, classId)
                .flatMap(lesson -> attendance.room(user, lesson.roomId(), lesson.scheduledStart(), grace))
                .map(report -> csv
                        ? csv(AttendanceService.csv(report), "attendance-class-" + classId + ".csv")
                        : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report));
    }

    @GetMapping(value = "/api/users/{userId}/attendance", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "A user's attendance per room (the user themself, or an ADMIN for rooms of their tenant)")
    public Mono<ResponseEntity<Object>> user(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String userId,
            @Parameter(description = "json or csv; overrides Accept") @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (userId.isBlank() || userId.length() > 255) {
            throw ApiException.badRequest("A user id is 1 to 255 characters.");
        }
        boolean csv = wantsCsv(format, accept);
        return attendance.user(user, userId).map(report -> csv
                ? csv(AttendanceService.csv(report), "attendance-user.csv")
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report));
    }

    private static ResponseEntity<Object> csv(String body, String filename) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    /**
     * CSV when {@code format=csv}, or without {@code format} when the most preferred of the types the caller
     * accepts that we can give is {@code text/csv} (JSON wins a tie and a wildcard).
     */
    static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ApiException.badRequest("format must be json or csv.");
            };
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException e) {
            return false;
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() == 0) {
                break;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.includes(TEXT_CSV)) {
                return true;
            }
        }
        return false;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant such as 2026-09-01T08:00:00Z.");
        }
    }

    private static int graceMinutes(String value) {
        try {
            int minutes = Integer.parseInt(value.strip());
            if (minutes >= 0 && minutes <= MAX_GRACE_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("graceMinutes must be a whole number from 0 to " + MAX_GRACE_MINUTES + ".");
    }
}

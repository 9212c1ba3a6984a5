package org.metrohub.portal.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.elearning.course.InviteLink;
import org.metrohub.elearning.course.InviteToken;
import org.metrohub.portal.testing.Problem;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.TestHub;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Courses, enrolment, invite links and classes end to end: who may join a class's room, and when.
 */
class ClassesApiIT {

    private static TestHub hub;
    private static WebTestClient client;
    private static String teacher;
    private static String student;
    private static String student2;

    @BeforeAll
    static void hub() {
        hub = TestHub.shared();
        client = hub.client();
        teacher = hub.login("teacher@riverton");
        student = hub.login("student@riverton");
        student2 = hub.login("student2@riverton");
    }

    @Test
    void onlyTheCoursesTeacherAndEnrolledStudentsJoinItsClassAndOnlyOnceItHasStarted() {
        Map<String, Object> course = createCourse(teacher, "Algebra " + UUID.randomUUID());
        Object courseId = course.get("id");
        enrol(courseId, "student@riverton").expectStatus().isCreated()
                .expectBody().jsonPath("$.username").isEqualTo("student@riverton").jsonPath("$.via").isEqualTo("TEACHER");
        // student2 studies something else: enrolled in another course, not in this one
        enrol(createCourse(teacher, "Geometry " + UUID.randomUUID()).get("id"), "student2@riverton").expectStatus().isCreated();

        Map<String, Object> lesson = createClass(courseId, "Fractions");
        assertThat(lesson).containsEntry("status", "SCHEDULED").containsEntry("courseId", courseId);
        Object roomId = lesson.get("roomId");
        client.get().uri("/api/rooms/{id}", roomId).headers(h -> h.setBearerAuth(teacher)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.kind").isEqualTo("CLASS")
                .jsonPath("$.name").isEqualTo("Fractions")
                .jsonPath("$.status").isEqualTo("OPEN");

        Map<String, Object> early = Problem.expect(join(student, roomId), 409);
        assertThat((String) early.get("detail")).contains("not started");
        Problem.expect(join(teacher, roomId), 409);

        post(teacher, "/api/classes/{id}/start", lesson.get("id")).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("LIVE").jsonPath("$.startedAt").exists();
        Problem.expect(post(teacher, "/api/classes/{id}/start", lesson.get("id")), 409);

        Map<String, Object> ticket = Rooms.join(hub, student, roomId);
        assertThat(ticket).containsEntry("role", "PARTICIPANT").containsEntry("roomId", roomId);
        assertThat((String) ticket.get("roomToken")).isNotBlank();
        assertThat(Rooms.join(hub, teacher, roomId)).containsEntry("role", "MODERATOR");

        Map<String, Object> outsider = Problem.expect(join(student2, roomId), 403);
        assertThat((String) outsider.get("detail")).contains("only its teacher and enrolled students may join");
        Problem.expect(join(hub.login("student@lakeside"), roomId), 403);
        Problem.expect(join(hub.login("teacher@lakeside"), roomId), 403);
        client.get().uri("/api/rooms/{id}/participants", roomId).headers(h -> h.setBearerAuth(teacher)).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(2);
    }

    @Test
    void endingAClassClosesItsRoomWithTheRoomsOwnEvents() {
        Object courseId = createCourse(teacher, "History " + UUID.randomUUID()).get("id");
        enrol(courseId, "student@riverton").expectStatus().isCreated();
        Map<String, Object> lesson = createClass(courseId, "The Romans");
        Object roomId = lesson.get("roomId");
        post(teacher, "/api/classes/{id}/start", lesson.get("id")).expectStatus().isOk();
        Rooms.join(hub, student, roomId);

        post(teacher, "/api/classes/{id}/end", lesson.get("id")).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ENDED").jsonPath("$.endedAt").exists();
        client.get().uri("/api/rooms/{id}", roomId).headers(h -> h.setBearerAuth(teacher)).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");
        Problem.expect(join(student, roomId), 409);
        Problem.expect(post(teacher, "/api/classes/{id}/end", lesson.get("id")), 409);
        client.get().uri("/api/classes/{id}", lesson.get("id")).headers(h -> h.setBearerAuth(student)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ENDED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(activity(roomId)).containsSubsequence(
                "org.metrohub.room.created.v1", "org.metrohub.participant.joined.v1", "org.metrohub.room.closed.v1"));

        // the class's attendance is its room's, "late" measured from the class's scheduled start (an hour ahead)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<?, ?> report = client.get().uri("/api/classes/{id}/attendance", lesson.get("id"))
                    .headers(h -> h.setBearerAuth(teacher)).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(Objects.requireNonNull(report).get("expectedStart")).isEqualTo(lesson.get("scheduledStart"));
            List<?> participants = (List<?>) report.get("items");
            assertThat(participants).singleElement().satisfies(p -> {
                Map<?, ?> row = (Map<?, ?>) p;
                assertThat(row.get("displayName")).isEqualTo("Riverton Student");
                assertThat(row.get("joins")).isEqualTo(1);
                assertThat(row.get("presentNow")).isEqualTo(false);
                assertThat(row.get("late")).isEqualTo(false);
            });
        });
        Problem.expect(client.get().uri("/api/classes/{id}/attendance", lesson.get("id"))
                .headers(h -> h.setBearerAuth(student)).exchange(), 403);
    }

    @Test
    void onlyTheCoursesTeacherPlansClassesAndOnlyItsTeacherOrAnAdminRunsThem() {
        Object courseId = createCourse(teacher, "Physics " + UUID.randomUUID()).get("id");
        enrol(courseId, "student@riverton").expectStatus().isCreated();
        Problem.expect(postJson(student, "/api/courses/{id}/classes", courseId, classBody("Sneaky")), 403);
        Problem.expect(postJson(hub.login("admin@riverton"), "/api/courses/{id}/classes", courseId, classBody("Admin's")), 403);
        Problem.expect(postJson(hub.login("teacher@lakeside"), "/api/courses/{id}/classes", courseId, classBody("Foreign")), 403);
        Map<String, Object> bad = new HashMap<>(classBody("Too long"));
        bad.put("durationMinutes", 721);
        assertThat((String) Problem.expect(postJson(teacher, "/api/courses/{id}/classes", courseId, bad), 400).get("detail"))
                .contains("durationMinutes");
        Map<String, Object> badStart = new HashMap<>(classBody("When?"));
        badStart.put("scheduledStart", "tomorrow");
        Problem.expect(postJson(teacher, "/api/courses/{id}/classes", courseId, badStart), 400);

        Map<String, Object> lesson = createClass(courseId, "Optics");
        Problem.expect(post(student, "/api/classes/{id}/start", lesson.get("id")), 403);
        post(hub.login("admin@riverton"), "/api/classes/{id}/start", lesson.get("id")).expectStatus().isOk();
        client.get().uri("/api/courses/{id}/classes", courseId).headers(h -> h.setBearerAuth(student)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].status").isEqualTo("LIVE");
        Problem.expect(client.get().uri("/api/classes/{id}", lesson.get("id")).headers(h -> h.setBearerAuth(student2))
                .exchange(), 403);
    }

    @Test
    void anInviteLinkEnrolsTheStudentsWhoAcceptItUntilItIsUsedUp() {
        Object courseId = createCourse(teacher, "Chemistry " + UUID.randomUUID()).get("id");
        Map<String, Object> invite = createInvite(courseId, Map.of("validFor", "PT2H", "maxUses", 1));
        String token = (String) invite.get("token");
        assertThat(InviteToken.wellFormed(token)).isTrue();
        assertThat(invite.get("acceptPath")).isEqualTo("/api/invites/" + token + "/accept");
        Instant expiresAt = Instant.parse((String) invite.get("expiresAt"));
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(119)), Instant.now().plus(Duration.ofMinutes(121)));

        Problem.expect(client.get().uri("/api/courses/{id}", courseId).headers(h -> h.setBearerAuth(student2)).exchange(), 403);
        accept(student2, token).expectStatus().isOk().expectBody()
                .jsonPath("$.course.id").isEqualTo(courseId)
                .jsonPath("$.enrolment.via").isEqualTo("INVITE")
                .jsonPath("$.enrolment.username").isEqualTo("student2@riverton");
        accept(student2, token).expectStatus().isOk(); // already in: uses nothing up
        Map<String, Object> usedUp = Problem.expect(accept(student, token), 410);
        assertThat((String) usedUp.get("detail")).contains("used");

        client.get().uri("/api/courses/{id}", courseId).headers(h -> h.setBearerAuth(student2)).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/courses").headers(h -> h.setBearerAuth(student2)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + courseId + "')]").exists();
        client.get().uri("/api/courses/{id}/students", courseId).headers(h -> h.setBearerAuth(teacher)).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].username").isEqualTo("student2@riverton");
        client.get().uri("/api/courses/{id}/invites", courseId).headers(h -> h.setBearerAuth(teacher)).exchange()
                .expectBody()
                .jsonPath("$.items[0].uses").isEqualTo(1)
                .jsonPath("$.items[0].state").isEqualTo("USED_UP")
                .jsonPath("$.items[0].token").doesNotExist();
    }

    @Test
    void anExpiredOrRevokedInviteIsGone() {
        Object courseId = createCourse(teacher, "Biology " + UUID.randomUUID()).get("id");
        String token = InviteToken.generate(new java.security.SecureRandom());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        hub.bean(InviteRepository.class).insert(new InviteRepository.StoredInvite(UUID.randomUUID(),
                UUID.fromString((String) courseId), InviteToken.hash(token), "test",
                new InviteLink(now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(1)), null, 0, null))).block();
        Map<String, Object> expired = Problem.expect(accept(student, token), 410);
        assertThat((String) expired.get("detail")).contains("expired");

        Map<String, Object> invite = createInvite(courseId, Map.of());
        assertThat(Instant.parse((String) invite.get("expiresAt")))
                .isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60), Instant.now().plus(Duration.ofDays(7)));
        client.delete().uri("/api/courses/{id}/invites/{invite}", courseId, invite.get("id"))
                .headers(h -> h.setBearerAuth(teacher)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("REVOKED");
        assertThat((String) Problem.expect(accept(student, (String) invite.get("token")), 410).get("detail")).contains("revoked");
        client.get().uri("/api/courses/{id}/students", courseId).headers(h -> h.setBearerAuth(teacher)).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void invitesAreAcceptedOnlyByStudentsOfTheCoursesTenantAndLastAtMostThirtyDays() {
        Object courseId = createCourse(teacher, "Music " + UUID.randomUUID()).get("id");
        String token = (String) createInvite(courseId, Map.of()).get("token");
        Problem.expect(accept(hub.login("student@lakeside"), token), 403);
        Problem.expect(accept(hub.login("doctor@riverton"), token), 403);
        Problem.expect(accept(student, "A".repeat(43)), 404);
        Problem.expect(accept(student, "not-a-token"), 404);
        assertThat((String) Problem.expect(postJson(teacher, "/api/courses/{id}/invites", courseId,
                Map.of("validFor", "P31D")), 400).get("detail")).contains("30 days");
        Problem.expect(postJson(teacher, "/api/courses/{id}/invites", courseId, Map.of("validFor", "a week")), 400);
        Problem.expect(postJson(student, "/api/courses/{id}/invites", courseId, Map.of()), 403);
    }

    @Test
    void aCourseHasAValidatedWeeklyScheduleAndIsSeenOnlyByItsMembers() {
        Map<String, Object> course = createCourse(teacher, "  Literature  ");
        Object courseId = course.get("id");
        assertThat(course).containsEntry("name", "Literature").containsEntry("tenant", "riverton");
        assertThat((List<?>) course.get("schedule")).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) course.get("schedule")).getFirst()).get("dayOfWeek")).isEqualTo("MONDAY");
        assertThat(course.get("nextLessonAt")).isNotNull();

        Map<String, Object> overlapping = Map.of("schedule", List.of(
                slot("TUESDAY", "09:00", 90), slot("TUESDAY", "10:00", 60)));
        assertThat((String) Problem.expect(client.patch().uri("/api/courses/{id}", courseId)
                .headers(h -> h.setBearerAuth(teacher)).contentType(MediaType.APPLICATION_JSON).bodyValue(overlapping)
                .exchange(), 400).get("detail")).contains("overlap");
        Problem.expect(client.patch().uri("/api/courses/{id}", courseId).headers(h -> h.setBearerAuth(teacher))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("schedule", List.of(slot("TUESDAY", "9am", 60)))).exchange(), 400);
        client.patch().uri("/api/courses/{id}", courseId).headers(h -> h.setBearerAuth(teacher))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("schedule", List.of(), "description", "Poems"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.schedule.length()").isEqualTo(0)
                .jsonPath("$.nextLessonAt").doesNotExist()
                .jsonPath("$.description").isEqualTo("Poems")
                .jsonPath("$.version").isEqualTo(1);

        Problem.expect(postJson(student, "/api/courses", null, Map.of("name", "Mine")), 403);
        Problem.expect(client.get().uri("/api/courses/{id}", courseId).headers(h -> h.setBearerAuth(student)).exchange(), 403);
        Problem.expect(client.get().uri("/api/courses/{id}", courseId).headers(h -> h.setBearerAuth(hub.login("admin@lakeside")))
                .exchange(), 403);
        Problem.expect(client.patch().uri("/api/courses/{id}", courseId).headers(h -> h.setBearerAuth(student))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "x")).exchange(), 403);
        client.get().uri("/api/courses/{id}", courseId).headers(h -> h.setBearerAuth(hub.login("admin@riverton")))
                .exchange().expectStatus().isOk();
        client.get().uri("/api/courses").headers(h -> h.setBearerAuth(teacher)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + courseId + "')]").exists();
        client.get().uri("/api/courses").headers(h -> h.setBearerAuth(hub.login("teacher@lakeside"))).exchange()
                .expectBody().jsonPath("$.items[?(@.id == '" + courseId + "')]").doesNotExist();
        Problem.expect(client.get().uri("/api/courses/not-a-uuid").headers(h -> h.setBearerAuth(teacher)).exchange(), 400);
    }

    @Test
    void theTeacherEnrolsAndRemovesStudentsOfTheirOwnTenantOnly() {
        Object courseId = createCourse(teacher, "Art " + UUID.randomUUID()).get("id");
        Map<?, ?> enrolment = enrol(courseId, "student@riverton").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String studentId = (String) Objects.requireNonNull(enrolment).get("userId");
        enrol(courseId, studentId).expectStatus().isOk(); // by id, and already enrolled
        Problem.expect(enrol(courseId, "student@lakeside"), 404);
        assertThat((String) Problem.expect(enrol(courseId, "doctor@riverton"), 400).get("detail")).contains("not a STUDENT");
        Problem.expect(postJson(student, "/api/courses/{id}/students", courseId, Map.of("user", "student2@riverton")), 403);

        client.get().uri("/api/courses/{id}", courseId).headers(h -> h.setBearerAuth(student)).exchange().expectStatus().isOk();
        client.delete().uri("/api/courses/{id}/students/{user}", courseId, studentId).headers(h -> h.setBearerAuth(teacher))
                .exchange().expectStatus().isNoContent();
        Problem.expect(client.delete().uri("/api/courses/{id}/students/{user}", courseId, studentId)
                .headers(h -> h.setBearerAuth(teacher)).exchange(), 404);
        Problem.expect(client.get().uri("/api/courses/{id}", courseId).headers(h -> h.setBearerAuth(student)).exchange(), 403);
    }

    @Test
    void aClassRoomMadeStraightThroughTheRoomsApiKeepsTheRoomsRules() {
        Object roomId = Rooms.create(hub, teacher, "CLASS", "Drop-in " + UUID.randomUUID()).get("id");
        assertThat(Rooms.join(hub, student2, roomId)).containsEntry("role", "PARTICIPANT");
    }

    private static Map<String, Object> slot(String day, String start, int minutes) {
        return Map.of("dayOfWeek", day, "start", start, "durationMinutes", minutes, "zone", "Europe/Oslo");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> createCourse(String token, String name) {
        Map<String, Object> body = Map.of("name", name, "description", "A course",
                "schedule", List.of(slot("thursday", "13:00", 45), slot("MONDAY", "09:00", 45)));
        return Objects.requireNonNull(postJson(token, "/api/courses", null, body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private static Map<String, Object> classBody(String title) {
        return Map.of("title", title, "scheduledStart", Instant.now().plus(Duration.ofHours(1)).toString(),
                "durationMinutes", 45);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> createClass(Object courseId, String title) {
        return Objects.requireNonNull(postJson(teacher, "/api/courses/{id}/classes", courseId, classBody(title))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> createInvite(Object courseId, Map<String, Object> body) {
        return Objects.requireNonNull(postJson(teacher, "/api/courses/{id}/invites", courseId, body)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
    }

    private static WebTestClient.ResponseSpec enrol(Object courseId, String user) {
        return postJson(teacher, "/api/courses/{id}/students", courseId, Map.of("user", user));
    }

    private static WebTestClient.ResponseSpec accept(String token, String inviteToken) {
        return client.post().uri("/api/invites/{token}/accept", inviteToken).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static WebTestClient.ResponseSpec join(String token, Object roomId) {
        return post(token, "/api/rooms/{id}/join", roomId);
    }

    private static WebTestClient.ResponseSpec post(String token, String uri, Object id) {
        return client.post().uri(uri, id).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static WebTestClient.ResponseSpec postJson(String token, String uri, Object id, Object body) {
        return client.post().uri(uri, id == null ? new Object[0] : new Object[] {id}).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static List<Object> activity(Object roomId) {
        Map<?, ?> body = client.get().uri("/api/rooms/{id}/activity", roomId).headers(h -> h.setBearerAuth(teacher))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) Objects.requireNonNull(body).get("items")).stream()
                .map(e -> ((Map<?, ?>) e).get("type")).map(Object.class::cast).toList();
    }
}

package org.metrohub.portal.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.events.EventsProperties;
import org.metrohub.portal.events.KafkaClients;
import org.metrohub.portal.testing.Problem;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.SignallingClient;
import org.metrohub.portal.testing.TestHub;
import org.metrohub.portal.testing.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attendance end to end on a real hub, Kafka and PostgreSQL: participants join and leave through the REST API
 * and the media signalling WebSocket, the projector builds attendance from the events, and the report agrees
 * with the event times the room activity history recorded independently. A projector restarted after a
 * "crash" (its group's offsets rewound) applies nothing twice; the CSV is RFC 4180 and formula-safe; only the
 * room's creator and its tenant's ADMIN read a room's report.
 */
class AttendanceIT {

    private static final String JOINED = "org.metrohub.participant.joined.v1";
    private static final String LEFT = "org.metrohub.participant.left.v1";
    private static final String CLOSED = "org.metrohub.room.closed.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestHub hub;
    private static WebTestClient client;
    private static String teacher;
    private static String student;
    private static String admin;
    private static String teacherId;
    private static String studentId;

    private final List<SignallingClient> sockets = new ArrayList<>();

    @BeforeAll
    static void hub() {
        hub = TestHub.shared();
        client = hub.client();
        teacher = hub.login("teacher@riverton");
        student = hub.login("student@riverton");
        admin = hub.login("admin@riverton");
        teacherId = me(teacher);
        studentId = me(student);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(SignallingClient::close);
    }

    @Test
    void theReportShowsEachParticipantsJoinsLeavesAndTimeAsTheEventsSay() {
        Object room = newRoom("Chemistry");
        Rooms.join(hub, teacher, room);                  // teacher joined
        Rooms.join(hub, student, room);                  // student joined
        Rooms.join(hub, student, room);                  // already present: no event
        leave(student, room);                            // student left
        String roomToken = (String) Rooms.join(hub, student, room).get("roomToken"); // student joined again
        SignallingClient socket = SignallingClient.open(hub, room);
        sockets.add(socket);
        socket.joinAndAwait(roomToken);                  // media renews presence: still present, no event
        socket.send("{\"type\":\"leave\"}");             // the socket's end: student left
        socket.awaitClosed();
        leave(teacher, room);                            // teacher left

        List<Activity> events = awaitActivity(room, 6);
        Map<String, Object> report = awaitReport(teacher, room, "", r -> {
            assertThat(entry(r, studentId).get("joins")).isEqualTo(2);
            assertThat(entry(r, studentId).get("presentNow")).isEqualTo(false);
            assertThat(entry(r, teacherId).get("presentNow")).isEqualTo(false);
        });

        assertThat(report.get("roomId")).isEqualTo(room);
        assertThat(report.get("roomName")).isEqualTo("Chemistry");
        assertThat(report.get("kind")).isEqualTo("CLASS");
        assertThat(items(report)).hasSize(2);
        assertMatchesEvents(entry(report, teacherId), events, teacherId, 1);
        assertMatchesEvents(entry(report, studentId), events, studentId, 2);
        assertThat(entry(report, teacherId).get("role")).isEqualTo("MODERATOR");
        assertThat(entry(report, studentId).get("role")).isEqualTo("PARTICIPANT");
        assertThat(entry(report, studentId).get("displayName")).isEqualTo("Riverton Student");
        assertThat(entry(report, studentId).get("late")).isNull();
        assertThat(rowCount("attendance_event", room)).isEqualTo(6);
    }

    @Test
    void aProjectorRestartedAfterACrashLosesNothingAndAppliesNothingTwice() throws Exception {
        Object room = newRoom("Physics");
        Rooms.join(hub, teacher, room);
        Rooms.join(hub, student, room);
        leave(student, room);
        Map<String, Object> before = awaitReport(teacher, room, "", r -> {
            assertThat(items(r)).hasSize(2);
            assertThat(entry(r, studentId).get("presentNow")).isEqualTo(false);
        });

        AttendanceProjector projector = hub.bean(AttendanceProjector.class);
        projector.stop();
        Rooms.join(hub, student, room);
        leave(student, room);
        leave(teacher, room);
        awaitAllPublished();
        rewindGroupToStart();
        double duplicatesBefore = projected("duplicate");
        projector.start();

        Map<String, Object> after = awaitReport(teacher, room, "", r -> {
            assertThat(entry(r, studentId).get("joins")).isEqualTo(2);
            assertThat(entry(r, teacherId).get("presentNow")).isEqualTo(false);
        });
        awaitCaughtUp();
        assertThat(projected("duplicate")).as("this room's three events before the stop, at least, were replayed")
                .isGreaterThanOrEqualTo(duplicatesBefore + 3);
        assertThat(intervals(entry(after, studentId)).getFirst()).isEqualTo(intervals(entry(before, studentId)).getFirst());
        assertThat(entry(after, teacherId).get("firstJoin")).isEqualTo(entry(before, teacherId).get("firstJoin"));
        List<Activity> events = awaitActivity(room, 6);
        assertMatchesEvents(entry(after, teacherId), events, teacherId, 1);
        assertMatchesEvents(entry(after, studentId), events, studentId, 2);
        assertThat(rowCount("attendance_event", room)).isEqualTo(6);
        assertThat(rowCount("attendance_interval", room)).isEqualTo(3);

        // a second crash with nothing new: everyone has left, so the report does not depend on "now" and must not change
        Map<String, Object> settled = withoutGeneratedAt(report(teacher, room, ""));
        projector.stop();
        rewindGroupToStart();
        projector.start();
        awaitCaughtUp();
        assertThat(withoutGeneratedAt(report(teacher, room, ""))).isEqualTo(settled);
        assertThat(rowCount("attendance_event", room)).isEqualTo(6);
    }

    @Test
    void closingTheRoomEndsOpenIntervalsAtTheCloseTime() {
        Object room = newRoom("Biology");
        Rooms.join(hub, teacher, room);
        Rooms.join(hub, student, room);
        client.post().uri("/api/rooms/{id}/close", room).headers(h -> h.setBearerAuth(teacher)).exchange()
                .expectStatus().isOk();

        Instant closedAt = awaitActivity(room, 3).stream().filter(a -> a.type().equals(CLOSED)).findFirst()
                .orElseThrow().at();
        Map<String, Object> report = awaitReport(teacher, room, "", r ->
                assertThat(items(r)).hasSize(2).allSatisfy(e -> assertThat(e.get("presentNow")).isEqualTo(false)));
        for (Map<String, Object> entry : items(report)) {
            assertThat(Instant.parse((String) entry.get("lastLeave"))).isEqualTo(closedAt);
            assertThat(intervals(entry)).singleElement().satisfies(i -> assertThat(i.get("endedBy")).isEqualTo("ROOM_CLOSED"));
        }
    }

    @Test
    void lateIsAFirstJoinAfterTheExpectedStartPlusGrace() {
        Object room = newRoom("History");
        Rooms.join(hub, student, room);
        Map<String, Object> report = awaitReport(teacher, room, "", r -> assertThat(items(r)).hasSize(1));
        Instant firstJoin = Instant.parse((String) entry(report, studentId).get("firstJoin"));
        assertThat(entry(report, studentId).get("presentNow")).isEqualTo(true);
        assertThat(((Number) entry(report, studentId).get("secondsPresent")).longValue()).isNotNegative();
        assertThat(entry(report, studentId).get("lastLeave")).isNull();

        Instant tenMinutesEarlier = firstJoin.minus(Duration.ofMinutes(10));
        Map<String, Object> late = report(teacher, room, "?expectedStart=" + tenMinutesEarlier);
        assertThat(entry(late, studentId).get("late")).isEqualTo(true);
        assertThat(late.get("graceMinutes")).isEqualTo(5);
        assertThat(Instant.parse((String) late.get("expectedStart"))).isEqualTo(tenMinutesEarlier);
        assertThat(entry(report(teacher, room, "?expectedStart=" + tenMinutesEarlier + "&graceMinutes=10"), studentId)
                .get("late")).isEqualTo(false);
        assertThat(entry(report(teacher, room, "?expectedStart=" + firstJoin + "&graceMinutes=0"), studentId)
                .get("late")).isEqualTo(false);
        leave(student, room);
    }

    @Test
    void theCsvReportIsRfc4180WithAHeaderAndNamesCannotBecomeFormulas() throws Exception {
        Object room = newRoom("Art");
        String eveId = UUID.randomUUID().toString();
        String eve = Tokens.accessToken(Tokens.hubKey(), eveId, "=HYPERLINK(\"http://x\",\"y\"), \"Eve\"", "riverton",
                "STUDENT", Instant.now(), Instant.now().plusSeconds(600));
        Rooms.join(hub, eve, room);
        leave(eve, room);
        Rooms.join(hub, student, room);
        leave(student, room);
        awaitReport(teacher, room, "", r -> {
            assertThat(items(r)).hasSize(2);
            assertThat(entry(r, studentId).get("presentNow")).isEqualTo(false);
        });

        for (boolean byParameter : new boolean[] {true, false}) {
            var response = client.get().uri("/api/rooms/{id}/attendance" + (byParameter ? "?format=csv" : ""), room)
                    .headers(h -> {
                        h.setBearerAuth(teacher);
                        if (!byParameter) {
                            h.setAccept(List.of(MediaType.parseMediaType("text/csv")));
                        }
                    })
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("text/csv")
                    .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v)
                            .startsWith("attachment").contains("attendance-room-" + room + ".csv"))
                    .expectBody(String.class).returnResult();
            String[] lines = response.getResponseBody().split("\r\n", -1);
            assertThat(lines).hasSize(4); // header, two participants, and the CRLF after the last row
            assertThat(lines[0]).isEqualTo(
                    "user_id,display_name,role,first_join,last_leave,minutes_present,seconds_present,joins,present_now,late");
            assertThat(lines).anySatisfy(l -> assertThat(l)
                    .startsWith(eveId + ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\"), \"\"Eve\"\"\",PARTICIPANT,")
                    .endsWith(",1,false,"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(studentId + ",Riverton Student,PARTICIPANT,"));
            assertThat(lines[3]).isEmpty();
        }
    }

    @Test
    void onlyTheRoomsCreatorAndAnAdminOfItsTenantReadItsAttendance() {
        Object room = newRoom("Geography");
        Rooms.join(hub, student, room);
        leave(student, room);

        status(teacher, "/api/rooms/" + room + "/attendance", 200);
        status(admin, "/api/rooms/" + room + "/attendance", 200);
        Problem.expect(get(student, "/api/rooms/" + room + "/attendance", MediaType.APPLICATION_JSON), 403);
        Problem.expect(get(hub.login("official@riverton"), "/api/rooms/" + room + "/attendance", MediaType.APPLICATION_JSON), 403);
        Problem.expect(get(hub.login("teacher@lakeside"), "/api/rooms/" + room + "/attendance", MediaType.APPLICATION_JSON), 403);
        Problem.expect(get(hub.login("admin@lakeside"), "/api/rooms/" + room + "/attendance", MediaType.APPLICATION_JSON), 403);
        Problem.expect(get(student, "/api/rooms/" + room + "/attendance?format=csv", MediaType.parseMediaType("text/csv")), 403);
        Problem.expect(get(teacher, "/api/rooms/" + UUID.randomUUID() + "/attendance", MediaType.APPLICATION_JSON), 404);
        Problem.expect(get(teacher, "/api/rooms/not-a-room/attendance", MediaType.APPLICATION_JSON), 400);
        Problem.expect(client.get().uri("/api/rooms/{id}/attendance", room).exchange(), 401);
    }

    @Test
    void badReportParametersAreProblemsThatNameThem() {
        Object room = newRoom("Maths");
        String base = "/api/rooms/" + room + "/attendance";
        assertThat(Problem.expect(get(teacher, base + "?expectedStart=yesterday", MediaType.APPLICATION_JSON), 400)
                .get("detail")).asString().contains("expectedStart");
        assertThat(Problem.expect(get(teacher, base + "?graceMinutes=-1", MediaType.APPLICATION_JSON), 400)
                .get("detail")).asString().contains("graceMinutes");
        assertThat(Problem.expect(get(teacher, base + "?graceMinutes=soon", MediaType.APPLICATION_JSON), 400)
                .get("detail")).asString().contains("graceMinutes");
        assertThat(Problem.expect(get(teacher, base + "?format=xml", MediaType.APPLICATION_JSON), 400)
                .get("detail")).asString().contains("format");
    }

    @Test
    void aUserReadsTheirOwnAttendanceAcrossRoomsAndAnAdminOfTheTenantToo() {
        Object first = newRoom("English");
        Object second = newRoom("French");
        Rooms.join(hub, student, first);
        leave(student, first);
        Rooms.join(hub, student, second);
        leave(student, second);
        String path = "/api/users/" + studentId + "/attendance";

        Map<String, Object> own = await().atMost(Duration.ofSeconds(30)).until(() -> body(get(student, path,
                MediaType.APPLICATION_JSON)), r -> roomIds(r).containsAll(List.of(first, second)));
        assertThat(own.get("userId")).isEqualTo(studentId);
        Map<String, Object> english = items(own).stream().filter(e -> e.get("roomId").equals(first)).findFirst().orElseThrow();
        assertThat(english.get("roomName")).isEqualTo("English");
        assertThat(english.get("kind")).isEqualTo("CLASS");
        assertThat(english.get("joins")).isEqualTo(1);
        assertThat(english.get("presentNow")).isEqualTo(false);
        assertThat(((Number) english.get("minutesPresent")).longValue()).isNotNegative();
        assertThat(Instant.parse((String) english.get("lastLeave"))).isAfterOrEqualTo(Instant.parse((String) english.get("firstJoin")));

        assertThat(roomIds(body(get(admin, path, MediaType.APPLICATION_JSON)))).contains(first, second);
        assertThat(roomIds(body(get(hub.login("admin@lakeside"), path, MediaType.APPLICATION_JSON))))
                .as("another tenant's ADMIN sees none of this tenant's rooms").isEmpty();
        Problem.expect(get(teacher, path, MediaType.APPLICATION_JSON), 403);

        String csv = get(student, path + "?format=csv", MediaType.ALL).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("room_id,room_name,kind,display_name,role,first_join,last_leave,minutes_present,"
                + "seconds_present,joins,present_now\r\n").contains("\r\n" + first + ",English,CLASS,Riverton Student,");
    }

    // --- what the events say --------------------------------------------------------------------------------

    /** One participant or room event of a room, as the room activity projector (a separate consumer) recorded it. */
    private record Activity(String type, Instant at, String userId) {
    }

    /**
     * The entry agrees with the events: first join is the earliest join, last leave the latest leave, the time the
     * sum of join-to-leave pairs, {@code joins} joins.
     */
    private static void assertMatchesEvents(Map<String, Object> entry, List<Activity> events, String userId, int joins) {
        List<Activity> own = events.stream().filter(a -> userId.equals(a.userId())).toList();
        List<Instant> joinTimes = own.stream().filter(a -> a.type().equals(JOINED)).map(Activity::at).sorted().toList();
        List<Instant> leaveTimes = own.stream().filter(a -> a.type().equals(LEFT)).map(Activity::at).sorted().toList();
        assertThat(joinTimes).hasSize(joins);
        assertThat(leaveTimes).hasSize(joins);
        Duration present = Duration.ZERO;
        for (int i = 0; i < joins; i++) {
            present = present.plus(Duration.between(joinTimes.get(i), leaveTimes.get(i)));
        }
        Instant firstJoin = Instant.parse((String) entry.get("firstJoin"));
        Instant lastLeave = Instant.parse((String) entry.get("lastLeave"));
        assertThat(firstJoin).isEqualTo(joinTimes.getFirst());
        assertThat(lastLeave).isEqualTo(leaveTimes.getLast()).isAfterOrEqualTo(firstJoin);
        assertThat(entry.get("joins")).isEqualTo(joins);
        assertThat(((Number) entry.get("secondsPresent")).longValue()).isEqualTo(present.toSeconds());
        assertThat(((Number) entry.get("minutesPresent")).longValue()).isEqualTo(present.toSeconds() / 60).isNotNegative();
        assertThat(intervals(entry)).hasSize(joins).allSatisfy(i -> assertThat(i.get("endedBy")).isEqualTo("LEAVE"));
    }

    /** Waits until the room activity history holds {@code count} events of the room, and returns them. */
    private static List<Activity> awaitActivity(Object room, int count) {
        DatabaseClient db = hub.bean(DatabaseClient.class);
        return await().atMost(Duration.ofSeconds(30)).until(() -> db.sql(
                                "SELECT type, occurred_at, data FROM room_activity WHERE room_id = :room AND type <> :created")
                        .bind("room", UUID.fromString(room.toString()))
                        .bind("created", "org.metrohub.room.created.v1")
                        .map(r -> {
                            JsonNode data = JSON.readTree(r.get("data", String.class));
                            return new Activity(r.get("type", String.class),
                                    r.get("occurred_at", OffsetDateTime.class).toInstant(),
                                    data.has("userId") ? data.get("userId").asString() : null);
                        })
                        .all().collectList().block(),
                list -> list.size() == count);
    }

    private static long rowCount(String table, Object room) {
        return hub.bean(DatabaseClient.class).sql("SELECT count(*) AS n FROM " + table + " WHERE room_id = :room")
                .bind("room", UUID.fromString(room.toString()))
                .map(r -> r.get("n", Long.class)).one().block();
    }

    // --- Kafka: the crash ---------------------------------------------------------------------------------------

    private static double projected(String result) {
        return hub.bean(MeterRegistry.class).get("metrohub.events.projected").tag("projection", "attendance")
                .tag("result", result).counter().count();
    }

    /** Waits until the outbox is empty, so every event is in Kafka. */
    private static void awaitAllPublished() {
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.bean(DatabaseClient.class)
                .sql("SELECT count(*) AS n FROM event_outbox WHERE published_at IS NULL")
                .map(r -> r.get("n", Long.class)).one().block() == 0L);
    }

    private static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, String topic, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions(admin, topic).stream().collect(Collectors.toMap(p -> p, p -> spec));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** What a crash before the commit leaves behind: the group's committed offsets behind what it applied. */
    private static void rewindGroupToStart() throws Exception {
        Admin admin = hub.bean(KafkaClients.class).admin();
        String topic = hub.bean(EventsProperties.class).roomEventsTopic();
        Map<TopicPartition, OffsetAndMetadata> rewound = offsets(admin, topic, OffsetSpec.earliest()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                admin.alterConsumerGroupOffsets(AttendanceProjector.GROUP, rewound).all().get());
    }

    /** Waits until the group has committed up to the end of every partition. */
    private static void awaitCaughtUp() {
        Admin admin = hub.bean(KafkaClients.class).admin();
        String topic = hub.bean(EventsProperties.class).roomEventsTopic();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            Map<TopicPartition, Long> end = offsets(admin, topic, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(AttendanceProjector.GROUP)
                    .partitionsToOffsetAndMetadata().get();
            end.forEach((partition, offset) -> assertThat(committed.get(partition).offset()).as("%s", partition)
                    .isEqualTo(offset));
        });
    }

    // --- HTTP -------------------------------------------------------------------------------------------------

    private static Object newRoom(String name) {
        return Rooms.create(hub, teacher, "CLASS", name).get("id");
    }

    private static void leave(String token, Object room) {
        client.post().uri("/api/rooms/{id}/leave", room).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNoContent();
    }

    @SuppressWarnings("unchecked")
    private static String me(String token) {
        return (String) client.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static WebTestClient.ResponseSpec get(String token, String uri, MediaType accept) {
        return client.get().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            h.setAccept(List.of(accept));
        }).exchange();
    }

    private static void status(String token, String uri, int status) {
        get(token, uri, MediaType.APPLICATION_JSON).expectStatus().isEqualTo(status);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> report(String token, Object room, String query) {
        return body(get(token, "/api/rooms/" + room + "/attendance" + query, MediaType.APPLICATION_JSON));
    }

    private static Map<String, Object> awaitReport(String token, Object room, String query,
                                                   Consumer<Map<String, Object>> expectation) {
        Object[] holder = new Object[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> report = report(token, room, query);
            expectation.accept(report);
            holder[0] = report;
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) holder[0];
        return report;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("items");
    }

    private static Map<String, Object> entry(Map<String, Object> report, String userId) {
        return items(report).stream().filter(e -> userId.equals(e.get("userId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + userId + " in " + report));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> intervals(Map<String, Object> entry) {
        return (List<Map<String, Object>>) entry.get("intervals");
    }

    private static List<Object> roomIds(Map<String, Object> report) {
        return items(report).stream().map(e -> e.get("roomId")).toList();
    }

    private static Map<String, Object> withoutGeneratedAt(Map<String, Object> report) {
        Map<String, Object> copy = new HashMap<>(report);
        copy.remove("generatedAt");
        return copy;
    }
}

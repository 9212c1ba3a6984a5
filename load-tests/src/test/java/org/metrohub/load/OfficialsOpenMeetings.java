package org.metrohub.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Journey: an official (or an admin) logs in, opens a meeting, joins it, looks at the room list and
 * closes the meeting again. Runs against a started hub: {@code ./mvnw -pl load-tests gatling:test}.
 *
 * <p>System properties: {@code hub.url} (default {@code http://127.0.0.1:8080}), {@code users} (new
 * users per second, default 10), {@code duration} (seconds at full rate, default 60), {@code password}
 * (of the demo users, default {@code demo}), {@code p99.ms} (bound on the 99th percentile of response
 * times, default 2000). Login is the expensive call by design (BCrypt).
 */
public class OfficialsOpenMeetings extends Simulation {

  static final String HUB_URL = System.getProperty("hub.url", "http://127.0.0.1:8080");
  static final double USERS_PER_SEC = Double.parseDouble(System.getProperty("users", "10"));
  static final Duration DURATION = Duration.ofSeconds(Long.getLong("duration", 60));
  static final Duration RAMP = Duration.ofSeconds(10);
  static final String PASSWORD = System.getProperty("password", "demo");
  static final int P99_MS = Integer.getInteger("p99.ms", 2000);

  /** The roles that may create a MEETING (api.md, Rooms): officials and admins of both tenants. */
  static final List<String> MEETING_CREATORS =
      List.of("official@riverton", "official@lakeside", "admin@riverton", "admin@lakeside");

  /** In-code feeder: cycles over the creators and numbers each meeting. */
  static Iterator<Map<String, Object>> creators() {
    AtomicLong next = new AtomicLong();
    return Stream.generate(
            () -> {
              long n = next.getAndIncrement();
              return Map.<String, Object>of(
                  "username", MEETING_CREATORS.get((int) (n % MEETING_CREATORS.size())),
                  "password", PASSWORD,
                  "meetingNo", n);
            })
        .iterator();
  }

  ChainBuilder login =
      exec(
              http("login")
                  .post("/api/auth/login")
                  .body(StringBody("{\"username\":\"#{username}\",\"password\":\"#{password}\"}"))
                  .check(status().is(200))
                  .check(jsonPath("$.accessToken").saveAs("accessToken")))
          .exitHereIfFailed();

  ChainBuilder createMeeting =
      exec(
              http("create meeting")
                  .post("/api/rooms")
                  .header("Authorization", "Bearer #{accessToken}")
                  .body(StringBody("{\"kind\":\"MEETING\",\"name\":\"Load meeting #{meetingNo}\"}"))
                  .check(status().is(201))
                  .check(jsonPath("$.id").saveAs("roomId")))
          .exitHereIfFailed();

  ChainBuilder joinMeeting =
      exec(
          http("join meeting")
              .post("/api/rooms/#{roomId}/join")
              .header("Authorization", "Bearer #{accessToken}")
              .check(status().is(200))
              .check(jsonPath("$.roomToken").exists()));

  ChainBuilder listRooms =
      exec(
          http("list rooms")
              .get("/api/rooms?page=0&size=20")
              .header("Authorization", "Bearer #{accessToken}")
              .check(status().is(200))
              .check(jsonPath("$.items").exists()));

  ChainBuilder closeMeeting =
      exec(
          http("close meeting")
              .post("/api/rooms/#{roomId}/close")
              .header("Authorization", "Bearer #{accessToken}")
              .check(status().is(200))
              .check(jsonPath("$.status").is("CLOSED")));

  HttpProtocolBuilder httpProtocol =
      http.baseUrl(HUB_URL)
          .acceptHeader("application/json")
          .contentTypeHeader("application/json")
          .userAgentHeader("MetroHub load-tests (Gatling)");

  ScenarioBuilder officialsOpenMeetings =
      scenario("Officials open meetings")
          .feed(creators())
          .exec(login, createMeeting, joinMeeting, listRooms, closeMeeting);

  {
    setUp(
            officialsOpenMeetings.injectOpen(
                rampUsersPerSec(1).to(USERS_PER_SEC).during(RAMP),
                constantUsersPerSec(USERS_PER_SEC).during(DURATION)))
        .protocols(httpProtocol)
        .assertions(
            global().failedRequests().percent().lt(1.0),
            global().responseTime().percentile(99.0).lt(P99_MS));
  }
}

package org.metrohub.portal.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metrohub.portal.testing.Browser;
import org.metrohub.portal.testing.ChromiumParticipants;
import org.metrohub.portal.testing.TestHub;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

/**
 * The course and class pages of the web portal in two headless Chromium participants against a real hub: a
 * teacher creates a course, enrols a student, plans and starts a class; the student sees it live in My classes
 * and joins its room; the teacher's attendance view then lists the student. And a student enrols through an
 * invite link the teacher's course page shows once.
 */
class ClassPagesIT {

    private static final Duration WAIT = Duration.ofSeconds(30); // a small machine, shared

    @RegisterExtension
    static final ChromiumParticipants browsers = new ChromiumParticipants();

    private final TestHub hub = TestHub.shared();

    @Test
    void aTeacherRunsAClassThatAStudentJoinsAndTheAttendanceListsTheStudent() {
        List<Browser> people = browsers.launch("teacher", "student");
        WebDriver teacher = people.get(0).driver();
        WebDriver student = people.get(1).driver();

        signIn(teacher, "teacher@riverton");
        await(teacher, "the My courses link", elementToBeClickable(By.id("home-my-courses"))).click();
        await(teacher, "the course form", visibilityOfElementLocated(By.id("course-form")));
        String name = "Algebra " + unique();
        teacher.findElement(By.id("course-name")).sendKeys(name);
        teacher.findElement(By.id("add-slot")).click(); // Monday 09:00, 45 minutes
        teacher.findElement(By.id("create-course")).click();
        await(teacher, "the course page", textToBe(By.id("course-title"), name));
        assertThat(teacher.findElement(By.id("course-schedule")).getText()).contains("Monday 09:00, 45 min");

        teacher.findElement(By.id("student-username")).sendKeys("student@riverton");
        teacher.findElement(By.id("add-student")).click();
        await(teacher, "the student is enrolled",
                visibilityOfElementLocated(By.cssSelector("#students li[data-username='student@riverton']")));
        assertThat(teacher.findElement(By.id("students")).getText()).contains("Riverton Student");

        teacher.findElement(By.id("class-title")).sendKeys("Lesson one");
        teacher.findElement(By.id("plan-class")).click();
        WebElement planned = await(teacher, "the planned class",
                visibilityOfElementLocated(By.cssSelector("#classes li[data-status='SCHEDULED']")));
        String classId = planned.getDomAttribute("data-class-id");
        String roomId = planned.getDomAttribute("data-room-id");
        assertThat(planned.getText()).contains("Lesson one").contains("Scheduled");
        String item = "#classes li[data-class-id='" + classId + "']";
        teacher.findElement(By.cssSelector(item + " .start-class")).click();
        await(teacher, "the class is live", presenceOfElementLocated(By.cssSelector(item + "[data-status='LIVE']")));

        signIn(student, "student@riverton");
        await(student, "the My classes link", elementToBeClickable(By.id("home-my-classes"))).click();
        By join = By.cssSelector("#my-classes li[data-class-id='" + classId + "'][data-status='LIVE'] .join-class");
        await(student, "the live class in My classes", elementToBeClickable(join));
        assertThat(student.findElement(By.id("my-classes")).getText()).contains(name).contains("Lesson one");
        student.findElement(join).click();
        await(student, "the class's room page", d -> d.getCurrentUrl().contains("#/rooms/" + roomId));
        await(student, "the call starts", presenceOfElementLocated(By.id("call")));

        await(teacher, "the attendance link", elementToBeClickable(By.cssSelector(item + " .attendance-link"))).click();
        await(teacher, "the attendance page", textToBe(By.id("attendance-title"), "Attendance: Lesson one"));
        By row = By.cssSelector("#attendance-rows tr");
        await(teacher, "the student's attendance row (the projector is asynchronous)",
                textToBePresentInElementLocated(By.id("attendance-rows"), "Riverton Student"));
        WebElement studentRow = teacher.findElements(row).stream()
                .filter(r -> r.getText().contains("Riverton Student")).findFirst().orElseThrow();
        assertThat(studentRow.getText()).contains("Participant");
        assertThat(Integer.parseInt(studentRow.findElement(By.className("joins")).getText())).isPositive();
        assertThat(teacher.findElement(By.id("attendance-class-status")).getText()).isEqualTo("Live");

        // the CSV goes through the API with the page's bearer token, as the Download CSV link fetches it
        String csv = (String) people.get(0).runAsync("""
                const { getBlob } = await import('/js/api.js');
                return await (await getBlob(args[0], 'text/csv')).text();
                """, "/api/classes/" + classId + "/attendance?format=csv");
        assertThat(csv).startsWith("user_id,display_name,role,first_join,last_leave,minutes_present")
                .contains("Riverton Student");

        // the student leaves the call: the row says absent, and their time stops counting
        student.findElement(By.id("call-leave")).click();
        By absent = By.cssSelector("#attendance-rows tr[data-present-now='false']");
        await(teacher, "the student shown as gone (the view refreshes every 5 s)", presenceOfElementLocated(absent));
        assertThat(teacher.findElement(absent).getText()).contains("Riverton Student");
        Map<String, Object> left = report(people.get(0), classId);
        Instant leftAt = Instant.parse((String) left.get("generatedAt"));
        Map<String, Object> later = await(teacher, "a report two seconds later",
                d -> {
                    Map<String, Object> r = report(people.get(0), classId);
                    return Instant.parse((String) r.get("generatedAt")).isAfter(leftAt.plusSeconds(2)) ? r
                            : null;
                });
        assertThat(secondsPresent(later)).as("seconds present, two seconds after leaving")
                .isEqualTo(secondsPresent(left));
        assertNoScriptErrors(teacher);
    }

    /** The class's attendance report, read through the page's API module and token. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(Browser teacher, String classId) {
        return (Map<String, Object>) teacher.runAsync("""
                const { get } = await import('/js/api.js');
                return await get(args[0]);
                """, "/api/classes/" + classId + "/attendance");
    }

    @SuppressWarnings("unchecked")
    private static long secondsPresent(Map<String, Object> report) {
        var items = (List<Map<String, Object>>) report.get("items");
        return ((Number) items.getFirst().get("secondsPresent")).longValue();
    }

    @Test
    void aStudentEnrolsThroughTheInviteLinkTheTeacherCopied() {
        String name = "Biology " + unique();
        Map<?, ?> course = hub.client().post().uri("/api/courses")
                .headers(h -> h.setBearerAuth(hub.login("teacher@riverton")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", name))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String courseId = (String) course.get("id");
        List<Browser> people = browsers.launch("teacher", "student");
        WebDriver teacher = people.get(0).driver();
        WebDriver student = people.get(1).driver();

        signIn(teacher, "teacher@riverton");
        teacher.get(hub.baseUrl() + "/#/courses/" + courseId);
        await(teacher, "the course page", textToBe(By.id("course-title"), name));
        await(teacher, "the invite button", elementToBeClickable(By.id("invite-create"))).click();
        WebElement link = await(teacher, "the invite link", visibilityOfElementLocated(By.id("invite-link")));
        String url = link.getDomProperty("value");
        assertThat(url).startsWith(hub.baseUrl()).contains("#/invites/");
        assertThat(teacher.findElement(By.id("invite-copy")).isDisplayed()).isTrue();

        signIn(student, "student2@riverton");
        student.get(url);
        await(student, "the course page after accepting", textToBe(By.id("course-title"), name));
        assertThat(student.getCurrentUrl()).endsWith("#/courses/" + courseId);
        assertThat(student.findElements(By.id("course-students"))).as("a student does not manage the course").isEmpty();

        teacher.navigate().refresh();
        await(teacher, "the student enrolled through the invite", textToBePresentInElementLocated(By.id("students"), "Riverton Student 2"));
        assertNoScriptErrors(teacher);
        assertNoScriptErrors(student);
    }

    private void signIn(WebDriver browser, String username) {
        browser.get(hub.baseUrl() + "/");
        await(browser, "the sign-in form", visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        await(browser, "the home page of " + username, d -> d.getCurrentUrl().endsWith("#/home"));
    }

    private static <T> T await(WebDriver browser, String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).withMessage(what).until(condition);
    }

    /** Refused API calls are logged as failed loads (the page shows them as messages); anything else is a bug. */
    private static void assertNoScriptErrors(WebDriver browser) {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

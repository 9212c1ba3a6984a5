package org.metrohub.portal.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metrohub.portal.web.ApiException;

/** Choosing CSV or JSON from {@code format} and {@code Accept}. */
class AttendanceControllerTest {

    @Test
    void theFormatParameterWinsOverAccept() {
        assertThat(AttendanceController.wantsCsv("csv", "application/json")).isTrue();
        assertThat(AttendanceController.wantsCsv("CSV", null)).isTrue();
        assertThat(AttendanceController.wantsCsv("json", "text/csv")).isFalse();
    }

    @Test
    void anUnknownFormatIsABadRequest() {
        assertThatThrownBy(() -> AttendanceController.wantsCsv("xml", null))
                .isInstanceOf(ApiException.class).hasMessageContaining("json or csv");
    }

    @Test
    void acceptPicksTheMostPreferredTypeAndJsonWinsTiesAndWildcards() {
        assertThat(AttendanceController.wantsCsv(null, "text/csv")).isTrue();
        assertThat(AttendanceController.wantsCsv(null, "text/csv, application/json;q=0.5")).isTrue();
        assertThat(AttendanceController.wantsCsv(null, "application/json;q=0.5, text/csv")).isTrue();
        assertThat(AttendanceController.wantsCsv(null, "application/json, text/csv")).isFalse();
        assertThat(AttendanceController.wantsCsv(null, "*/*")).isFalse();
        assertThat(AttendanceController.wantsCsv(null, "text/*")).isTrue();
        assertThat(AttendanceController.wantsCsv(null, "text/csv;q=0, */*")).isFalse();
        assertThat(AttendanceController.wantsCsv(null, null)).isFalse();
        assertThat(AttendanceController.wantsCsv(null, "not a type")).isFalse();
    }
}

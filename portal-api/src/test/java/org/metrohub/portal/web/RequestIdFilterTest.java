package org.metrohub.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void theAccessLogMasksInviteTokensAndLeavesOtherPathsAlone() {
        assertThat(RequestIdFilter.loggable("/api/invites/Zq3b_x-0aa/accept")).isEqualTo("/api/invites/***/accept");
        assertThat(RequestIdFilter.loggable("/api/invites/Zq3b_x-0aa")).isEqualTo("/api/invites/***");
        assertThat(RequestIdFilter.loggable("/api/courses/1/invites")).isEqualTo("/api/courses/1/invites");
        assertThat(RequestIdFilter.loggable("/api/rooms/7f1c/join")).isEqualTo("/api/rooms/7f1c/join");
    }
}

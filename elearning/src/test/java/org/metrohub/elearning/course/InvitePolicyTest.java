package org.metrohub.elearning.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InvitePolicyTest {

    /** A clock the test moves by hand. */
    private static final class TestClock implements InstantSource {
        private Instant now = Instant.parse("2025-03-03T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final TestClock clock = new TestClock();
    private final InvitePolicy policy = new InvitePolicy(Duration.ofDays(7), Duration.ofDays(30), clock);

    @Test
    void aLinkIsValidForSevenDaysByDefaultAndExpiresAtThatInstant() {
        InviteLink link = policy.issue(null, null);
        assertThat(link.createdAt()).isEqualTo(clock.now);
        assertThat(link.expiresAt()).isEqualTo(Instant.parse("2025-03-10T08:00:00Z"));
        assertThat(policy.stateOf(link)).isEqualTo(InviteLink.State.VALID);
        clock.advance(Duration.ofDays(7).minusNanos(1000));
        assertThat(policy.stateOf(link)).isEqualTo(InviteLink.State.VALID);
        clock.advance(Duration.ofNanos(1000));
        assertThat(policy.stateOf(link)).isEqualTo(InviteLink.State.EXPIRED);
    }

    @Test
    void anAskedValidityIsKeptBetweenOneMinuteAndThirtyDays() {
        assertThat(policy.issue(Duration.ofHours(2), null).expiresAt()).isEqualTo(Instant.parse("2025-03-03T10:00:00Z"));
        assertThat(policy.issue(Duration.ofDays(30), null).expiresAt()).isEqualTo(Instant.parse("2025-04-02T08:00:00Z"));
        assertThatThrownBy(() -> policy.issue(Duration.ofDays(31), null)).isInstanceOf(CourseRuleException.class)
                .hasMessage("An invite is valid for between 1 minute and 30 days; asked 31 days.");
        assertThatThrownBy(() -> policy.issue(Duration.ofSeconds(30), null)).isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> policy.issue(Duration.ofHours(-1), null)).isInstanceOf(CourseRuleException.class);
    }

    @Test
    void aLinkWithMaxUsesIsUsedUpOnceThatManyAccepted() {
        InviteLink fresh = policy.issue(null, 2);
        InviteLink once = new InviteLink(fresh.createdAt(), fresh.expiresAt(), 2, 1, null);
        InviteLink twice = new InviteLink(fresh.createdAt(), fresh.expiresAt(), 2, 2, null);
        assertThat(policy.stateOf(once)).isEqualTo(InviteLink.State.VALID);
        assertThat(policy.stateOf(twice)).isEqualTo(InviteLink.State.USED_UP);
        assertThat(policy.stateOf(new InviteLink(fresh.createdAt(), fresh.expiresAt(), null, 5_000, null)))
                .isEqualTo(InviteLink.State.VALID);
        assertThatThrownBy(() -> policy.issue(null, 0)).isInstanceOf(CourseRuleException.class).hasMessageContaining("maxUses");
        assertThatThrownBy(() -> policy.issue(null, 10_001)).isInstanceOf(CourseRuleException.class);
    }

    @Test
    void expiryOutranksUseAndRevocationOutranksBoth() {
        InviteLink usedUp = new InviteLink(clock.now, clock.now.plus(Duration.ofHours(1)), 1, 1, null);
        clock.advance(Duration.ofHours(2));
        assertThat(policy.stateOf(usedUp)).isEqualTo(InviteLink.State.EXPIRED);
        InviteLink revoked = new InviteLink(clock.now, clock.now.plus(Duration.ofHours(1)), null, 0,
                clock.now.plus(Duration.ofMinutes(10)));
        assertThat(policy.stateOf(revoked)).isEqualTo(InviteLink.State.VALID);
        clock.advance(Duration.ofMinutes(10));
        assertThat(policy.stateOf(revoked)).isEqualTo(InviteLink.State.REVOKED);
    }

    @Test
    void refusesADefaultLongerThanTheLongestValidity() {
        assertThatThrownBy(() -> new InvitePolicy(Duration.ofDays(31), Duration.ofDays(30), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default invite validity");
    }

    @Test
    void tokensAreUrlSafeDistinctAndStoredOnlyAsTheirSha256() {
        SplittableRandom random = new SplittableRandom(7);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = InviteToken.generate(random);
            assertThat(InviteToken.wellFormed(token)).as(token).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertThat(InviteToken.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(InviteToken.wellFormed("short")).isFalse();
        assertThat(InviteToken.wellFormed("a".repeat(42) + "/")).isFalse();
        assertThat(InviteToken.wellFormed(null)).isFalse();
    }
}

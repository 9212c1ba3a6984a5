package org.metrohub.media.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrohub.media.sfu.bwe.LayerAllocation.SUSPENDED;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LayerSelectorTest {
    private static final long MS = 1_000_000L;
    private static final int Q = 0;
    private static final int H = 1;
    private static final int F = 2;

    /** A source sending q/h/f at 150 kb/s, 500 kb/s and 1.5 Mb/s, fed in 10 ms steps up to the test clock. */
    private static final class Camera {
        final SimulcastSource source;
        final long[] bps;
        long fedUntil;

        Camera(String id, long... bps) {
            this.source = new SimulcastSource(id, 180, 360, 720);
            this.bps = bps;
        }

        void feedUntil(long now) {
            for (; fedUntil < now; fedUntil += 10 * MS) {
                for (int layer = 0; layer < bps.length; layer++) {
                    source.onPacket(layer, (int) (bps[layer] / 8 / 100), fedUntil);
                }
            }
        }
    }

    private Camera alice;
    private Camera bob;
    private Camera carol;
    private long now;
    private final LayerSelector selector = new LayerSelector();

    @BeforeEach
    void sources() {
        alice = new Camera("alice", 150_000, 500_000, 1_500_000);
        bob = new Camera("bob", 150_000, 500_000, 1_500_000);
        carol = new Camera("carol", 150_000, 500_000, 1_500_000);
        advance(2000 * MS);
    }

    private void advance(long nanos) {
        now += nanos;
        alice.feedUntil(now);
        bob.feedUntil(now);
        carol.feedUntil(now);
    }

    private LayerAllocation allocate(long estimate, SourceRequest... requests) {
        return selector.allocate(estimate, List.of(requests), now);
    }

    @Test
    void aNewOnStageSourceGetsTheBestLayerTheEstimatePaysForAtOnce() {
        assertThat(allocate(5_000_000, SourceRequest.onStage(alice.source)).layerOf("alice")).isEqualTo(F);

        LayerSelector other = new LayerSelector();
        assertThat(other.allocate(1_000_000, List.of(SourceRequest.onStage(alice.source)), now).layerOf("alice"))
                .isEqualTo(H);
    }

    @Test
    void respectsTheReceiversPreferredHeight() {
        LayerAllocation a = allocate(5_000_000, new SourceRequest(alice.source, true, 360));

        assertThat(a.layerOf("alice")).isEqualTo(H);
        assertThat(a.sources().get(0).bitrateBps()).isBetween(490_000L, 510_000L);
        assertThat(allocate(5_000_000, new SourceRequest(bob.source, true, 0)).layerOf("bob")).isEqualTo(SUSPENDED);
        assertThat(allocate(5_000_000, new SourceRequest(carol.source, true, 90)).layerOf("carol")).isEqualTo(Q);
    }

    @Test
    void switchesDownAtOnceWhenTheLayerNoLongerFits() {
        allocate(5_000_000, SourceRequest.onStage(alice.source));
        advance(100 * MS);

        assertThat(allocate(1_400_000, SourceRequest.onStage(alice.source)).layerOf("alice")).isEqualTo(H);
        advance(100 * MS);
        assertThat(allocate(400_000, SourceRequest.onStage(alice.source)).layerOf("alice")).isEqualTo(Q);
        advance(100 * MS);
        assertThat(allocate(100_000, SourceRequest.onStage(alice.source)).layerOf("alice")).isEqualTo(SUSPENDED);
    }

    @Test
    void switchesUpOnlyAfterTheEstimateExceeds120PercentForTwoSeconds() {
        allocate(1_000_000, SourceRequest.onStage(alice.source)); // h
        // 1.7 Mb/s pays for f (1.5 Mb/s) but not with the 20 % margin (1.8 Mb/s): stays on h for good.
        for (int i = 0; i < 50; i++) {
            advance(100 * MS);
            assertThat(allocate(1_700_000, SourceRequest.onStage(alice.source)).layerOf("alice")).isEqualTo(H);
        }
        // 1.9 Mb/s: f after 2 s, not before.
        for (int i = 0; i < 20; i++) {
            LayerAllocation a = allocate(1_900_000, SourceRequest.onStage(alice.source));
            assertThat(a.layerOf("alice")).as("after %d ms", i * 100).isEqualTo(H);
            assertThat(a.sources().get(0).pendingUp()).isTrue();
            advance(100 * MS);
        }
        assertThat(allocate(1_900_000, SourceRequest.onStage(alice.source)).layerOf("alice")).isEqualTo(F);
        // and it keeps f down to its plain bitrate
        advance(100 * MS);
        assertThat(allocate(1_550_000, SourceRequest.onStage(alice.source)).layerOf("alice")).isEqualTo(F);
    }

    @Test
    void anEstimateThatDipsRestartsTheUpSwitchHold() {
        allocate(1_000_000, SourceRequest.onStage(alice.source));
        for (int i = 0; i < 40; i++) { // 4 s of an estimate flapping around the up-switch point every 1.5 s
            advance(100 * MS);
            long estimate = (i / 15) % 2 == 0 ? 1_900_000 : 1_600_000;
            assertThat(allocate(estimate, SourceRequest.onStage(alice.source)).layerOf("alice")).isEqualTo(H);
        }
    }

    @Test
    void theActiveSpeakerComesFirstAndOthersGetTheLowestLayer() {
        LayerAllocation a = allocate(3_000_000, SourceRequest.thumbnail(bob.source), SourceRequest.onStage(alice.source),
                SourceRequest.thumbnail(carol.source));

        assertThat(a.layerOf("alice")).isEqualTo(F);
        assertThat(a.layerOf("bob")).isEqualTo(Q);
        assertThat(a.layerOf("carol")).isEqualTo(Q);
        assertThat(a.sources()).extracting(LayerAllocation.SourceLayer::sourceId).containsExactly("bob", "alice", "carol");
        assertThat(a.allocatedBps()).isBetween(1_780_000L, 1_820_000L);
    }

    @Test
    void thumbnailsStayLowestEvenWithBandwidthToSpare() {
        LayerAllocation a = allocate(20_000_000, SourceRequest.thumbnail(bob.source), SourceRequest.thumbnail(carol.source));

        assertThat(a.layerOf("bob")).isEqualTo(Q);
        assertThat(a.layerOf("carol")).isEqualTo(Q);
    }

    @Test
    void sourcesBeyondTheBudgetAreSuspendedInPriorityOrder() {
        // 400 kb/s: alice's q (150k) and bob's q (150k) fit, carol's does not.
        LayerAllocation a = allocate(400_000, SourceRequest.onStage(alice.source), SourceRequest.thumbnail(bob.source),
                SourceRequest.thumbnail(carol.source));

        assertThat(a.layerOf("alice")).isEqualTo(Q);
        assertThat(a.layerOf("bob")).isEqualTo(Q);
        assertThat(a.layerOf("carol")).isEqualTo(SUSPENDED);
        assertThat(a.sources().get(2).bitrateBps()).isZero();
    }

    @Test
    void aSuspendedSourceComesBackOnlyAfterTheHold() {
        allocate(200_000, SourceRequest.onStage(alice.source), SourceRequest.thumbnail(bob.source));
        advance(100 * MS);

        LayerAllocation a = allocate(500_000, SourceRequest.onStage(alice.source), SourceRequest.thumbnail(bob.source));
        assertThat(a.layerOf("bob")).isEqualTo(SUSPENDED);
        advance(2000 * MS);
        a = allocate(500_000, SourceRequest.onStage(alice.source), SourceRequest.thumbnail(bob.source));
        assertThat(a.layerOf("bob")).isEqualTo(Q);
    }

    @Test
    void skipsALayerTheSenderStopped() {
        Camera noHigh = new Camera("dave", 150_000, 500_000, 0);
        noHigh.feedUntil(now);

        LayerAllocation a = selector.allocate(10_000_000, List.of(SourceRequest.onStage(noHigh.source)), now);

        assertThat(a.layerOf("dave")).isEqualTo(H);
    }
}

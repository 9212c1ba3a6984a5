package org.metrohub.media.sfu.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActiveSpeakerDetectorTest {
    private static final long MS = 1_000_000L;
    private static final int SPEECH = 30; // -30 dBov
    private static final int LOUD = 20;
    private static final int QUIET_SPEECH = 40;
    private static final int NOISE = 65; // background, below the 60 -dBov noise level
    private static final int SILENT = 127;
    /** Opus DTX: the endpoint sends no packet at all. */
    private static final int NO_PACKET = -1;

    private record Change(String endpoint, long atMs) {
    }

    private final List<Change> changes = new ArrayList<>();
    private ActiveSpeakerDetector detector;
    private long now;

    @BeforeEach
    void room() {
        detector = new ActiveSpeakerDetector((id, t) -> changes.add(new Change(id, t / MS)));
        detector.addEndpoint("alice");
        detector.addEndpoint("bob");
        detector.addEndpoint("carol");
    }

    /** Feeds one 20 ms packet per endpoint for {@code ms}, with the given levels (alice, bob, carol). */
    private void talk(long ms, int alice, int bob, int carol) {
        for (long end = now + ms * MS; now < end; now += 20 * MS) {
            feed("alice", alice);
            feed("bob", bob);
            feed("carol", carol);
        }
    }

    private void feed(String id, int level) {
        if (level != NO_PACKET) {
            detector.onAudioLevel(id, level, now);
        }
    }

    @Test
    void aSpeakerTakesOverAfterDominatingForASecond() {
        talk(900, SPEECH, SILENT, SILENT);
        assertThat(detector.dominantSpeaker()).isNull();

        talk(1600, SPEECH, SILENT, SILENT);

        assertThat(detector.dominantSpeaker()).isEqualTo("alice");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).endpoint()).isEqualTo("alice");
        assertThat(changes.get(0).atMs()).isBetween(1000L, 1400L);
    }

    @Test
    void silenceNeverSwitches() {
        talk(3000, SPEECH, SILENT, SILENT);

        talk(10_000, SILENT, SILENT, SILENT);
        talk(10_000, NO_PACKET, NO_PACKET, NO_PACKET);

        assertThat(detector.dominantSpeaker()).isEqualTo("alice");
        assertThat(changes).hasSize(1);
    }

    @Test
    void backgroundNoiseNeverTakesOver() {
        talk(3000, SPEECH, SILENT, SILENT);
        talk(10_000, SILENT, NOISE, NOISE);

        assertThat(detector.dominantSpeaker()).isEqualTo("alice");
        assertThat(detector.score("bob", now)).isZero();
    }

    @Test
    void aShortInterjectionDoesNotTakeOver() {
        talk(3000, SPEECH, SILENT, SILENT);
        talk(300, SPEECH, LOUD, SILENT); // bob interrupts while alice goes on
        talk(3000, SPEECH, SILENT, SILENT);
        talk(200, SILENT, LOUD, SILENT); // a cough in a pause
        talk(3000, SILENT, SILENT, SILENT);

        assertThat(detector.dominantSpeaker()).isEqualTo("alice");
        assertThat(changes).hasSize(1);
    }

    @Test
    void theNextSpeakerTakesOverWhenTheFirstStops() {
        talk(3000, SPEECH, SILENT, SILENT);
        talk(3000, SILENT, SPEECH, SILENT);

        assertThat(detector.dominantSpeaker()).isEqualTo("bob");
        assertThat(changes).extracting(Change::endpoint).containsExactly("alice", "bob");
        assertThat(changes.get(1).atMs()).isBetween(3500L, 5000L);
        assertThat(detector.speakerHistory()).containsExactly("bob", "alice", "carol");
    }

    @Test
    void theLouderOfTwoSimultaneousSpeakersWins() {
        talk(3000, QUIET_SPEECH, LOUD, SILENT);

        assertThat(detector.dominantSpeaker()).isEqualTo("bob");
        assertThat(changes).hasSize(1);
    }

    @Test
    void aDtxSpeakerSendingOnlyWhileTalkingTakesOver() {
        talk(3000, SPEECH, NO_PACKET, NO_PACKET);
        talk(3000, NO_PACKET, SPEECH, NO_PACKET);

        assertThat(detector.dominantSpeaker()).isEqualTo("bob");
    }

    @Test
    void removingTheDominantSpeakerHandsOverToThePreviousOne() {
        talk(3000, SPEECH, SILENT, SILENT);
        talk(3000, SILENT, SPEECH, SILENT);

        detector.removeEndpoint("bob", now);

        assertThat(detector.dominantSpeaker()).isEqualTo("alice");
        assertThat(changes).extracting(Change::endpoint).containsExactly("alice", "bob", "alice");
        assertThat(detector.speakerHistory()).containsExactly("alice", "carol");
        detector.onAudioLevel("bob", LOUD, now); // gone: ignored
        assertThat(detector.score("bob", now)).isZero();
    }

    @Test
    void readsLevelsFromRealRtpBytesThroughAudioLevel() {
        var packet = new org.metrohub.media.rtp.RtpPacket().wrap(AudioLevelTest.ONE_BYTE_FORM, 0,
                AudioLevelTest.ONE_BYTE_FORM.length);
        int level = AudioLevel.level(AudioLevel.read(packet, 1)); // -33 dBov
        for (long end = now + 2500 * MS; now < end; now += 20 * MS) {
            detector.onAudioLevel("carol", level, now);
        }

        assertThat(detector.dominantSpeaker()).isEqualTo("carol");
        assertThat(detector.score("carol", now)).isBetween(26.0, 28.0); // 60 - 33
    }

    @Test
    void allocatesNothingPerAudioLevelInSteadyState() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        ActiveSpeakerDetector quiet = new ActiveSpeakerDetector((id, t) -> { });
        String[] ids = {"a", "b", "c", "d"};
        for (String id : ids) {
            quiet.addEndpoint(id);
        }
        // One speaker, one whisperer, noise and silence: scores move every packet, the decision runs every
        // 100 ms, and after the first second nobody takes over (a change may allocate: it is an event).
        int[] levels = {SPEECH, 55, NOISE, SILENT};
        long t = feedLevels(quiet, ids, levels, 0, 5000);

        // A per-packet allocation shows in every round (5,000 × 4 levels); the JVM itself may put a few bytes on
        // this thread once (a compilation or profiling event on a loaded machine: 120 B seen once), so the
        // quietest of three rounds must be 0.
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            threads.getThreadAllocatedBytes(thread);
            long before = threads.getThreadAllocatedBytes(thread);
            t = feedLevels(quiet, ids, levels, t, 5000);
            least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
        }

        assertThat(least).isZero();
        assertThat(quiet.dominantSpeaker()).isEqualTo("a");
    }

    private static long feedLevels(ActiveSpeakerDetector d, String[] ids, int[] levels, long t, int packets) {
        for (int i = 0; i < packets; i++, t += 20 * MS) {
            for (int k = 0; k < ids.length; k++) {
                d.onAudioLevel(ids[k], levels[k], t);
            }
        }
        return t;
    }
}

package org.metrohub.media.bench;

import java.util.concurrent.TimeUnit;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.sfu.speaker.ActiveSpeakerDetector;
import org.metrohub.media.sfu.speaker.AudioLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Per-packet cost of the active speaker path: read the RFC 6464 level from an Opus packet's header extension
 * and feed it to an {@link ActiveSpeakerDetector} of 8 endpoints (one op = one audio packet, 20 ms of one
 * endpoint; the speaker stays the same, so this is the steady state).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpeakerBenchmark {
    private static final String[] ENDPOINTS = {"e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7"};

    private final byte[] opus = BenchPackets.bytes("""
            90 6f 00 01    # V=2 X=1, PT=111 (Opus), sequence number 1
            00 00 03 c0    # timestamp 960
            11 22 33 44    # SSRC
            be de 00 01    # one-byte header extensions, 1 word
            10 a1 00 00    #   id 1 ssrc-audio-level: V=1, level 33; padding
            fc ff fe       # Opus payload
            """);
    private final RtpPacket packet = new RtpPacket();
    private final ActiveSpeakerDetector detector = new ActiveSpeakerDetector((id, t) -> { });
    private long now;
    private int next;

    public SpeakerBenchmark() {
        for (String e : ENDPOINTS) {
            detector.addEndpoint(e);
        }
    }

    @Benchmark
    public int onAudioLevel() {
        int e = next;
        next = (next + 1) & 7;
        packet.wrap(opus, 0, opus.length);
        int level = e == 0 ? AudioLevel.level(AudioLevel.read(packet, 1)) : 70 + e; // one speaker, 7 quiet
        detector.onAudioLevel(ENDPOINTS[e], level, now);
        now += 2_500_000L; // 8 endpoints x 2.5 ms = one 20 ms packet each
        return level;
    }
}

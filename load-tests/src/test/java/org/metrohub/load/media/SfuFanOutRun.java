package org.metrohub.load.media;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.metrohub.media.bot.BotPacer;
import org.metrohub.media.bot.BotParticipant;
import org.metrohub.media.bot.BotSettings;
import org.metrohub.media.bot.BotStats;
import org.metrohub.media.bot.ConferenceSignalling;
import org.metrohub.media.bot.LatencyHistogram;
import org.metrohub.media.node.LocalMediaNode;
import org.metrohub.media.node.NodeSettings;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.SfuSettings;
import org.metrohub.media.transport.dtls.DtlsCertificate;
import org.metrohub.media.transport.ice.IceSettings;

/**
 * Benchmark (not a test): one sender bot sends video to N receiver bots through one in-process {@link LocalMediaNode}
 * over loopback UDP, for each N in turn; prints the node's CPU, forwarded packets per second, loss and one-way
 * forwarding latency. Run from the repository root (it builds media-gateway first):
 *
 * <pre>
 * ./mvnw -B -pl load-tests -am -Psfu-load -DskipTests verify -Dsfu.receivers=50,100,200,400 -Dsfu.seconds=20
 * </pre>
 *
 * <p>System properties: {@code sfu.receivers} (list of N), {@code sfu.seconds} (measured seconds per N, after a warm-up
 * until every receiver gets video), {@code sfu.pps} and {@code sfu.bytes} (sender packets per second and RTP bytes
 * per packet; 51 × 1,456 B RTP = 1,472 B SRTP datagrams = 600 kb/s, 17 frames/s of 3 packets: ice4j truncates
 * longer datagrams, see {@link BotSettings#MAX_PACKET}), {@code sfu.out} (a file for the result table).
 *
 * <p>CPU split: every JVM thread's CPU time ({@link ThreadMXBean}, user + system) is read at the start and the end of
 * the window and attributed by name: {@code ice-client-*} (bot readers), {@code bot-pacer}, {@code bot-dtls-*} and
 * this runner's threads are the bots'; everything else in the JVM (ice4j's shared-port reader, {@code ice-recv-*}
 * endpoint threads that decrypt and forward, {@code dtls-*}, the node's scheduler, ice4j timers) is the node's.
 * "Other" is the process CPU time minus all Java threads: GC, JIT and VM threads, shared by both. Loopback delivery
 * runs in the sending thread's system time, so the node's figure includes handing datagrams to the bots' sockets.
 */
public final class SfuFanOutRun {

    private static final String[] BOT_THREADS = {"ice-client-", "bot-pacer", "bot-dtls-", "sfu-load", "main"};

    private SfuFanOutRun() {
    }

    /** One N's figures. */
    record Result(int receivers, double seconds, double nodeCpu, double botCpu, double otherCpu, double sentPps,
                  double forwardedPps, double delivered, double loss, long gaps, long p50Micros, long p99Micros, long maxMicros,
                  double loadAverage, int connectFailures) {

        String row() {
            return String.format(Locale.ROOT,
                    "| %d | %.0f | %.1f %% | %.3f %% | %.1f %% | %.1f %% | %.0f | %.2f %% | %.3f %% | %d | %.2f | %.2f | %.1f | %.1f |",
                    receivers, sentPps, 100 * nodeCpu, 100 * nodeCpu / receivers, 100 * botCpu, 100 * otherCpu,
                    forwardedPps, 100 * delivered, 100 * loss, gaps, p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0,
                    loadAverage);
        }
    }

    static final String HEADER = """
            | receivers | sent pkt/s | node CPU (of one core) | node CPU per receiver | bots CPU | other (GC/JIT) | \
            forwarded pkt/s | delivered | loss | seq gaps | latency p50 ms | p99 ms | max ms | load avg (1 min) |
            | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |""";

    public static void main(String[] args) throws Exception {
        List<Integer> counts = new ArrayList<>();
        for (String n : System.getProperty("sfu.receivers", "50,100,200,400").split(",")) {
            counts.add(Integer.parseInt(n.strip()));
        }
        int seconds = Integer.getInteger("sfu.seconds", 20);
        int pps = Integer.getInteger("sfu.pps", 51);
        int bytes = Integer.getInteger("sfu.bytes", BotSettings.MAX_PACKET);
        DtlsCertificate certificate = DtlsCertificate.generate(); // one for all bots: only the fingerprint matters
        System.out.printf(Locale.ROOT, "SFU fan-out: 1 sender, %d pkt/s × %d B RTP (%.0f kb/s), receivers %s, %d s each;"
                        + " %d CPUs, %s %s%n", pps, bytes, pps * (bytes + 16) * 8 / 1000.0, counts, seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        List<Result> results = new ArrayList<>();
        for (int n : counts) {
            Result r = run(n, seconds, pps, bytes, certificate);
            results.add(r);
            System.out.println(HEADER);
            for (Result x : results) {
                System.out.println(x.row());
            }
        }
        String out = System.getProperty("sfu.out");
        if (out != null) {
            StringBuilder table = new StringBuilder(HEADER).append('\n');
            results.forEach(r -> table.append(r.row()).append('\n'));
            Files.writeString(Path.of(out), table);
        }
    }

    static Result run(int receivers, int seconds, int pps, int bytes, DtlsCertificate certificate) throws Exception {
        SfuSettings sfu = SfuSettings.defaults();
        // The node's own ICE defaults (consent freshness on): one unanswered consent check is not fatal, only
        // 30 s with neither an answer nor a datagram from the peer.
        NodeSettings settings = new NodeSettings("load", IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED), new SfuSettings(sfu.keyframeRequestInterval(),
                sfu.senderBitrate(), sfu.feedbackInterval(), receivers + 1, sfu.lastN()));
        List<BotParticipant> bots = new ArrayList<>();
        int failures = 0;
        try (LocalMediaNode node = new LocalMediaNode(settings); BotPacer pacer = new BotPacer()) {
            Conference room = node.openRoom("fan-out");
            BotSettings sender = BotSettings.defaults().withAudio(false).withVideo(BotSettings.VideoMode.SINGLE)
                    .withVideoRate(pps, bytes, 3).withKeyframeInterval(100).withTimeout(Duration.ofSeconds(30));
            BotParticipant source = ConferenceSignalling.connectBot(room, "sender", sender, certificate, null);
            bots.add(source);
            BotSettings viewer = BotSettings.receiveOnly(0, 1).withTimeout(Duration.ofSeconds(30));
            List<BotParticipant> viewers = new ArrayList<>();
            try (ExecutorService connect = Executors.newFixedThreadPool(4,
                    r -> Thread.ofPlatform().name("sfu-load-connect").unstarted(r))) {
                List<Future<BotParticipant>> pending = new ArrayList<>();
                for (int i = 0; i < receivers; i++) {
                    String id = "viewer-" + i;
                    pending.add(connect.submit(() -> ConferenceSignalling.connectBot(room, id, viewer, certificate,
                            null)));
                }
                for (Future<BotParticipant> f : pending) {
                    try {
                        viewers.add(f.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures++;
                        System.out.println("connect failed: " + e.getCause());
                    }
                }
            }
            bots.addAll(viewers);
            source.startSending(pacer);
            // Warm-up: until every receiver has video (the node asked the sender for a keyframe), at most 30 s.
            long warmUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < warmUntil && viewers.stream().anyMatch(v -> v.stats().packetsReceived() < 10)) {
                LockSupport.parkNanos(100_000_000L);
            }
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());

            Snapshot start = Snapshot.take(source, viewers);
            LockSupport.parkNanos(Duration.ofSeconds(seconds).toNanos());
            Snapshot end = Snapshot.take(source, viewers);
            StringBuilder drops = new StringBuilder();
            for (org.metrohub.media.sfu.Drop d : org.metrohub.media.sfu.Drop.values()) {
                if (room.dropped(d) > 0) {
                    drops.append(' ').append(d).append('=').append(room.dropped(d));
                }
            }
            System.out.println("N=" + receivers + " node drops:" + (drops.isEmpty() ? " none" : drops)
                    + "; sender " + source.stats());
            return end.minus(start, receivers, failures);
        } finally {
            bots.forEach(BotParticipant::close);
        }
    }

    /** Counters at one instant. */
    record Snapshot(long nanos, long processCpu, Map<Long, Long> threadCpu, Map<Long, String> threadNames,
                    long sent, long received, long gaps, LatencyHistogram latency) {

        static Snapshot take(BotParticipant source, List<BotParticipant> viewers) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> cpu = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t >= 0) {
                    cpu.put(info.getThreadId(), t);
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long received = 0;
            long gaps = 0;
            LatencyHistogram latency = new LatencyHistogram();
            for (BotParticipant v : viewers) {
                BotStats s = v.stats();
                received += s.packetsReceived();
                for (BotStats.StreamStats st : s.streams()) {
                    gaps += st.gaps();
                }
                latency.add(v.latency());
            }
            return new Snapshot(System.nanoTime(), process, cpu, names, source.stats().packetsSent(), received, gaps,
                    latency);
        }

        Result minus(Snapshot start, int receivers, int failures) {
            double seconds = (nanos - start.nanos) / 1e9;
            long node = 0;
            long bots = 0;
            for (Map.Entry<Long, Long> e : threadCpu.entrySet()) {
                long delta = e.getValue() - start.threadCpu.getOrDefault(e.getKey(), 0L);
                if (isBotThread(threadNames.get(e.getKey()))) {
                    bots += delta;
                } else {
                    node += delta;
                }
            }
            long other = Math.max(0, (processCpu - start.processCpu) - node - bots);
            LatencyHistogram window = latency.copy();
            window.subtract(start.latency);
            long sentPackets = sent - start.sent;
            long expected = sentPackets * (long) (receivers - failures);
            long got = received - start.received;
            // delivered: received ÷ (sent × receivers) in the window, off by the packets in flight at its edges;
            // loss: sequence numbers the receivers skipped ÷ (received + skipped).
            double delivered = expected == 0 ? 0 : (double) got / expected;
            long skipped = gaps - start.gaps;
            double loss = got + skipped == 0 ? 0 : (double) skipped / (got + skipped);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new Result(receivers, seconds, node / 1e9 / seconds, bots / 1e9 / seconds, other / 1e9 / seconds,
                    sentPackets / seconds, got / seconds, delivered, loss, skipped, window.quantileMicros(0.5),
                    window.quantileMicros(0.99), window.maxMicros(), load, failures);
        }

        private static boolean isBotThread(String name) {
            if (name == null) {
                return false;
            }
            for (String prefix : BOT_THREADS) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}

package org.metrohub.portal.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A slow link on loopback for one receiver: limits the rate of UDP datagrams (IPv4) sent to chosen destination
 * ports, with Linux traffic control ({@code tc}), in the test JVM's loopback-only network namespace only, so
 * the machine's own {@code lo} is never touched and the limits end with the JVM at the latest. Traffic to other
 * ports (the hub, its engines, other browsers) passes unshaped.
 * <pre>
 * lo root qdisc htb 1:            unclassified packets pass straight through
 *   class 1:N htb rate=ceil=K kbit, leaf pfifo of {@value #QUEUE_PACKETS} packets (the rest is dropped)
 *     &lt;- filter pref N u32: ip protocol 17, ip dport P
 * </pre>
 * <pre>{@code
 * try (LoopbackShaper shaper = LoopbackShaper.onLoopback()) {
 *     shaper.limit(studentUdpPort, 300); // kbit/s
 *     ...
 *     shaper.lift(studentUdpPort);
 * }
 * }</pre>
 */
public final class LoopbackShaper implements AutoCloseable {

    /** About a second of 1200-byte packets at 300 kbit/s: a bad link's queue, not an endless buffer. */
    static final int QUEUE_PACKETS = 32;


    private static final String DEV = "lo";
    private static final int FIRST_CLASS = 0x10;

    private final String tc;
    private final Map<Integer, Integer> classByPort = new HashMap<>();
    private int nextClass = FIRST_CLASS;
    private boolean installed;

    private LoopbackShaper(String tc) {
        this.tc = tc;
    }

    /**
     * A shaper on this namespace's {@code lo}, with nothing limited yet. Skips the calling test, printing why, outside
     * the loopback-only namespace or without {@code tc} (Debian's iproute2).
     */
    public static LoopbackShaper onLoopback() {
        LoopbackNamespace.assumeInside("LoopbackShaper");
        String tc = findTc();
        Assumptions.assumeTrue(tc != null, () -> {
            String why = "LoopbackShaper skipped: no tc command (install iproute2)";
            System.err.println(why);
            return why;
        });
        LoopbackShaper shaper = new LoopbackShaper(tc);
        shaper.run("qdisc", "replace", "dev", DEV, "root", "handle", "1:", "htb");
        shaper.installed = true;
        return shaper;
    }

    /** Limits UDP datagrams to {@code port} (on any loopback address) to {@code kbit} kbit/s; again: a new rate. */
    public synchronized void limit(int port, int kbit) {
        if (port < 1 || port > 0xffff || kbit < 1) {
            throw new IllegalArgumentException("port " + port + ", " + kbit + " kbit/s");
        }
        requireInstalled();
        String rate = kbit + "kbit";
        Integer existing = classByPort.get(port);
        if (existing != null) {
            run("class", "change", "dev", DEV, "parent", "1:", "classid", classId(existing), "htb", "rate", rate,
                    "ceil", rate);
            return;
        }
        addClass(port, rate, QUEUE_PACKETS);
    }

    private void addClass(int port, String rate, int queuePackets) {
        int n = nextClass++;
        run("class", "add", "dev", DEV, "parent", "1:", "classid", classId(n), "htb", "rate", rate, "ceil", rate);
        run("qdisc", "add", "dev", DEV, "parent", classId(n), "handle", Integer.toHexString(n) + ":", "pfifo",
                "limit", Integer.toString(queuePackets));
        run("filter", "add", "dev", DEV, "parent", "1:", "protocol", "ip", "prio", Integer.toString(n), "u32",
                "match", "ip", "protocol", "17", "0xff", "match", "ip", "dport", Integer.toString(port), "0xffff",
                "flowid", classId(n));
        classByPort.put(port, n);
    }

    /**
     * Drops every UDP datagram to {@code port}: a network that blocks UDP (undo with {@link #lift}). Done with a
     * class whose queue holds nothing, since tc's drop action needs a kernel module the namespace may not have.
     */
    public synchronized void block(int port) {
        if (port < 1 || port > 0xffff) {
            throw new IllegalArgumentException("port " + port);
        }
        requireInstalled();
        lift(port);
        addClass(port, "8bit", 0);
    }

    /** Lets datagrams to {@code port} through unshaped again; a port that is not limited is left alone. */
    public synchronized void lift(int port) {
        Integer n = classByPort.remove(port);
        if (n == null) {
            return;
        }
        run("filter", "del", "dev", DEV, "parent", "1:", "protocol", "ip", "prio", Integer.toString(n));
        run("class", "del", "dev", DEV, "classid", classId(n));
    }

    /** Removes every limit and the root qdisc itself: {@code lo} is as the namespace started. */
    public synchronized void clear() {
        if (installed) {
            installed = false;
            classByPort.clear();
            run("qdisc", "del", "dev", DEV, "root");
        }
    }

    /** {@code tc -s} statistics of {@code lo}'s qdiscs and classes (sent, dropped, overlimits), for messages. */
    public synchronized String statistics() {
        return run("-s", "qdisc", "show", "dev", DEV) + run("-s", "class", "show", "dev", DEV);
    }

    @Override
    public void close() {
        clear();
    }

    private void requireInstalled() {
        if (!installed) {
            throw new IllegalStateException("the shaper was cleared");
        }
    }

    private static String classId(int n) {
        return "1:" + Integer.toHexString(n);
    }

    private String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(tc));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "): " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }

    private static String findTc() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator
                + "/sbin";
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "tc")).filter(Files::isExecutable).map(Path::toString)
                .findFirst().orElse(null);
    }
}

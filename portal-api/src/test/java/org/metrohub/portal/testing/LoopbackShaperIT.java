package org.metrohub.portal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link LoopbackShaper} really slows one UDP receiver down and no other: the same blast of datagrams reaches
 * an unshaped port nearly whole, and a port limited to 300 kbit/s only as far as the rate and the limit's
 * queue let it (a few dozen datagrams), until the limit is lifted.
 */
class LoopbackShaperIT {

    private static final int DATAGRAMS = 2000;
    private static final int SIZE = 1000;
    /** Datagrams in flight to the pacing receiver at most: ~150 KB, less than any receive buffer holds. */
    private static final int WINDOW = 64;
    /** Receivers stop counting after this much silence; a 300 kbit/s link passes a datagram every ~28 ms. */
    private static final int QUIET_MS = 1000;

    @BeforeAll
    static void needsTheNamespace() {
        LoopbackNamespace.assumeInside("LoopbackShaperIT");
    }

    @Test
    void aLimitedPortReceivesFarLessOfABlastThanAnUnlimitedOneUntilTheLimitIsLifted() throws Exception {
        try (LoopbackShaper shaper = LoopbackShaper.onLoopback();
                DatagramSocket limited = receiver();
                DatagramSocket unlimited = receiver();
                DatagramSocket sender = new DatagramSocket(loopback(0))) {
            shaper.limit(limited.getLocalPort(), 300);

            int[] shaped = blast(sender, unlimited, limited, unlimited);
            String statistics = shaper.statistics();
            assertThat(shaped[1]).as("unlimited port received (of %d)", DATAGRAMS).isGreaterThan(DATAGRAMS / 2);
            assertThat(shaped[0]).as("limited port received (of %d); tc says:%n%s", DATAGRAMS, statistics)
                    .isPositive()
                    .isLessThan(shaped[1] / 5);
            assertThat(statistics).as("tc counts the drops").containsPattern("dropped [1-9]");

            shaper.lift(limited.getLocalPort());
            int[] lifted = blast(sender, limited, limited, unlimited);
            assertThat(lifted[0]).as("once lifted, the port received (of %d)", DATAGRAMS)
                    .isGreaterThan(5 * shaped[0])
                    .isGreaterThan(DATAGRAMS / 2);

            shaper.clear();
            assertThat(shaper.statistics()).doesNotContain("htb");
        }
    }

    /**
     * Sends {@link #DATAGRAMS} to each receiver, interleaved, as fast as {@code pacer} takes them: never more than
     * {@link #WINDOW} ahead of what it has received, so no receive buffer overflows whatever the machine's
     * {@code net.core.rmem_max}. Returns how many datagrams each receiver got.
     */
    private static int[] blast(DatagramSocket sender, DatagramSocket pacer, DatagramSocket... receivers)
            throws Exception {
        Semaphore credits = new Semaphore(WINDOW);
        try (ExecutorService counting = Executors.newFixedThreadPool(receivers.length)) {
            List<Future<Integer>> counts = new ArrayList<>();
            for (DatagramSocket receiver : receivers) {
                Semaphore returned = receiver == pacer ? credits : new Semaphore(0);
                counts.add(counting.submit(() -> count(receiver, returned)));
            }
            byte[] payload = new byte[SIZE];
            for (int i = 0; i < DATAGRAMS; i++) {
                credits.tryAcquire(QUIET_MS, TimeUnit.MILLISECONDS); // a lost datagram must not stop the blast
                for (DatagramSocket receiver : receivers) {
                    sender.send(new DatagramPacket(payload, SIZE, receiver.getLocalSocketAddress()));
                }
            }
            int[] received = new int[receivers.length];
            for (int r = 0; r < receivers.length; r++) {
                received[r] = counts.get(r).get();
            }
            return received;
        }
    }

    /** Counts datagrams, returning a credit for each, until {@link #QUIET_MS} pass without one. */
    private static int count(DatagramSocket receiver, Semaphore credits) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[SIZE + 1], SIZE + 1);
        int received = 0;
        try {
            while (true) {
                receiver.receive(packet);
                received++;
                credits.release();
            }
        } catch (SocketTimeoutException quiet) {
            return received;
        }
    }

    private static DatagramSocket receiver() throws IOException {
        DatagramSocket socket = new DatagramSocket(loopback(0));
        socket.setSoTimeout(QUIET_MS);
        return socket;
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
}

package org.metrohub.media.transport.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrohub.media.sdp.Candidate;

/** ICE between {@link IceTransport}s on one shared {@link IceHarvesters} and {@link IceClient} peers, on loopback. */
class IceTransportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String CONSENT_INTERVAL_PROPERTY = "ice4j.consent-freshness.interval";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void sharedUdpPortDeliversEachClientsDataOnlyToItsOwnTransportAndRepliesToTheRightClient() throws Exception {
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED));
        assertThat(harvesters.udpPort()).isPositive();
        Endpoint a = endpoint("a", harvesters);
        Endpoint b = endpoint("b", harvesters);
        assertThat(a.transport.localUfrag()).isNotEqualTo(b.transport.localUfrag());
        for (Endpoint e : List.of(a, b)) {
            assertThat(e.transport.localCandidates()).singleElement().satisfies(c -> {
                assertThat(c.transport()).isEqualTo("udp");
                assertThat(c.type()).isEqualTo("host");
                assertThat(c.address()).isEqualTo("127.0.0.1");
                assertThat(c.port()).isEqualTo(harvesters.udpPort()); // one port for all endpoints
                assertThat(c.component()).isEqualTo(1);
            });
        }
        IceClient clientA = udpClient(a.transport, harvesters);
        IceClient clientB = udpClient(b.transport, harvesters);
        connect(a, clientA);
        connect(b, clientB);

        byte[] fromA = rtpLike(1, "from A");
        byte[] fromB = rtpLike(2, "from B");
        clientA.send(fromA, 0, fromA.length);
        clientB.send(fromB, 0, fromB.length);
        assertThat(a.nextDatagram()).isEqualTo(fromA);
        assertThat(b.nextDatagram()).isEqualTo(fromB);
        assertThat(a.datagrams.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(b.datagrams.poll(200, TimeUnit.MILLISECONDS)).isNull();

        byte[] toA = rtpLike(3, "to A");
        byte[] toB = rtpLike(4, "to B");
        a.transport.send(toA, 0, toA.length);
        b.transport.send(toB, 0, toB.length);
        assertThat(receive(clientA)).isEqualTo(toA);
        assertThat(receive(clientB)).isEqualTo(toB);
        byte[] none = new byte[2048];
        assertThat(clientA.receive(none, Duration.ofMillis(200))).isEqualTo(-1);
        assertThat(a.transport.sent()).isEqualTo(1);
        assertThat(a.transport.received()).isEqualTo(1);
        assertThat(a.transport.selectedPair()).get().asString()
                .startsWith("udp 127.0.0.1:" + harvesters.udpPort() + " <-> 127.0.0.1:" + clientA.localAddress().getPort());
        assertThat(a.states).containsExactly(IceState.CONNECTING, IceState.CONNECTED);
    }

    @Test
    void iceTcpClientConnectsWithRfc4571FramingAndDataFlowsBothWays() throws Exception {
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_EPHEMERAL));
        assertThat(harvesters.tcpPort()).isPositive();
        Endpoint e = endpoint("tcp", harvesters);
        assertThat(e.transport.localCandidates()).anySatisfy(c -> {
            assertThat(c.transport()).isEqualTo("tcp");
            assertThat(c.tcpType()).contains("passive");
            assertThat(c.port()).isEqualTo(harvesters.tcpPort());
        });
        IceClient client = track(IceClient.tcp(e.transport.localUfrag(), e.transport.localPassword(),
                new InetSocketAddress(LOOPBACK, harvesters.tcpPort())));
        e.transport.setRemoteCredentials(client.localUfrag(), client.localPassword());
        // Browsers' "tcptype active" candidates carry the discard port 9: nothing to check, ignored.
        assertThat(e.transport.addRemoteCandidate(client.candidate())).isFalse();
        assertThat(e.transport.ignoredRemoteCandidates()).isEqualTo(1);
        e.transport.start();
        assertThat(client.connect(TIMEOUT)).isTrue();
        e.awaitState(IceState.CONNECTED);
        assertThat(e.transport.selectedPair()).get().asString().startsWith("tcp 127.0.0.1:" + harvesters.tcpPort());

        byte[] up = rtpLike(5, "over tcp up");
        client.send(up, 0, up.length);
        assertThat(e.nextDatagram()).isEqualTo(up);
        byte[] down = rtpLike(6, "over tcp down");
        e.transport.send(down, 0, down.length);
        assertThat(receive(client)).isEqualTo(down);
    }

    @Test
    void junkAtTheSharedPortIsDroppedWhileTheLegitimateTransportKeepsReceiving() throws Exception {
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED));
        Endpoint e = endpoint("victim", harvesters);
        IceClient legit = udpClient(e.transport, harvesters);
        connect(e, legit);
        InetSocketAddress port = new InetSocketAddress(LOOPBACK, harvesters.udpPort());

        // Right ufrag, wrong password: RFC 8445 §7.3 / RFC 5389 §10.1.2: 401 Unauthorized, no pair.
        IceClient wrongPassword = track(IceClient.udp(e.transport.localUfrag(), "not-the-password-at-all", port));
        assertThat(wrongPassword.connect(Duration.ofSeconds(3))).isFalse();
        assertThat(wrongPassword.errorCode()).isEqualTo(401);
        // A ufrag no transport owns: ice4j drops the check, we count it.
        IceClient unknown = track(IceClient.udp("nosuchufrag", "whatever-password-1234", port));
        assertThat(unknown.connect(Duration.ofMillis(300))).isFalse();
        assertThat(harvesters.unknownUfragRequests()).isPositive();

        try (DatagramSocket junk = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            Random random = new Random(7);
            for (int i = 0; i < 2000; i++) { // a flood of random datagrams, 0–1400 bytes
                byte[] b = new byte[random.nextInt(1401)];
                random.nextBytes(b);
                junk.send(new DatagramPacket(b, b.length, port));
            }
            // RFC 5389 §6 header (Binding request, magic cookie) claiming 80 bytes of attributes it does not have.
            byte[] truncated = {0x00, 0x01, 0x00, 0x50, 0x21, 0x12, (byte) 0xA4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                    11, 12, 0x00, 0x06, 0x00, 0x10, 'a', 'b'};
            junk.send(new DatagramPacket(truncated, truncated.length, port));
            // Header only, then a USERNAME attribute whose length runs past the end.
            byte[] badAttr = {0x00, 0x01, 0x00, 0x08, 0x21, 0x12, (byte) 0xA4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                    11, 12, 0x00, 0x06, 0x01, 0x00, 'x', ':', 'y', 'z'};
            junk.send(new DatagramPacket(badAttr, badAttr.length, port));
        }
        // The flood may still fill the socket's receive buffer (the kernel drops what does not fit, legitimate or
        // not): a media stream keeps sending, so does this probe until one gets through.
        byte[] probe = rtpLike(11, "probe");
        byte[] got = null;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (got == null && System.nanoTime() < deadline) {
            legit.send(probe, 0, probe.length);
            got = e.datagrams.poll(20, TimeUnit.MILLISECONDS);
        }
        assertThat(got).as("a probe after the flood").isEqualTo(probe);
        while (e.datagrams.poll(200, TimeUnit.MILLISECONDS) != null) {
            // late copies of the probe
        }
        long receivedSoFar = e.transport.received();
        // Data from the rejected peers' addresses never reaches the transport.
        byte[] intruder = rtpLike(66, "intruder");
        wrongPassword.send(intruder, 0, intruder.length);
        unknown.send(intruder, 0, intruder.length);

        byte[] mine = rtpLike(7, "still here");
        legit.send(mine, 0, mine.length);
        assertThat(e.nextDatagram()).isEqualTo(mine);
        assertThat(e.datagrams.poll(200, TimeUnit.MILLISECONDS)).isNull(); // no intruder datagram
        assertThat(e.transport.received()).isEqualTo(receivedSoFar + 1);
        assertThat(e.transport.state()).isEqualTo(IceState.CONNECTED);
        byte[] reply = rtpLike(8, "reply");
        e.transport.send(reply, 0, reply.length);
        assertThat(receive(legit)).isEqualTo(reply);
    }

    @Test
    void sendNeverThrowsAndCountsWhatItDrops() throws Exception {
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED));
        Endpoint e = endpoint("s", harvesters);
        byte[] buf = new byte[10];
        e.transport.send(buf, 0, 10);
        e.transport.send(null, 0, 1);
        e.transport.send(buf, 5, 6);
        e.transport.send(buf, -1, 2);
        assertThat(e.transport.dropped(IceDrop.SEND_NOT_CONNECTED)).isEqualTo(1);
        assertThat(e.transport.dropped(IceDrop.SEND_INVALID_BOUNDS)).isEqualTo(3);
        e.transport.close();
        e.transport.send(buf, 0, 10);
        assertThat(e.transport.dropped(IceDrop.SEND_AFTER_CLOSE)).isEqualTo(1);
        assertThat(e.transport.sent()).isZero();
    }

    @Test
    void handlerExceptionsAreCountedAndTheReceiveLoopGoesOn() throws Exception {
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED));
        BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
        BlockingQueue<IceState> states = new LinkedBlockingQueue<>();
        IceTransport t = track(new IceTransport("h", harvesters, (s, d) -> states.add(s), (b, off, len) -> {
            if (b[off + 1] == 1) {
                throw new IllegalStateException("handler bug");
            }
            got.add(Arrays.copyOfRange(b, off, off + len));
        }));
        IceClient client = udpClient(t, harvesters);
        t.setRemoteCredentials(client.localUfrag(), client.localPassword());
        t.start();
        assertThat(client.connect(TIMEOUT)).isTrue();
        assertThat(states.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(IceState.CONNECTING);
        assertThat(states.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(IceState.CONNECTED);
        byte[] bad = rtpLike(1, "boom");
        byte[] good = rtpLike(2, "fine");
        client.send(bad, 0, bad.length);
        client.send(good, 0, good.length);
        assertThat(got.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(good);
        assertThat(t.dropped(IceDrop.HANDLER_FAILED)).isEqualTo(1);
    }

    @Test
    void remoteCandidatesAreValidatedAndMayTrickleInAfterStart() throws Exception {
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED));
        Endpoint e = endpoint("trickle", harvesters);
        IceClient client = track(IceClient.udp(e.transport.localUfrag(), e.transport.localPassword(),
                new InetSocketAddress(LOOPBACK, harvesters.udpPort())));
        e.transport.setRemoteCredentials(client.localUfrag(), client.localPassword());
        assertThat(e.transport.addRemoteCandidate(candidate(2, "udp", "127.0.0.1", 5000, "host", null))).isFalse();
        assertThat(e.transport.addRemoteCandidate(candidate(1, "udp", "abc-123.local", 5000, "host", null))).isFalse();
        assertThat(e.transport.addRemoteCandidate(candidate(1, "sctp", "127.0.0.1", 5000, "host", null))).isFalse();
        assertThat(e.transport.addRemoteCandidate(candidate(1, "udp", "127.0.0.1", 0, "host", null))).isFalse();
        assertThat(e.transport.addRemoteCandidate(candidate(1, "udp", "127.0.0.1", 5000, "weird", null))).isFalse();
        assertThat(e.transport.addRemoteCandidate(candidate(1, "tcp", "127.0.0.1", 9, "host", "active"))).isFalse();
        assertThat(e.transport.ignoredRemoteCandidates()).isEqualTo(6);
        assertThat(e.transport.addRemoteCandidate(candidate(1, "tcp", "127.0.0.1", 5001, "host", "passive"))).isTrue();
        e.transport.start();
        assertThat(e.transport.addRemoteCandidate(client.candidate())).isTrue(); // trickled after start
        assertThat(client.connect(TIMEOUT)).isTrue();
        e.awaitState(IceState.CONNECTED);
    }

    @Test
    void advertisedAddressBecomesASrflxCandidateOnTheSharedPort() throws Exception {
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED)
                .withAdvertisedAddresses(List.of(new IceSettings.AddressMapping("127.0.0.1", "203.0.113.7"))));
        Endpoint e = endpoint("nat", harvesters);
        assertThat(e.transport.localCandidates()).anySatisfy(c -> {
            assertThat(c.type()).isEqualTo("srflx");
            assertThat(c.address()).isEqualTo("203.0.113.7");
            assertThat(c.port()).isEqualTo(harvesters.udpPort());
            assertThat(c.relatedAddress()).contains("127.0.0.1");
            assertThat(c.relatedPort()).hasValue(harvesters.udpPort());
        });
        assertThat(e.transport.localCandidates()).anySatisfy(c -> assertThat(c.type()).isEqualTo("host"));
    }

    @Test
    void aPeerThatKeepsSendingStaysConnectedWhileItsConsentAnswersAreMissing() throws Exception {
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED).withConsent(true, Duration.ofSeconds(30)));
        Endpoint e = endpoint("alive", harvesters);
        IceClient client = udpClient(e.transport, harvesters);
        connect(e, client);
        awaitTrue(() -> e.transport.consentConfirmations() >= 1);
        Instant last = e.transport.lastConsent().orElseThrow();
        client.answerChecks(false); // its answers to our checks get lost, its media does not

        clock.set(last.plusSeconds(40));
        long before = e.transport.received();
        byte[] media = rtpLike(7, "still here");
        client.send(media, 0, media.length);
        awaitTrue(() -> e.transport.received() > before);
        e.transport.checkConsent();
        assertThat(e.transport.state()).as("no consent for 40 s, but media 0 s ago").isEqualTo(IceState.CONNECTED);

        clock.set(last.plusSeconds(71));
        e.transport.checkConsent();
        assertThat(e.transport.state()).as("31 s of nothing at all").isEqualTo(IceState.FAILED);
    }

    @Test
    void consentThatIsNotConfirmedWithinTheTimeoutReportsFailed() throws Exception {
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED).withConsent(true, Duration.ofSeconds(30)));
        Endpoint e = endpoint("consent", harvesters);
        IceClient client = udpClient(e.transport, harvesters);
        connect(e, client);
        // ice4j sends its first consent check as soon as ICE completes; the client answers it
        // (its triggered check and that consent check are both answered, and consent is recorded).
        awaitTrue(() -> client.requestsAnswered() >= 2);
        awaitTrue(() -> e.transport.consentConfirmations() >= 1);
        Instant last = e.transport.lastConsent().orElseThrow();
        assertThat(last).isEqualTo(clock.instant());

        client.answerChecks(false); // the peer goes away
        clock.set(last.plusSeconds(29));
        e.transport.checkConsent();
        assertThat(e.transport.state()).isEqualTo(IceState.CONNECTED);
        clock.set(last.plusSeconds(31));
        e.transport.checkConsent();
        assertThat(e.transport.state()).isEqualTo(IceState.FAILED);
        e.awaitState(IceState.FAILED);
        assertThat(e.failure).startsWith("consent expired");
        byte[] buf = rtpLike(1, "late");
        e.transport.send(buf, 0, buf.length);
        assertThat(e.transport.dropped(IceDrop.SEND_AFTER_CLOSE)).isEqualTo(1);
    }

    @Test
    void closeReleasesTheAgentOnTheSharedPortAndStopsTheReceiveThread() throws Exception {
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED));
        Endpoint e = endpoint("closing", harvesters);
        IceClient client = udpClient(e.transport, harvesters);
        connect(e, client);
        Thread receiver = e.transport.receiveThread();
        assertThat(receiver.getName()).isEqualTo("ice-recv-closing");
        assertThat(receiver.isAlive()).isTrue();

        e.transport.close();
        assertThat(e.transport.state()).isEqualTo(IceState.CLOSED);
        e.awaitState(IceState.CLOSED);
        assertThat(receiver.isAlive()).isFalse();
        e.transport.close(); // idempotent
        assertThat(e.states).containsExactly(IceState.CONNECTING, IceState.CONNECTED, IceState.CLOSED);

        // The ufrag is gone from the shared port: a new check for it is an unknown ufrag now.
        long before = harvesters.unknownUfragRequests();
        IceClient late = track(IceClient.udp(e.transport.localUfrag(), e.transport.localPassword(),
                new InetSocketAddress(LOOPBACK, harvesters.udpPort())));
        assertThat(late.connect(Duration.ofMillis(300))).isFalse();
        assertThat(harvesters.unknownUfragRequests()).isGreaterThan(before);

        // The shared port itself still serves new endpoints.
        Endpoint next = endpoint("next", harvesters);
        connect(next, udpClient(next.transport, harvesters));

        int port = harvesters.udpPort();
        next.transport.close();
        harvesters.close();
        client.close();
        assertThat(client.readerThread().isAlive()).isFalse();
        // the harvester lets go of the port (ice4j closes its socket on its own thread, so give it a moment)
        org.awaitility.Awaitility.await("UDP port " + port + " released").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> canBind(port));
    }

    private static boolean canBind(int port) {
        try (DatagramSocket rebound = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            return rebound.getLocalPort() == port;
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    @Test
    void closingOneTransportLeavesTheOthersOnTheSharedPortExchangingDataWithTheirConsentConfirmed() throws Exception {
        // ice4j's consent interval is set to 300 ms for the test JVM (surefire configuration in the pom).
        assertThat(System.getProperty(CONSENT_INTERVAL_PROPERTY)).isEqualTo("300 milliseconds");
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED).withConsent(true, Duration.ofSeconds(30)));
        List<Endpoint> endpoints = new ArrayList<>();
        List<IceClient> clients = new ArrayList<>();
        for (String id : List.of("first", "leaving", "third")) {
            Endpoint e = endpoint(id, harvesters);
            IceClient c = udpClient(e.transport, harvesters);
            connect(e, c);
            endpoints.add(e);
            clients.add(c);
        }
        for (Endpoint e : endpoints) {
            awaitTrue(() -> e.transport.consentConfirmations() >= 2);
        }
        Endpoint leaving = endpoints.remove(1);
        IceClient leavingClient = clients.remove(1);

        leaving.transport.close();
        assertThat(leaving.transport.state()).isEqualTo(IceState.CLOSED);
        // A browser that leaves keeps sending for a while: its datagrams must not disturb the others.
        byte[] stray = rtpLike(99, "stray");
        leavingClient.send(stray, 0, stray.length);

        // Several consent intervals of ours (30 s each, by the injected clock) and ice4j's (300 ms each, real).
        for (int round = 1; round <= 4; round++) {
            clock.set(clock.instant().plusSeconds(20));
            for (int i = 0; i < endpoints.size(); i++) {
                Endpoint e = endpoints.get(i);
                IceClient c = clients.get(i);
                long confirmed = e.transport.consentConfirmations();
                long answered = c.requestsAnswered();
                awaitTrue(() -> e.transport.consentConfirmations() > confirmed && c.requestsAnswered() > answered);
                assertThat(e.transport.lastConsent()).contains(clock.instant());
                e.transport.checkConsent(); // 20 s after the previous round: only fresh consent keeps it up
                assertThat(e.transport.state()).as("%s after round %d", e.transport, round)
                        .isEqualTo(IceState.CONNECTED);

                byte[] up = rtpLike(round * 10 + i, "up " + round + " " + i);
                c.send(up, 0, up.length);
                assertThat(e.nextDatagram()).isEqualTo(up);
                byte[] down = rtpLike(round * 10 + i, "down " + round + " " + i);
                e.transport.send(down, 0, down.length);
                assertThat(receive(c)).isEqualTo(down);
            }
        }
        for (Endpoint e : endpoints) {
            assertThat(e.states).containsExactly(IceState.CONNECTING, IceState.CONNECTED);
            assertThat(e.transport.dropped(IceDrop.SEND_FAILED)).isZero();
        }
        assertThat(leaving.datagrams).isEmpty();
    }

    @Test
    void closeFromAnInterruptedThreadStillReleasesEverythingAndKeepsTheInterrupt() throws Exception {
        IceHarvesters harvesters = harvesters(IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED));
        Endpoint e = endpoint("cancelled", harvesters);
        connect(e, udpClient(e.transport, harvesters));
        Thread receiver = e.transport.receiveThread();

        Thread.currentThread().interrupt(); // e.g. a cancelled task that closes what it opened
        try {
            e.transport.close();
        } finally {
            assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
        }
        assertThat(receiver.isAlive()).as("receive thread ended within close()").isFalse();
        long before = harvesters.unknownUfragRequests();
        IceClient late = track(IceClient.udp(e.transport.localUfrag(), e.transport.localPassword(),
                new InetSocketAddress(LOOPBACK, harvesters.udpPort())));
        assertThat(late.connect(Duration.ofMillis(300))).isFalse();
        assertThat(harvesters.unknownUfragRequests()).isGreaterThan(before); // the ufrag left the shared port
    }

    // --- helpers ---

    private IceHarvesters harvesters(IceSettings settings) throws IOException {
        return track(new IceHarvesters(settings, clock));
    }

    private Endpoint endpoint(String id, IceHarvesters harvesters) throws IOException {
        Endpoint e = new Endpoint();
        e.transport = track(new IceTransport(id, harvesters, e, e));
        return e;
    }

    private IceClient udpClient(IceTransport t, IceHarvesters harvesters) throws IOException {
        return track(IceClient.udp(t.localUfrag(), t.localPassword(),
                new InetSocketAddress(LOOPBACK, harvesters.udpPort())));
    }

    private static void connect(Endpoint e, IceClient client) throws Exception {
        e.transport.setRemoteCredentials(client.localUfrag(), client.localPassword());
        assertThat(e.transport.addRemoteCandidate(client.candidate())).isTrue();
        e.transport.start();
        assertThat(client.connect(TIMEOUT)).isTrue();
        e.awaitState(IceState.CONNECTED);
    }

    private static byte[] receive(IceClient client) {
        byte[] buf = new byte[2048];
        int len = client.receive(buf, TIMEOUT);
        assertThat(len).as("datagram within %s", TIMEOUT).isPositive();
        return Arrays.copyOf(buf, len);
    }

    /** An RFC 3550 §5.1 fixed header (V=2, PT 96, given sequence number) plus a text payload: RFC 7983 "RTP". */
    private static byte[] rtpLike(int seq, String payload) {
        byte[] text = payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] b = new byte[12 + text.length];
        b[0] = (byte) 0x80;
        b[1] = 96;
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        b[11] = 1; // SSRC 1
        System.arraycopy(text, 0, b, 12, text.length);
        b[1] = (byte) seq; // second byte doubles as a marker for the handler test
        return b;
    }

    private static Candidate candidate(int component, String transport, String address, int port, String type,
                                       String tcpType) {
        return new Candidate("7", component, transport, 2122260223L, address, port, type, Optional.empty(),
                OptionalInt.empty(), Optional.ofNullable(tcpType), OptionalLong.empty(), List.of());
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %s", TIMEOUT).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Collects one transport's states and datagrams. */
    private static final class Endpoint implements IceListener, DatagramHandler {
        IceTransport transport;
        final List<IceState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        final BlockingQueue<IceState> stateQueue = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> datagrams = new LinkedBlockingQueue<>();
        volatile String failure;

        @Override
        public void stateChanged(IceState state, String detail) {
            if (state == IceState.FAILED) {
                failure = detail;
            }
            states.add(state);
            stateQueue.add(state);
        }

        @Override
        public void onDatagram(byte[] buf, int off, int len) {
            datagrams.add(Arrays.copyOfRange(buf, off, off + len));
        }

        void awaitState(IceState wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!states.contains(wanted)) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("state %s within %s, saw %s", wanted, TIMEOUT, states).isPositive();
                stateQueue.poll(left, TimeUnit.NANOSECONDS);
            }
        }

        byte[] nextDatagram() throws InterruptedException {
            byte[] b = datagrams.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(b).as("datagram within %s", TIMEOUT).isNotNull();
            return b;
        }
    }

    /** An {@link InstantSource} the test moves by hand. */
    private static final class MutableClock implements InstantSource {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

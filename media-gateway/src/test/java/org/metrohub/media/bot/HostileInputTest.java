package org.metrohub.media.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrohub.media.negotiation.NegotiationException;
import org.metrohub.media.sdp.SdpParseException;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.ConnectionState;
import org.metrohub.media.sfu.Drop;
import org.metrohub.media.sfu.Endpoint;
import org.metrohub.media.transport.dtls.DtlsCertificate;
import org.metrohub.media.transport.ice.IceClient;
import org.metrohub.media.transport.ice.IceDrop;

/**
 * Two bots exchange media while everything else is thrown at the node's shared UDP port and at the conference:
 * the two keep receiving, and every kind of bad input is counted where it is dropped.
 */
class HostileInputTest {

    private static final DtlsCertificate CERTIFICATE = DtlsCertificate.generate();
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private IceNode node;
    private Conference room;
    private BotPacer pacer;
    private ExecutorService renegotiations;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        node = new IceNode();
        room = node.openRoom("hostile");
        pacer = new BotPacer();
        renegotiations = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().unstarted(r));
    }

    @AfterEach
    void stop() throws Exception {
        pacer.close();
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        room.close("test over");
        node.close();
        renegotiations.shutdownNow();
    }

    @Test
    void legitimateBotsKeepReceivingWhileJunkForgeriesMalformedPacketsAndAFloodAreDroppedAndCounted()
            throws Exception {
        BotParticipant a = bot("a", BotSettings.defaults().withReceive(1, 1));
        BotParticipant b = bot("b", BotSettings.defaults().withReceive(1, 1));
        a.startSending(pacer);
        b.startSending(pacer);
        awaitExchange(a, b, 0, 0);
        BotParticipant x = bot("x", BotSettings.receiveOnly(0, 0).withReceive(1, 0)); // connected, then hostile
        Endpoint xe = room.endpoint("x").orElseThrow();
        InetSocketAddress port = new InetSocketAddress(LOOPBACK, node.harvesters.udpPort());

        // 1. Unconnected addresses: random junk, broken STUN, a ClientHello-looking record. ice4j drops them all
        // before any transport (non-STUN from an unknown address; STUN without a valid USERNAME).
        long unknownUfragBefore = node.harvesters.unknownUfragRequests();
        try (DatagramSocket junk = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            Random random = new Random(11);
            for (int i = 0; i < 2_000; i++) {
                byte[] d = new byte[random.nextInt(1_400) + 1];
                random.nextBytes(d);
                junk.send(new DatagramPacket(d, d.length, port));
            }
            // RFC 5389 §6 Binding request header claiming 80 bytes of attributes, then 6 of them.
            byte[] truncatedStun = {0x00, 0x01, 0x00, 0x50, 0x21, 0x12, (byte) 0xA4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8,
                    9, 10, 11, 12, 0x00, 0x06, 0x00, 0x10, 'a', 'b'};
            junk.send(new DatagramPacket(truncatedStun, truncatedStun.length, port));
            // RFC 6347 §4.1 record: handshake, DTLS 1.2, epoch 0, length 200 — and 5 bytes of "ClientHello".
            byte[] clientHello = {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 200, 1, 0, 0, 0, 9};
            junk.send(new DatagramPacket(clientHello, clientHello.length, port));
        }
        // 2. STUN with a's ufrag but a wrong password: 401, no pair (RFC 8445 §7.3, RFC 5389 §10.1.2).
        IceClient wrongPassword = IceClient.udp(a.nodeUfrag(), "not-the-password-of-a-at-all", port);
        closeables.add(wrongPassword);
        assertThat(wrongPassword.connect(Duration.ofSeconds(3))).isFalse();
        assertThat(wrongPassword.errorCode()).isEqualTo(401);
        byte[] intruder = new byte[200];
        intruder[0] = (byte) 0x80;
        wrongPassword.send(intruder, 0, intruder.length); // not a succeeded pair: never reaches a's endpoint
        // A ufrag nobody owns: dropped and counted by the shared port.
        IceClient unknown = IceClient.udp("nosuchufrag", "some-password-0123456789", port);
        closeables.add(unknown);
        assertThat(unknown.connect(Duration.ofMillis(300))).isFalse();
        assertThat(node.harvesters.unknownUfragRequests()).isGreaterThan(unknownUfragBefore);

        // 3. From x's own address, after its ICE and DTLS succeeded: bad SRTP, then malformed packets that
        // authenticate (built, then protected with x's keys) so they reach the node's RTP/RTCP parsers.
        // Batches stay under ice4j's queue of 128 datagrams per remote address, and each is counted before the next.
        attack(x, xe, BotParticipant.Misbehaviour.FORGED_SRTP, 100, Drop.SRTP_AUTH, 100);
        attack(x, xe, BotParticipant.Misbehaviour.REPLAYED_SRTP, 10, Drop.SRTP_REPLAY, 10);
        assertThat(xe.dropped(Drop.UNKNOWN_STREAM)).as("the replayed packets' first copies").isEqualTo(10);
        attack(x, xe, BotParticipant.Misbehaviour.RTP_UNKNOWN_SSRC, 10, Drop.UNKNOWN_STREAM, 20);
        attack(x, xe, BotParticipant.Misbehaviour.RTP_EXTENSION_OVERRUN, 10, Drop.RTP_MALFORMED, 10);
        attack(x, xe, BotParticipant.Misbehaviour.RTP_BAD_PADDING, 10, Drop.RTP_MALFORMED, 20);
        attack(x, xe, BotParticipant.Misbehaviour.RTCP_LENGTH_OVERRUN, 10, Drop.RTCP_MALFORMED, 10);
        attack(x, xe, BotParticipant.Misbehaviour.RTCP_BAD_VERSION, 10, Drop.RTCP_MALFORMED, 20);
        attack(x, xe, BotParticipant.Misbehaviour.UNKNOWN_PROTOCOL, 10, Drop.UNKNOWN_PROTOCOL, 10);
        long datagrams = node.transports.get("x").received();
        x.misbehave(BotParticipant.Misbehaviour.DTLS_GARBAGE, 10); // the DTLS layer drops these itself
        Await.until("x's transport to take the DTLS garbage",
                () -> node.transports.get("x").received() >= datagrams + 10);

        // 4. A flood: 20,000 forged SRTP packets as fast as one thread sends them. The kernel or ice4j may drop
        // some on the way (buffers), the endpoint counts what reaches it.
        long received = node.transports.get("x").received();
        x.misbehave(BotParticipant.Misbehaviour.FORGED_SRTP, 20_000);
        long arrived = Await.stable("the flood", () -> node.transports.get("x").received(), Duration.ofMillis(300))
                - received;
        Await.stable("x's SRTP_AUTH count", () -> xe.dropped(Drop.SRTP_AUTH), Duration.ofMillis(300));
        assertThat(xe.dropped(Drop.SRTP_AUTH)).as("every flood datagram that reached x's endpoint")
                .isEqualTo(100 + arrived);
        long flood = xe.dropped(Drop.SRTP_AUTH) - 100;
        assertThat(flood).as("forged packets that reached x's endpoint").isBetween(1_000L, 20_000L);
        System.err.printf("flood: %d of 20000 forged packets reached the endpoint%n", flood);

        // Every drop is counted on the endpoint and in the conference's totals; the handler never threw.
        for (Drop d : List.of(Drop.SRTP_AUTH, Drop.SRTP_REPLAY, Drop.RTP_MALFORMED, Drop.RTCP_MALFORMED,
                Drop.UNKNOWN_PROTOCOL, Drop.UNKNOWN_STREAM)) {
            assertThat(room.dropped(d)).as("conference total of %s", d).isEqualTo(xe.dropped(d));
        }
        for (String id : List.of("a", "b", "x")) {
            assertThat(node.transports.get(id).dropped(IceDrop.HANDLER_FAILED)).as("%s's handler threw", id).isZero();
        }
        assertThat(room.endpoint("a").orElseThrow().dropped(Drop.SRTP_AUTH)).isZero();
        assertThat(xe.state()).isEqualTo(ConnectionState.CONNECTED);

        // The legitimate pair still exchange media after all of it.
        awaitExchange(a, b, a.received("b", "audio"), b.received("a", "audio"));
        assertThat(a.stats().srtpFailures()).isZero();
        assertThat(b.stats().srtpFailures()).isZero();
    }

    @Test
    void malformedOffersAreRefusedAndTheConferenceServesTheOthers() throws Exception {
        BotParticipant a = bot("a", BotSettings.defaults().withReceive(1, 1));
        BotParticipant b = bot("b", BotSettings.defaults().withReceive(1, 1));
        a.startSending(pacer);
        b.startSending(pacer);
        awaitExchange(a, b, 0, 0);

        ConferenceSignalling m = ConferenceSignalling.join(room, "m", "Malformed", null);
        String good = new BotParticipant("m", BotSettings.defaults().withReceive(1, 1), CERTIFICATE).offer();
        assertThatThrownBy(() -> m.answer("this is not SDP")).isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> m.answer("")).isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> m.answer(good.replaceAll("a=group:BUNDLE[^\r]*\r\n", "")))
                .isInstanceOf(NegotiationException.class).hasMessageContaining("BUNDLE");
        assertThatThrownBy(() -> m.answer(good.replace("a=setup:actpass", "a=setup:passive")))
                .isInstanceOf(NegotiationException.class).hasMessageContaining("passive");
        assertThatThrownBy(() -> m.answer(good.replaceAll("a=fingerprint:[^\r]*\r\n", "")))
                .isInstanceOf(NegotiationException.class).hasMessageContaining("fingerprint");
        assertThatThrownBy(() -> m.answer(good.replace("a=rtcp-mux\r\n", "")))
                .isInstanceOf(NegotiationException.class);
        assertThatThrownBy(() -> m.answer(good.replaceFirst("a=mid:1", "a=mid:0")))
                .isInstanceOf(NegotiationException.class);
        // Cut mid-line: whatever the cut leaves is refused as text or as an offer.
        assertThatThrownBy(() -> m.answer(good.substring(0, good.length() / 2)))
                .isInstanceOfAny(SdpParseException.class, NegotiationException.class);
        assertThatThrownBy(() -> m.answer(good.replaceFirst("m=video \\d+", "m=video x")))
                .isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> m.answer(good + "a=x:" + "y".repeat(600_000) + "\r\n"))
                .isInstanceOf(SdpParseException.class);
        // A participant's re-offer with other ICE credentials (an ICE restart) is refused and changes nothing.
        String aOffer = a.offer();
        String restart = aOffer.replaceAll("a=ice-ufrag:[^\r]*", "a=ice-ufrag:restart1");
        assertThatThrownBy(() -> room.answer(room.endpoint("a").orElseThrow(), restart))
                .isInstanceOf(NegotiationException.class).hasMessageContaining("ICE restart");
        assertThat(room.answer(m.endpoint(), good).sdp()).as("a good offer still works").contains("a=setup:passive");

        awaitExchange(a, b, a.received("b", "audio"), b.received("a", "audio"));
        // m's accepted offer added sources: a re-offers (as its page would) and gets b's and m's tracks.
        assertThat(a.renegotiate(2, 2)).as("a's own re-offer still answered").extracting(RemoteTrack::participantId)
                .containsExactlyInAnyOrder("b", "b", "m", "m");
    }

    /** Sends a batch and waits until {@code drop} reaches {@code total}; then it must stay there. */
    private static void attack(BotParticipant x, Endpoint xe, BotParticipant.Misbehaviour kind, int count, Drop drop,
                               long total) throws Exception {
        x.misbehave(kind, count);
        Await.until(kind + " counted as " + drop, () -> xe.dropped(drop) >= total, () -> xe.stats().drops().toString());
        assertThat(xe.dropped(drop)).as("%s after %s", drop, kind).isEqualTo(total);
    }

    private BotParticipant bot(String id, BotSettings settings) throws Exception {
        ConferenceSignalling s = ConferenceSignalling.join(room, id, "Bot " + id, renegotiations);
        BotParticipant bot = new BotParticipant(id, settings, CERTIFICATE);
        closeables.add(bot);
        s.bind(bot);
        bot.connect(s);
        return bot;
    }

    /** Both receive 50 more audio packets (1 s) and some video of each other than they had. */
    private static void awaitExchange(BotParticipant a, BotParticipant b, long aHad, long bHad) {
        long aVideo = a.received("b", "video");
        long bVideo = b.received("a", "video");
        Await.until("a and b exchanging media", () -> a.received("b", "audio") >= aHad + 50
                        && b.received("a", "audio") >= bHad + 50 && a.received("b", "video") > aVideo + 10
                        && b.received("a", "video") > bVideo + 10,
                () -> a.stats() + " / " + b.stats());
    }
}

package org.metrohub.media.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrohub.media.node.LocalMediaNode;
import org.metrohub.media.node.NodeSettings;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.Drop;
import org.metrohub.media.sfu.Endpoint;
import org.metrohub.media.sfu.SfuSettings;
import org.metrohub.media.transport.dtls.DtlsCertificate;
import org.metrohub.media.transport.ice.IceSettings;

/**
 * Bots in one conference of an in-process {@link LocalMediaNode}, over real UDP on 127.0.0.1: ICE, DTLS-SRTP,
 * forwarding, renegotiation when participants come and go.
 */
class SfuForwardingTest {

    private static final DtlsCertificate CERTIFICATE = DtlsCertificate.generate();

    private LocalMediaNode node;
    private BotPacer pacer;
    private ExecutorService renegotiations;
    private final Map<String, ConferenceSignalling> signalling = new ConcurrentHashMap<>();
    private final List<BotParticipant> bots = new ArrayList<>();

    @BeforeEach
    void startNode() {
        NodeSettings defaults = NodeSettings.defaults();
        node = new LocalMediaNode(new NodeSettings("bot-test", IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_EPHEMERAL), defaults.sfu()));
        pacer = new BotPacer();
        renegotiations = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().name("renegotiate")
                .unstarted(r));
    }

    @AfterEach
    void stopAll() {
        pacer.close();
        bots.forEach(BotParticipant::close);
        node.close();
        renegotiations.shutdownNow();
    }

    @Test
    void threeBotsReceiveEachOthersAudioAndVideoAndOneLeavingAndRejoiningIsRenegotiated() throws Exception {
        Conference room = node.openRoom("forwarding");
        BotSettings settings = BotSettings.defaults().withReceive(2, 2);
        BotParticipant a = join(room, "a", settings);
        BotParticipant b = join(room, "b", settings);
        BotParticipant c = join(room, "c", settings);
        for (BotParticipant bot : List.of(a, b, c)) {
            bot.startSending(pacer);
        }
        awaitReceiving(a, "b", "c");
        awaitReceiving(b, "a", "c");
        awaitReceiving(c, "a", "b");
        for (BotParticipant bot : List.of(a, b, c)) {
            assertThat(bot.tracks()).as("%s's tracks by the last answer", bot).hasSize(4);
            BotStats stats = bot.stats();
            assertThat(stats.srtpFailures()).isZero();
            assertThat(stats.malformed()).isZero();
            for (BotStats.StreamStats s : stats.streams()) {
                assertThat(s.gaps()).as("%s: sequence gaps in %s", bot, s).isLessThanOrEqualTo(3);
                if (s.kind().equals("video")) {
                    assertThat(s.keyframes()).as("%s: keyframes in %s", bot, s).isPositive();
                }
            }
            LatencyHistogram latency = bot.latency();
            assertThat(latency.count()).isPositive();
            assertThat(latency.quantileMicros(0.5)).as("%s: median one-way delay (µs)", bot).isLessThan(500_000);
        }
        assertThat(a.stats().keyframeRequestsReceived()).as("the node asks senders for keyframes").isPositive();

        // c leaves: a and b are asked to renegotiate and their answers no longer carry c's tracks.
        int aAsked = signalling.get("a").renegotiationRequests();
        signalling.get("c").leave("test: c leaves");
        c.close();
        Await.until("a's and b's answers without c", () -> noTracksOf(a, "c") && noTracksOf(b, "c"),
                () -> a.tracks() + " / " + b.tracks());
        assertThat(signalling.get("a").renegotiationRequests()).isGreaterThan(aAsked);
        assertThat(signalling.get("a").events()).contains("left c");
        long aFromC = a.received("c", "video") + a.received("c", "audio");
        long bFromC = b.received("c", "video") + b.received("c", "audio");
        long aFromB = a.received("b", "video");
        Await.until("a still receiving b", () -> a.received("b", "video") > aFromB + 30);
        assertThat(a.received("c", "video") + a.received("c", "audio")).as("a from c after leaving").isEqualTo(aFromC);
        assertThat(b.received("c", "video") + b.received("c", "audio")).as("b from c after leaving").isEqualTo(bFromC);

        // c comes back (a new connection, new SSRCs): the others renegotiate and receive it again.
        BotParticipant c2 = join(room, "c", settings);
        c2.startSending(pacer);
        Await.until("a and b receiving the rejoined c",
                () -> a.received("c", "video") > aFromC + 30 && b.received("c", "video") > bFromC + 30
                        && a.received("c", "audio") > 0 && b.received("c", "audio") > 0,
                () -> a.stats() + " / " + b.stats());
        awaitReceiving(c2, "a", "b");
        assertThat(signalling.get("a").renegotiationFailures()).isZero();
        assertThat(room.size()).isEqualTo(3);
    }

    @Test
    void simulcastSenderReachesAReceiverAsOneStreamOfItsTopLayer() throws Exception {
        Conference room = node.openRoom("simulcast");
        BotParticipant sender = join(room, "sender", BotSettings.defaults().withAudio(false)
                .withVideo(BotSettings.VideoMode.SIMULCAST).withVideoRate(30, 1_200, 1));
        BotParticipant viewer = join(room, "viewer", BotSettings.receiveOnly(0, 1));
        sender.startSending(pacer);
        Await.until("the viewer receiving video", () -> viewer.received("sender", "video") > 60,
                () -> viewer.stats().toString());
        // A receiver starts on the low layer and is raised as far as its estimate allows: without any feedback
        // from this viewer, to the top. Layer f is 1,200 B packets (q and h 300 and 600 B; the node strips
        // mid/rid but keeps the size), so wait for a stretch of packets that are all f's.
        long[] last = {0, 0};
        Await.until("the viewer receiving the top layer only", () -> {
            BotStats.StreamStats s = viewer.stats().streams().getFirst();
            long packets = s.packets() - last[0];
            long bytes = s.bytes() - last[1];
            if (packets < 15) {
                return false; // a stretch of at least half a second
            }
            last[0] = s.packets();
            last[1] = s.bytes();
            return bytes == packets * 1_200;
        }, () -> viewer.stats().toString());
        List<BotStats.StreamStats> streams = viewer.stats().streams();
        assertThat(streams).as("one outgoing SSRC for all layers").singleElement().satisfies(s -> {
            assertThat(s.participantId()).isEqualTo("sender");
            assertThat(s.gaps()).as("layer switches leave no gaps").isLessThanOrEqualTo(3);
        });
        assertThat(sender.stats().packetsSent()).as("three layers sent").isGreaterThan(3 * 60);
    }

    @Test
    void withLastNOfOneEachReceiverGetsOneOthersVideoAndEveryonesAudio() throws Exception {
        node.close();
        NodeSettings defaults = NodeSettings.defaults();
        SfuSettings sfu = defaults.sfu();
        node = new LocalMediaNode(new NodeSettings("last-n", IceSettings.defaults().withUdpPort(0)
                .withTcpPort(IceSettings.TCP_DISABLED), new SfuSettings(sfu.keyframeRequestInterval(),
                sfu.senderBitrate(), sfu.feedbackInterval(), sfu.maxParticipants(), 1)));
        Conference room = node.openRoom("last-n");
        BotSettings settings = BotSettings.defaults().withReceive(2, 2);
        BotParticipant a = join(room, "a", settings);
        BotParticipant b = join(room, "b", settings);
        BotParticipant c = join(room, "c", settings);
        for (BotParticipant bot : List.of(a, b, c)) {
            bot.startSending(pacer);
        }
        Map<BotParticipant, List<String>> others = Map.of(a, List.of("b", "c"), b, List.of("a", "c"),
                c, List.of("a", "b"));
        // after the first layer choice (every 500 ms) only one other's video flows to each; audio from both
        for (var e : others.entrySet()) {
            BotParticipant bot = e.getKey();
            Await.until(bot + " hearing both others", () -> e.getValue().stream()
                    .allMatch(o -> bot.received(o, "audio") > 50), () -> bot.stats().toString());
        }
        long[][] before = new long[3][2];
        List<BotParticipant> all = List.of(a, b, c);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                before[i][j] = all.get(i).received(others.get(all.get(i)).get(j), "video");
            }
        }
        Await.until("a second of video after the choice", () -> a.received(others.get(a).get(0), "video")
                + a.received(others.get(a).get(1), "video") > before[0][0] + before[0][1] + 60);
        for (int i = 0; i < 3; i++) {
            BotParticipant bot = all.get(i);
            long grew0 = bot.received(others.get(bot).get(0), "video") - before[i][0];
            long grew1 = bot.received(others.get(bot).get(1), "video") - before[i][1];
            assertThat(Math.min(grew0, grew1)).as(bot + ": video from the second other (beyond last-N)")
                    .isLessThanOrEqualTo(2);
            assertThat(Math.max(grew0, grew1)).as(bot + ": video from one other").isPositive();
        }
    }

    @Test
    void aModeratorMuteStopsForwardingAtTheNodeAndAHeldMuteCannotBeLiftedByTheParticipant() throws Exception {
        Conference room = node.openRoom("moderation");
        BotSettings settings = BotSettings.defaults().withReceive(2, 2);
        BotParticipant a = join(room, "a", settings);
        BotParticipant b = join(room, "b", settings);
        BotParticipant c = join(room, "c", settings);
        for (BotParticipant bot : List.of(a, b, c)) {
            bot.startSending(pacer);
        }
        awaitReceiving(b, "a", "c");
        awaitReceiving(c, "a", "b");

        assertThat(room.forceMute("a", "audio", true, "c")).isTrue();
        assertThat(room.forceMute("nobody", "audio", true, "c")).isFalse();
        assertThat(signalling.get("a").events()).contains("force-muted audio held by c");
        assertThat(signalling.get("b").events()).contains("muted a audio true");
        assertThat(signalling.get("c").events()).contains("muted a audio true");
        Endpoint ae = room.endpoint("a").orElseThrow();
        assertThat(ae.forceMuted("audio")).isTrue();
        assertThat(ae.forceMuted("video")).isFalse();
        // a still sends (a misbehaving client ignoring force-mute): nothing of its audio leaves the node
        long bFromA = Await.stable("b's audio from a", () -> b.received("a", "audio"), Duration.ofMillis(300));
        long bVideoFromA = b.received("a", "video");
        long cFromB = c.received("b", "audio");
        long droppedBefore = room.dropped(Drop.MODERATOR_MUTED);
        Await.until("c still hearing b and b still seeing a", () -> c.received("b", "audio") > cFromB + 50
                && b.received("a", "video") > bVideoFromA + 30);
        assertThat(b.received("a", "audio")).as("b's audio from the muted a").isEqualTo(bFromA);
        assertThat(ae.dropped(Drop.MODERATOR_MUTED)).as("a's audio dropped at the node")
                .isGreaterThan(droppedBefore).isEqualTo(room.dropped(Drop.MODERATOR_MUTED));

        // held: a's own unmute is refused; released: it is accepted and forwarding resumes
        assertThat(room.setMuted(ae, "audio", false)).isFalse();
        assertThat(room.releaseMute("a", "audio", "c")).isTrue();
        assertThat(signalling.get("a").events()).contains("released audio by c");
        assertThat(room.setMuted(ae, "audio", false)).isTrue();
        assertThat(signalling.get("b").events()).contains("muted a audio false");
        Await.until("b hearing a again", () -> b.received("a", "audio") > bFromA + 50, () -> b.stats().toString());

        // without a hold the participant's own unmute lifts it; mute-all spares the moderator
        assertThat(room.forceMuteAll("audio", false, "c", java.util.Set.of("c"))).containsExactlyInAnyOrder("a", "b");
        assertThat(ae.muteHeld("audio")).isFalse();
        assertThat(room.endpoint("c").orElseThrow().forceMuted("audio")).isFalse();
        assertThat(room.setMuted(ae, "audio", false)).isTrue();
        assertThat(ae.forceMuted("audio")).isFalse();

        // remove: a is told it is closed and the others see it leave
        assertThat(room.remove("a", "removed by c")).isTrue();
        assertThat(signalling.get("a").events()).contains("closed removed by c");
        assertThat(signalling.get("b").events()).contains("left a");
        assertThat(room.endpoint("a")).isEmpty();
    }

    private BotParticipant join(Conference room, String id, BotSettings settings) throws Exception {
        ConferenceSignalling s = ConferenceSignalling.join(room, id, "Bot " + id, renegotiations);
        BotParticipant bot = new BotParticipant(id, settings, CERTIFICATE);
        bots.add(bot);
        s.bind(bot);
        signalling.put(id, s);
        bot.connect(s);
        return bot;
    }

    private static void awaitReceiving(BotParticipant bot, String... senders) {
        Await.until(bot + " receiving audio and video of " + List.of(senders), () -> {
            for (String sender : senders) {
                if (bot.received(sender, "audio") < 50 || bot.received(sender, "video") < 30) {
                    return false;
                }
            }
            return true;
        }, () -> bot.stats() + " tracks " + bot.tracks());
    }

    private static boolean noTracksOf(BotParticipant bot, String participant) {
        return bot.tracks().stream().noneMatch(t -> t.participantId().equals(participant));
    }
}

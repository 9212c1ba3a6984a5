package org.metrohub.media.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.Drop;
import org.metrohub.media.sfu.Endpoint;
import org.metrohub.media.sfu.EndpointObserver;
import org.metrohub.media.sfu.SfuSettings;
import org.metrohub.media.sfu.TrafficTotals;
import org.metrohub.media.transport.ice.IceClient;
import org.metrohub.media.transport.ice.IceSettings;

/**
 * The node's bookkeeping for operations: totals that survive leaves and closed rooms, observers of endpoints,
 * load and drain, and the ICE counter. Datagrams go through the endpoints' real receive path.
 */
class LocalMediaNodeTest {

    /** RFC 7983 §7: a first byte of 64–79 is a TURN channel, which no endpoint of ours speaks. */
    private static final byte[] TURN_CHANNEL_DATA = {0x40, 0x00, 0x00, 0x04, 1, 2, 3, 4};
    /**
     * RFC 3550 §5.1: V=2, no padding/extension/CSRC (0x80), PT 111, sequence 1, timestamp 0, SSRC 0x11223344,
     * then a byte of payload: RTP (RFC 7983: 128–191) before DTLS-SRTP made keys.
     */
    private static final byte[] RTP_BEFORE_KEYS = {(byte) 0x80, 111, 0x00, 0x01, 0, 0, 0, 0, 0x11, 0x22, 0x33,
            0x44, 0x01};

    private final LocalMediaNode node = new LocalMediaNode(new NodeSettings("test-node",
            IceSettings.defaults().withUdpPort(0).withTcpPort(IceSettings.TCP_DISABLED), SfuSettings.defaults()));

    @AfterEach
    void close() {
        node.close();
    }

    @Test
    void aHeldModeratorMuteOutlivesAReconnectUntilReleased() {
        Conference room = node.openRoom("moderated");
        room.join("mod", "Moderator", new RecordingListener());
        Endpoint first = room.join("bea", "Bea", new RecordingListener());
        assertThat(room.forceMute("bea", "audio", true, "mod")).isTrue();
        assertThat(room.forceMute("bea", "video", false, "mod")).isTrue();
        assertThat(first.forceMuted("audio")).isTrue();

        RecordingListener again = new RecordingListener();
        Endpoint second = room.join("bea", "Bea", again); // a reconnect replaces the first endpoint
        assertThat(second).isNotSameAs(first);
        assertThat(second.forceMuted("audio")).isTrue();
        assertThat(second.muteHeld("audio")).isTrue();
        assertThat(second.forceMuted("video")).as("an unheld mute is the old connection's only").isFalse();
        assertThat(again.events).contains("force-muted audio held by mod");
        assertThat(room.setMuted(second, "audio", false)).isFalse();

        assertThat(room.releaseMute("bea", "audio", "mod")).isTrue();
        assertThat(again.events).contains("released audio by mod");
        Endpoint third = room.join("bea", "Bea", new RecordingListener());
        assertThat(third.forceMuted("audio")).isFalse();
        assertThat(room.setMuted(third, "audio", false)).isTrue();
    }

    @Test
    void totalsCountEveryDropReasonAndKeepThemWhenEndpointsLeaveAndRoomsClose() {
        Conference room = node.openRoom("room-1");
        Endpoint alice = room.join("alice", "Alice", new RecordingListener());
        alice.onDatagram(TURN_CHANNEL_DATA, 0, TURN_CHANNEL_DATA.length);
        alice.onDatagram(TURN_CHANNEL_DATA, 0, 0);
        alice.onDatagram(RTP_BEFORE_KEYS, 0, RTP_BEFORE_KEYS.length);

        assertThat(alice.dropped(Drop.UNKNOWN_PROTOCOL)).isEqualTo(2);
        assertThat(alice.droppedTotal()).isEqualTo(3);
        TrafficTotals joined = node.totals();
        assertThat(joined.dropped(Drop.UNKNOWN_PROTOCOL)).isEqualTo(2);
        assertThat(joined.dropped(Drop.NO_KEYS)).isEqualTo(1);
        assertThat(joined.dropped(Drop.SRTP_AUTH)).isZero();
        assertThat(joined.droppedTotal()).isEqualTo(3);
        assertThat(room.totals()).isEqualTo(joined);

        room.leave(alice, "left");
        assertThat(node.totals()).isEqualTo(joined);

        Endpoint bob = room.join("bob", "Bob", new RecordingListener());
        bob.onDatagram(RTP_BEFORE_KEYS, 0, RTP_BEFORE_KEYS.length);
        assertThat(node.closeRoom("room-1", "done")).isTrue();
        TrafficTotals closed = node.totals();
        assertThat(closed.dropped(Drop.NO_KEYS)).isEqualTo(2);
        assertThat(closed.droppedTotal()).isEqualTo(4);

        node.openRoom("room-1"); // a new conference of the same id starts at zero; the node keeps the old one's
        assertThat(node.room("room-1").orElseThrow().totals()).isEqualTo(TrafficTotals.ZERO);
        assertThat(node.totals()).isEqualTo(closed);
    }

    @Test
    void aRoomThatClosedItselfIsCountedWhenItsIdIsOpenedAgain() {
        Conference room = node.openRoom("room-1");
        Endpoint alice = room.join("alice", "Alice", new RecordingListener());
        alice.onDatagram(TURN_CHANNEL_DATA, 0, TURN_CHANNEL_DATA.length);
        room.close("closed by its owner");
        assertThat(node.totals().dropped(Drop.UNKNOWN_PROTOCOL)).isEqualTo(1);

        Conference again = node.openRoom("room-1");
        assertThat(again).isNotSameAs(room);
        assertThat(node.totals().dropped(Drop.UNKNOWN_PROTOCOL)).isEqualTo(1);
    }

    @Test
    void observersHearJoinsLeavesReplacementsAndRoomCloseByInstance() {
        List<String> heard = new CopyOnWriteArrayList<>();
        List<Endpoint> instances = new CopyOnWriteArrayList<>();
        node.addObserver(new EndpointObserver() {
            @Override
            public void joined(Conference conference, Endpoint endpoint) {
                heard.add("+" + conference.id() + "/" + endpoint.id());
                instances.add(endpoint);
            }

            @Override
            public void left(Conference conference, Endpoint endpoint) {
                heard.add("-" + conference.id() + "/" + endpoint.id());
                instances.add(endpoint);
            }
        });
        Conference room = node.openRoom("room-1");
        Endpoint alice = room.join("alice", "Alice", new RecordingListener());
        Endpoint bob = room.join("bob", "Bob", new RecordingListener());
        Endpoint alice2 = room.join("alice", "Alice", new RecordingListener());
        room.leave(bob, "left");
        room.leave(alice, "already replaced: no second left");
        node.closeRoom("room-1", "done");

        assertThat(heard).containsExactly("+room-1/alice", "+room-1/bob", "-room-1/alice", "+room-1/alice",
                "-room-1/bob", "-room-1/alice");
        assertThat(instances).containsExactly(alice, bob, alice, alice2, bob, alice2);
    }

    @Test
    void loadCountsOpenRoomsAndEndpointsAndDrainingRefusesNewRooms() {
        node.openRoom("room-1").join("alice", "Alice", new RecordingListener());
        node.openRoom("room-1").join("bob", "Bob", new RecordingListener());
        node.openRoom("room-2");

        NodeLoad load = node.load();
        assertThat(load.nodeId()).isEqualTo("test-node");
        assertThat(load.rooms()).isEqualTo(2);
        assertThat(load.endpoints()).isEqualTo(2);
        assertThat(load.streams()).isZero();
        assertThat(load.packetsPerSecond()).isZero();
        assertThat(load.draining()).isFalse();

        node.drain();
        assertThat(node.load().draining()).isTrue();
        assertThatThrownBy(() -> node.openRoom("room-3")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("draining");
        assertThat(node.openRoom("room-1").size()).isEqualTo(2);
    }

    @Test
    void checksForAnUnknownUfragAreCounted() throws Exception {
        long before = node.iceUnknownUfragRequests();
        try (IceClient stray = IceClient.udp("nobody", "a-password-nobody-has-here",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), node.udpPort()))) {
            assertThat(stray.connect(Duration.ofMillis(300))).isFalse();
        }
        assertThat(node.iceUnknownUfragRequests()).isGreaterThan(before);
    }
}

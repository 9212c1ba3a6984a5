package org.metrohub.portal.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test JVM runs where only loopback exists: media tests rely on it so that no browser or ICE agent can pick
 * (or send from) the machine's real address.
 */
class LoopbackNamespaceIT {

    @BeforeAll
    static void needsTheNamespace() {
        LoopbackNamespace.assumeInside("LoopbackNamespaceIT");
    }

    @Test
    void theOnlyInterfaceIsLoopbackUpWith127001() throws SocketException {
        List<NetworkInterface> interfaces = NetworkInterface.networkInterfaces().toList();
        List<InetAddress> addresses = interfaces.stream().flatMap(NetworkInterface::inetAddresses).toList();

        assertThat(addresses).as("addresses of every interface").isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        assertThat(interfaces).as("interfaces with an address").allMatch(LoopbackNamespaceIT::isLoopback);
        NetworkInterface lo = NetworkInterface.getByName("lo");
        assertThat(lo).isNotNull();
        assertThat(lo.isUp()).as("lo is up").isTrue();
        assertThat(lo.inetAddresses()).contains(InetAddress.getLoopbackAddress());
    }

    @Test
    void thereIsNoRouteOffTheMachine() {
        // Connecting a UDP socket only looks the route up; nothing is sent. 198.51.100.1 is TEST-NET-2 (RFC 5737).
        // Outside the namespace this connects, from the machine's own address.
        assertThatThrownBy(() -> {
            try (DatagramSocket socket = new DatagramSocket(0)) {
                socket.connect(new InetSocketAddress("198.51.100.1", 9));
            }
        }).isInstanceOf(SocketException.class).hasMessage("Network is unreachable");
    }

    private static boolean isLoopback(NetworkInterface nif) {
        try {
            return nif.isLoopback();
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }
}

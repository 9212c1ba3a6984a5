package org.metrohub.media.transport.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceSettingsTest {

    private static final IceSettings BASE = IceSettings.defaults();

    @Test
    void defaultsAreOnePortForAllEndpointsOnLoopbackWithConsent() {
        assertThat(BASE.udpPort()).isEqualTo(10000);
        assertThat(BASE.tcpPort()).isEqualTo(4443);
        assertThat(BASE.bindAddresses()).containsExactly("127.0.0.1");
        assertThat(BASE.advertisedAddresses()).isEmpty();
        assertThat(BASE.consentFreshness()).isTrue();
        assertThat(BASE.consentTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void acceptsEphemeralPortsAndDisabledTcp() {
        assertThat(BASE.withUdpPort(0).udpPort()).isZero();
        assertThat(BASE.withTcpPort(IceSettings.TCP_DISABLED).tcpPort()).isZero();
        assertThat(BASE.withTcpPort(IceSettings.TCP_EPHEMERAL).tcpPort()).isEqualTo(-1);
    }

    @Test
    void rejectsPortsOutOfRangeNamingTheSetting() {
        assertThatThrownBy(() -> BASE.withUdpPort(65536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("udpPort ").hasMessageContaining("65536");
        assertThatThrownBy(() -> BASE.withUdpPort(-1)).hasMessageStartingWith("udpPort ");
        assertThatThrownBy(() -> BASE.withTcpPort(70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tcpPort ").hasMessageContaining("70000");
        assertThatThrownBy(() -> BASE.withTcpPort(-2)).hasMessageStartingWith("tcpPort ");
    }

    @Test
    void rejectsBadBindAddressesNamingTheSetting() {
        assertThatThrownBy(() -> BASE.withBindAddresses(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bindAddresses ");
        assertThatThrownBy(() -> BASE.withBindAddresses(List.of("media.example.org")))
                .hasMessageStartingWith("bindAddresses must be an IP address literal")
                .hasMessageContaining("media.example.org");
        assertThatThrownBy(() -> BASE.withBindAddresses(List.of("127.0.0.256")))
                .hasMessageStartingWith("bindAddresses must be an IP address literal");
        assertThatThrownBy(() -> BASE.withBindAddresses(List.of("0.0.0.0")))
                .hasMessageStartingWith("bindAddresses must not hold a wildcard");
        assertThatThrownBy(() -> BASE.withBindAddresses(List.of("127.0.0.1", "127.0.0.1")))
                .hasMessageStartingWith("bindAddresses lists 127.0.0.1 twice");
        assertThat(BASE.withBindAddresses(List.of("127.0.0.1", "::1")).bindAddresses()).hasSize(2);
    }

    @Test
    void rejectsBadNatMappingsNamingTheSetting() {
        assertThatThrownBy(() -> BASE.withAdvertisedAddresses(
                List.of(new IceSettings.AddressMapping("10.0.0.5", "203.0.113.7"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("advertisedAddresses.localAddress 10.0.0.5 is not one of bindAddresses");
        assertThatThrownBy(() -> BASE.withAdvertisedAddresses(
                List.of(new IceSettings.AddressMapping("127.0.0.1", "public.example.org"))))
                .hasMessageStartingWith("advertisedAddresses.publicAddress must be an IP address literal");
        assertThatThrownBy(() -> BASE.withAdvertisedAddresses(
                List.of(new IceSettings.AddressMapping("127.0.0.1", "127.0.0.1"))))
                .hasMessageStartingWith("advertisedAddresses maps 127.0.0.1 to itself");
        assertThatThrownBy(() -> BASE.withAdvertisedAddresses(List.of(
                new IceSettings.AddressMapping("127.0.0.1", "203.0.113.7"),
                new IceSettings.AddressMapping("127.0.0.1", "203.0.113.8"))))
                .hasMessageStartingWith("advertisedAddresses maps 127.0.0.1 more than once");
    }

    @Test
    void rejectsNonPositiveConsentTimeout() {
        assertThatThrownBy(() -> BASE.withConsent(true, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("consentTimeout must be positive");
        assertThatThrownBy(() -> BASE.withConsent(true, null)).hasMessageStartingWith("consentTimeout ");
    }
}

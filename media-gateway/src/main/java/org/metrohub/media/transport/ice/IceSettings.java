package org.metrohub.media.transport.ice;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Node-wide ICE settings, validated at construction: a bad value fails with an {@link IllegalArgumentException}
 * whose message starts with the setting's name.
 *
 * @param udpPort             the one UDP port shared by every endpoint (RFC 8445 host candidates); 0 = ephemeral,
 *                            {@link IceHarvesters#udpPort()} reports the bound port
 * @param tcpPort             passive ICE-TCP (RFC 6544) port shared by every endpoint; 0 = disabled, −1 = ephemeral
 *                            (tests), {@link IceHarvesters#tcpPort()} reports the bound port
 * @param bindAddresses       IP literals the ports are bound on, each giving one host candidate per transport
 * @param advertisedAddresses NAT mapping: for a bind address behind 1:1 NAT, the public address to advertise as
 *                            well (a {@code srflx} candidate with the host candidate as its base, same port)
 * @param consentFreshness    true: ice4j sends RFC 7675 consent checks on the selected pair (and a pair whose check
 *                            times out fails); false: plain STUN Binding indications as keep-alives, no consent
 * @param consentTimeout      with consent freshness on, how long the selected pair may go without a confirmed
 *                            consent before the transport reports FAILED (RFC 7675 §5.1: 30 s)
 */
public record IceSettings(int udpPort, int tcpPort, List<String> bindAddresses,
                          List<AddressMapping> advertisedAddresses, boolean consentFreshness,
                          Duration consentTimeout) {

    /** {@code tcpPort} value that turns ICE-TCP off. */
    public static final int TCP_DISABLED = 0;
    /** {@code tcpPort} value asking for an ephemeral port (tests). */
    public static final int TCP_EPHEMERAL = -1;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    /**
     * One NAT mapping: candidates on {@code localAddress} are also advertised with {@code publicAddress}.
     */
    public record AddressMapping(String localAddress, String publicAddress) {
        public AddressMapping {
            Objects.requireNonNull(localAddress, "localAddress");
            Objects.requireNonNull(publicAddress, "publicAddress");
        }
    }

    public IceSettings {
        if (udpPort < 0 || udpPort > 65535) {
            throw new IllegalArgumentException("udpPort must be 0–65535 (0 = ephemeral): " + udpPort);
        }
        if (tcpPort < TCP_EPHEMERAL || tcpPort > 65535) {
            throw new IllegalArgumentException("tcpPort must be 1–65535, 0 (disabled) or -1 (ephemeral): " + tcpPort);
        }
        if (bindAddresses == null || bindAddresses.isEmpty()) {
            throw new IllegalArgumentException("bindAddresses must name at least one IP address");
        }
        bindAddresses = List.copyOf(bindAddresses);
        Set<InetAddress> bound = new HashSet<>();
        for (String a : bindAddresses) {
            InetAddress ip = literal("bindAddresses", a);
            if (ip.isAnyLocalAddress()) {
                throw new IllegalArgumentException(
                        "bindAddresses must not hold a wildcard address (it cannot be advertised): " + a);
            }
            if (!bound.add(ip)) {
                throw new IllegalArgumentException("bindAddresses lists " + a + " twice");
            }
        }
        if (advertisedAddresses == null) {
            throw new IllegalArgumentException("advertisedAddresses must not be null (use an empty list)");
        }
        advertisedAddresses = List.copyOf(advertisedAddresses);
        Set<InetAddress> mapped = new HashSet<>();
        for (AddressMapping m : advertisedAddresses) {
            InetAddress local = literal("advertisedAddresses.localAddress", m.localAddress());
            InetAddress pub = literal("advertisedAddresses.publicAddress", m.publicAddress());
            if (!bound.contains(local)) {
                throw new IllegalArgumentException("advertisedAddresses.localAddress " + m.localAddress()
                        + " is not one of bindAddresses " + bindAddresses);
            }
            if (local.equals(pub)) {
                throw new IllegalArgumentException("advertisedAddresses maps " + m.localAddress() + " to itself");
            }
            if (pub.isAnyLocalAddress()) {
                throw new IllegalArgumentException(
                        "advertisedAddresses.publicAddress must not be a wildcard address: " + m.publicAddress());
            }
            if (!mapped.add(local)) {
                throw new IllegalArgumentException(
                        "advertisedAddresses maps " + m.localAddress() + " more than once");
            }
        }
        if (consentTimeout == null || consentTimeout.isNegative() || consentTimeout.isZero()) {
            throw new IllegalArgumentException("consentTimeout must be positive: " + consentTimeout);
        }
    }

    /** UDP 10000, ICE-TCP 4443, bound on 127.0.0.1, no NAT mapping, consent freshness on with a 30 s timeout. */
    public static IceSettings defaults() {
        return new IceSettings(10000, 4443, List.of("127.0.0.1"), List.of(), true, Duration.ofSeconds(30));
    }

    public IceSettings withUdpPort(int port) {
        return new IceSettings(port, tcpPort, bindAddresses, advertisedAddresses, consentFreshness, consentTimeout);
    }

    public IceSettings withTcpPort(int port) {
        return new IceSettings(udpPort, port, bindAddresses, advertisedAddresses, consentFreshness, consentTimeout);
    }

    public IceSettings withBindAddresses(List<String> addresses) {
        return new IceSettings(udpPort, tcpPort, addresses, advertisedAddresses, consentFreshness, consentTimeout);
    }

    public IceSettings withAdvertisedAddresses(List<AddressMapping> mappings) {
        return new IceSettings(udpPort, tcpPort, bindAddresses, mappings, consentFreshness, consentTimeout);
    }

    public IceSettings withConsent(boolean freshness, Duration timeout) {
        return new IceSettings(udpPort, tcpPort, bindAddresses, advertisedAddresses, freshness, timeout);
    }

    /** Parses an IPv4 dotted quad or an IPv6 literal without ever asking DNS. */
    static InetAddress literal(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " must be an IP address literal, not blank");
        }
        String v = value.strip();
        boolean v4 = IPV4.matcher(v).matches();
        boolean v6 = v.indexOf(':') >= 0; // InetAddress parses these as IPv6 literals, never as names
        if (v4) {
            for (String part : v.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException(setting + " must be an IP address literal: " + value);
                }
            }
        }
        if (!v4 && !v6) {
            throw new IllegalArgumentException(setting + " must be an IP address literal (no host names): " + value);
        }
        try {
            InetAddress ip = InetAddress.getByName(v); // a literal: parsed, never looked up
            if (v6 && !(ip instanceof Inet6Address)) {
                throw new IllegalArgumentException(setting + " must be an IP address literal: " + value);
            }
            return ip;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(setting + " must be an IP address literal: " + value, e);
        }
    }
}

package org.metrohub.media.transport.srtp;

import java.lang.System.Logger.Level;
import java.time.Duration;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;

/**
 * Pays jitsi-srtp's one-off start-up costs before media flows. On the first context for a transformation the
 * library benchmarks its AES providers (OpenSSL, SunJCE, BouncyCastle) and loads its native library: measured
 * at 0.6–1 s per JVM, which on the receive path dropped the first keyframe. {@link #warmUp()} derives a
 * throw-away session per {@link SrtpProfile} and runs one RTP and one RTCP packet through each direction, so
 * every cipher, MAC and the key derivation have been chosen and initialised. Call it once at node start.
 */
public final class SrtpWarmUp {
    private static final System.Logger LOG = System.getLogger(SrtpWarmUp.class.getName());

    private static Duration took;

    private SrtpWarmUp() {
    }

    /**
     * Warms up once per JVM and logs how long it took; later calls do nothing and return the first
     * measurement.
     *
     * @throws IllegalStateException if a dummy packet fails to round-trip (the crypto stack is broken)
     */
    public static synchronized Duration warmUp() {
        if (took != null) {
            return took;
        }
        long start = System.nanoTime();
        preferOpenSsl();
        for (SrtpProfile profile : SrtpProfile.values()) {
            roundTrip(profile);
        }
        took = Duration.ofNanos(System.nanoTime() - start);
        LOG.log(Level.INFO, "SRTP warm-up: {0} profiles ready in {1} ms",
                SrtpProfile.values().length, took.toMillis());
        return took;
    }

    /**
     * jitsi-srtp otherwise picks its AES provider by a start-up timing race: with SunJCE it allocates about
     * 1.1–1.3 KB per packet, with its OpenSSL provider 64–104 B at the same speed (docs/performance.md, JMH).
     * When the native provider loaded, use it, so every start behaves the same.
     */
    private static void preferOpenSsl() {
        if (JitsiOpenSslProvider.isLoaded()) {
            Aes.setFactoryClassName("org.jitsi.srtp.crypto.Aes$OpenSSLCipherFactory");
            LOG.log(Level.INFO, "SRTP: AES by jitsi-srtp's OpenSSL provider");
        } else {
            LOG.log(Level.WARNING, "SRTP: jitsi-srtp's OpenSSL provider did not load; AES falls back to the JDK "
                    + "(about 1 KB allocated per packet)");
        }
    }

    private static void roundTrip(SrtpProfile profile) {
        byte[] material = new byte[profile.exporterLength()]; // dummy: all-zero keys protect nothing real
        SrtpKeys client = SrtpKeys.fromDtlsExporter(profile, material, SrtpKeys.LocalRole.DTLS_CLIENT);
        SrtpKeys server = SrtpKeys.fromDtlsExporter(profile, material, SrtpKeys.LocalRole.DTLS_SERVER);
        try (SrtpSession tx = new SrtpSession(client, 1, "srtp-warm-up");
             SrtpSession rx = new SrtpSession(server, 1, "srtp-warm-up")) {
            byte[] rtp = new byte[12 + 160 + profile.rtpOverhead()];
            rtp[0] = (byte) 0x80; // V=2
            rtp[1] = 111;         // PT
            check(profile, "RTP", rx.unprotectRtp(rtp, 0, tx.protectRtp(rtp, 0, 12 + 160)));
            byte[] rtcp = new byte[12 + profile.rtcpOverhead()];
            rtcp[0] = (byte) 0x81; // V=2, FMT=1 (PLI)
            rtcp[1] = (byte) 206;  // PSFB
            rtcp[3] = 2;           // length in words - 1
            check(profile, "RTCP", rx.unprotectRtcp(rtcp, 0, tx.protectRtcp(rtcp, 0, 12)));
        }
    }

    private static void check(SrtpProfile profile, String what, int returned) {
        if (returned < 0) {
            throw new IllegalStateException("SRTP warm-up " + what + " round trip failed for " + profile
                    + ": " + SrtpResult.of(returned));
        }
    }
}

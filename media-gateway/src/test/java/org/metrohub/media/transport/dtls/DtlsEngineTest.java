package org.metrohub.media.transport.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrohub.media.transport.srtp.SrtpProfile.AEAD_AES_128_GCM;
import static org.metrohub.media.transport.srtp.SrtpProfile.AES_CM_128_HMAC_SHA1_80;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.metrohub.media.transport.srtp.SrtpKeys;
import org.metrohub.media.transport.srtp.SrtpProfile;
import org.metrohub.media.transport.srtp.SrtpSession;

/**
 * Two engines talk to each other in memory: the client's sink feeds the server's {@code receive} and back.
 * No ports; each test awaits the listeners with a timeout.
 */
class DtlsEngineTest {

    private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate();
    private static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate();
    private static final DtlsEngine.Options DEFAULTS = DtlsEngine.Options.defaults();
    private static final long AWAIT_SECONDS = 20;

    private final List<DtlsEngine> engines = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        engines.forEach(DtlsEngine::close);
    }

    /** Records the one outcome of an engine. */
    static final class Outcome implements DtlsListener {
        final CountDownLatch done = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        volatile SrtpProfile profile;
        volatile byte[] material;
        volatile String failure;
        volatile String closeReason;

        @Override
        public void handshakeComplete(SrtpProfile p, byte[] keyingMaterial) {
            profile = p;
            material = keyingMaterial;
            done.countDown();
        }

        @Override
        public void handshakeFailed(String reason) {
            failure = reason;
            done.countDown();
        }

        @Override
        public void closed(String reason) {
            closeReason = reason;
            closed.countDown();
        }

        Outcome await() throws InterruptedException {
            assertThat(done.await(AWAIT_SECONDS, TimeUnit.SECONDS)).as("outcome within %d s", AWAIT_SECONDS).isTrue();
            return this;
        }
    }

    /** A client and a server engine wired back to back; {@code toServer} may tamper with client datagrams. */
    final class Pair {
        final Outcome clientOutcome = new Outcome();
        final Outcome serverOutcome = new Outcome();
        final DtlsEngine client;
        final DtlsEngine server;

        Pair(DtlsEngine.Options clientOptions, DtlsEngine.Options serverOptions,
             DtlsFingerprint serverExpects, DtlsFingerprint clientExpects,
             BiConsumer<byte[], DtlsEngine> toServer) {
            AtomicReference<DtlsEngine> serverRef = new AtomicReference<>();
            AtomicReference<DtlsEngine> clientRef = new AtomicReference<>();
            client = new DtlsEngine("client", DtlsRole.CLIENT, CLIENT_CERT, clientExpects, clientOptions,
                    (buf, off, len) -> toServer.accept(Arrays.copyOfRange(buf, off, off + len), serverRef.get()),
                    clientOutcome);
            server = new DtlsEngine("server", DtlsRole.SERVER, SERVER_CERT, serverExpects, serverOptions,
                    (buf, off, len) -> clientRef.get().receive(buf, off, len), serverOutcome);
            serverRef.set(server);
            clientRef.set(client);
            engines.add(client);
            engines.add(server);
        }

        Pair(DtlsEngine.Options clientOptions, DtlsEngine.Options serverOptions) {
            this(clientOptions, serverOptions, CLIENT_CERT.fingerprint(), SERVER_CERT.fingerprint(),
                    (d, s) -> s.receive(d, 0, d.length));
        }

        Pair run() throws InterruptedException {
            server.start();
            client.start();
            clientOutcome.await();
            serverOutcome.await();
            return this;
        }

        void assertAgreed(SrtpProfile expected) {
            assertThat(clientOutcome.failure).isNull();
            assertThat(serverOutcome.failure).isNull();
            assertThat(clientOutcome.profile).isEqualTo(expected);
            assertThat(serverOutcome.profile).isEqualTo(expected);
            assertThat(clientOutcome.material).hasSize(expected.exporterLength())
                    .isEqualTo(serverOutcome.material);
            assertThat(client.state()).isEqualTo(DtlsEngine.State.COMPLETE);
            assertThat(server.state()).isEqualTo(DtlsEngine.State.COMPLETE);
        }
    }

    @Test
    void bothSidesAgreeOnGcmAndIdenticalKeyingMaterial() throws Exception {
        new Pair(DEFAULTS, DEFAULTS).run().assertAgreed(AEAD_AES_128_GCM);
    }

    /** The server picks by its own preference among what the client offers. */
    @Test
    void serverPicksGcmWhenBothAreOfferedInEitherOrder() throws Exception {
        new Pair(DEFAULTS.withSrtpProfiles(List.of(AES_CM_128_HMAC_SHA1_80, AEAD_AES_128_GCM)), DEFAULTS)
                .run().assertAgreed(AEAD_AES_128_GCM);
    }

    @Test
    void serverPicksCmWhenTheClientOffersOnlyCm() throws Exception {
        new Pair(DEFAULTS.withSrtpProfiles(List.of(AES_CM_128_HMAC_SHA1_80)), DEFAULTS)
                .run().assertAgreed(AES_CM_128_HMAC_SHA1_80);
    }

    @Test
    void clientOfferingNoProfileTheServerSupportsFailsBothSides() throws Exception {
        Pair p = new Pair(DEFAULTS.withSrtpProfiles(List.of(AES_CM_128_HMAC_SHA1_80)),
                DEFAULTS.withSrtpProfiles(List.of(AEAD_AES_128_GCM))).run();
        assertThat(p.serverOutcome.failure)
                .isEqualTo("sent fatal alert handshake_failure: client offered SRTP profiles [1], none of ours [7]");
        assertThat(p.clientOutcome.failure).isEqualTo("peer sent fatal alert handshake_failure");
        assertThat(p.server.state()).isEqualTo(DtlsEngine.State.FAILED);
        assertThat(p.clientOutcome.material).isNull();
    }

    @Test
    void serverRejectsAClientCertificateThatDoesNotMatchItsSdpFingerprint() throws Exception {
        DtlsFingerprint other = DtlsCertificate.generate().fingerprint();
        Pair p = new Pair(DEFAULTS, DEFAULTS, other, SERVER_CERT.fingerprint(), (d, s) -> s.receive(d, 0, d.length))
                .run();
        assertThat(p.serverOutcome.failure)
                .startsWith("sent fatal alert bad_certificate: peer certificate " + CLIENT_CERT.sdpFingerprint())
                .endsWith("does not match the SDP fingerprint " + other.toSdp());
        assertThat(p.clientOutcome.failure).isEqualTo("peer sent fatal alert bad_certificate");
        assertThat(p.serverOutcome.material).isNull();
        assertThat(p.clientOutcome.material).isNull();
    }

    @Test
    void clientRejectsAServerCertificateThatDoesNotMatchItsSdpFingerprint() throws Exception {
        DtlsFingerprint other = DtlsCertificate.generate().fingerprint();
        Pair p = new Pair(DEFAULTS, DEFAULTS, CLIENT_CERT.fingerprint(), other, (d, s) -> s.receive(d, 0, d.length))
                .run();
        assertThat(p.clientOutcome.failure)
                .startsWith("sent fatal alert bad_certificate: peer certificate " + SERVER_CERT.sdpFingerprint());
        assertThat(p.serverOutcome.failure).isEqualTo("peer sent fatal alert bad_certificate");
    }

    /**
     * Before each real client datagram the server gets: junk that is not DTLS, a truncated copy of that datagram,
     * and an oversize datagram; our pre-check drops all three (counted), so the handshake completes.
     */
    @Test
    void junkAndTruncatedRecordsMidHandshakeAreDroppedAndCounted() throws Exception {
        byte[] junk = new byte[40];
        Arrays.fill(junk, (byte) 0xA5); // first byte 165: RTP/RTCP range, not DTLS
        Pair p = new Pair(DEFAULTS, DEFAULTS, CLIENT_CERT.fingerprint(), SERVER_CERT.fingerprint(), (d, s) -> {
            s.receive(junk, 0, junk.length);
            s.receive(d, 0, Math.min(d.length - 1, 20)); // header claims more than what follows
            s.receive(new byte[DtlsEngine.MAX_DATAGRAM + 1], 0, DtlsEngine.MAX_DATAGRAM + 1);
            s.receive(d, 0, d.length);
        }).run();
        p.assertAgreed(AEAD_AES_128_GCM);
        assertThat(p.server.dropped(DtlsDrop.NOT_DTLS)).isGreaterThanOrEqualTo(2); // ClientHello ×2, Finished flight
        assertThat(p.server.dropped(DtlsDrop.MALFORMED_RECORD)).isEqualTo(p.server.dropped(DtlsDrop.NOT_DTLS));
        assertThat(p.server.dropped(DtlsDrop.OVERSIZE)).isEqualTo(p.server.dropped(DtlsDrop.NOT_DTLS));
    }

    /**
     * An epoch-1 record the server cannot decrypt yet (or whose AEAD tag fails) before every client datagram:
     * BouncyCastle discards records that fail authentication without touching its replay window (RFC 6347
     * §4.1.2.7), so the handshake completes. Our pre-check lets it through (its framing is valid).
     */
    @RepeatedTest(5)
    void undecryptableRecordsMidHandshakeAreDiscardedByTheStack() throws Exception {
        Pair p = new Pair(DEFAULTS, DEFAULTS, CLIENT_CERT.fingerprint(), SERVER_CERT.fingerprint(), (d, s) -> {
            s.receive(record(23, 1, 5, 48), 0, 13 + 48);
            s.receive(record(22, 1, 6, 64), 0, 13 + 64);
            s.receive(d, 0, d.length);
        }).run();
        p.assertAgreed(AEAD_AES_128_GCM);
        assertThat(p.server.dropped(DtlsDrop.MALFORMED_RECORD)).isZero();
    }

    /**
     * A well-framed epoch-0 handshake record with a garbage body and a record sequence number far ahead (99),
     * injected mid-handshake (before the client's second flight, after the cookie exchange). Outcome, asserted:
     * no crash, nothing thrown to the caller, both sides fail cleanly by timeout. Why: BouncyCastle's handshake
     * layer ignores the body (its fragment length exceeds the record: "truncated message - ignore it"), but epoch
     * 0 has no MAC, so the record layer has already accepted the record and moved its 64-record replay window to
     * 99; the client's real records (sequence numbers in single digits, and its retransmissions counting up from
     * there) then fall below the window and are dropped as replays. This is a property of DTLS 1.2 epoch 0 that
     * needs a datagram spoofed onto the ICE-selected 5-tuple; we do not try to guard against it. (An observation:
     * with the forged sequence number inside the window, 4, runs also ended by timeout within 1.5 s or with the
     * client aborting; the record it collides with is lost and the retransmission comes too late for this
     * short timeout.)
     */
    @RepeatedTest(3)
    void forgedEpochZeroRecordFarAheadStallsTheHandshakeUntilItTimesOutCleanly() throws Exception {
        AtomicInteger datagrams = new AtomicInteger();
        DtlsEngine.Options quick = DEFAULTS.withHandshakeTimeout(Duration.ofMillis(1500));
        Pair p = new Pair(quick, quick, CLIENT_CERT.fingerprint(), SERVER_CERT.fingerprint(), (d, s) -> {
            if (datagrams.incrementAndGet() >= 3) {
                s.receive(record(22, 0, 99, 30), 0, 13 + 30);
            }
            s.receive(d, 0, d.length);
        }).run();
        assertThat(p.serverOutcome.failure).isEqualTo("handshake timed out after 1500 ms");
        // both timers start together; the client may time out itself or first hear the server give up
        assertThat(p.clientOutcome.failure).isIn("handshake timed out after 1500 ms",
                "peer sent fatal alert internal_error");
        assertThat(p.server.state()).isEqualTo(DtlsEngine.State.FAILED);
    }

    @Test
    void receiveNeverThrowsOnBadArgumentsAndCountsThem() {
        DtlsEngine e = new DtlsEngine("e", DtlsRole.SERVER, SERVER_CERT, CLIENT_CERT.fingerprint(), DEFAULTS,
                (b, o, l) -> { }, new Outcome());
        engines.add(e);
        e.receive(null, 0, 1);
        e.receive(new byte[10], 5, 6);
        e.receive(new byte[10], -1, 2);
        e.receive(new byte[10], 0, 0);
        assertThat(e.dropped(DtlsDrop.INVALID_BOUNDS)).isEqualTo(4);
        e.receive(new byte[] {22, (byte) 0xFE, (byte) 0xFD}, 0, 3);
        assertThat(e.dropped(DtlsDrop.MALFORMED_RECORD)).isEqualTo(1);
        e.close();
        byte[] r = record(22, 0, 0, 4);
        e.receive(r, 0, r.length);
        assertThat(e.dropped(DtlsDrop.AFTER_CLOSE)).isEqualTo(1);
    }

    @Test
    void silentPeerTimesOutWithAClearReason() throws Exception {
        Outcome outcome = new Outcome();
        DtlsEngine client = new DtlsEngine("lonely", DtlsRole.CLIENT, CLIENT_CERT, SERVER_CERT.fingerprint(),
                DEFAULTS.withHandshakeTimeout(Duration.ofMillis(300)), (b, o, l) -> { }, outcome);
        engines.add(client);
        client.start();
        outcome.await();
        assertThat(outcome.failure).isEqualTo("handshake timed out after 300 ms");
        assertThat(client.state()).isEqualTo(DtlsEngine.State.FAILED);
    }

    @Test
    void closeBeforeCompletionFailsTheHandshake() throws Exception {
        Outcome outcome = new Outcome();
        DtlsEngine server = new DtlsEngine("s", DtlsRole.SERVER, SERVER_CERT, CLIENT_CERT.fingerprint(), DEFAULTS,
                (b, o, l) -> { }, outcome);
        server.start();
        server.close();
        outcome.await();
        assertThat(outcome.failure).isEqualTo("closed before the handshake completed");
    }

    @Test
    void applicationDataAfterTheHandshakeIsCountedAndCloseIsReported() throws Exception {
        Pair p = new Pair(DEFAULTS, DEFAULTS).run();
        byte[] appData = record(23, 1, 7, 40);
        p.server.receive(appData, 0, appData.length);
        assertThat(p.server.dropped(DtlsDrop.APPLICATION_DATA)).isEqualTo(1);
        p.server.close();
        assertThat(p.serverOutcome.closed.await(AWAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.serverOutcome.closeReason).isEqualTo("closed locally");
    }

    /** The exporter output keys our SRTP package: what one side protects, the other unprotects. */
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void keyingMaterialKeysSrtpEndToEnd(SrtpProfile profile) throws Exception {
        Pair p = new Pair(DEFAULTS.withSrtpProfiles(List.of(profile)), DEFAULTS).run();
        p.assertAgreed(profile);
        try (SrtpSession client = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, p.clientOutcome.material,
                     DtlsRole.CLIENT.srtpRole()));
             SrtpSession server = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, p.serverOutcome.material,
                     DtlsRole.SERVER.srtpRole()))) {
            for (SrtpSession[] way : new SrtpSession[][] {{client, server}, {server, client}}) {
                byte[] buf = new byte[12 + 100 + 64];
                int len = rtp(buf, 1, 100);
                byte[] plain = Arrays.copyOf(buf, len);
                int srtpLen = way[0].protectRtp(buf, 0, len);
                assertThat(srtpLen).isEqualTo(len + profile.rtpOverhead());
                assertThat(way[1].unprotectRtp(buf, 0, srtpLen)).isEqualTo(len);
                assertThat(Arrays.copyOf(buf, len)).isEqualTo(plain);
            }
            // split with the wrong role, a session decrypts with its own key: the client's packet does not verify
            SrtpSession wrong = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, p.serverOutcome.material,
                    DtlsRole.CLIENT.srtpRole()));
            byte[] buf = new byte[12 + 100 + 64];
            int srtpLen = client.protectRtp(buf, 0, rtp(buf, 2, 100));
            assertThat(wrong.unprotectRtp(buf, 0, srtpLen)).isNegative();
            wrong.close();
        }
    }

    /** Handshake time in memory on this machine: the first one in the JVM pays class loading. */
    @Test
    void measuresHandshakeTime() throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Pair p = new Pair(DEFAULTS, DEFAULTS).run();
            p.assertAgreed(AEAD_AES_128_GCM);
            millis.add(p.client.handshakeDuration().orElseThrow().toMillis());
            p.client.close();
            p.server.close();
        }
        System.out.println("DTLS in-memory handshake (client start → keys), ms per run: " + millis);
        assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(AWAIT_SECONDS * 1000));
    }

    /** A DTLS record: type, version DTLS 1.2 (FEFD), epoch, sequence number, then {@code bodyLength} 0x5A bytes. */
    private static byte[] record(int type, int epoch, long seq, int bodyLength) {
        byte[] r = new byte[13 + bodyLength];
        r[0] = (byte) type;
        r[1] = (byte) 0xFE;
        r[2] = (byte) 0xFD;
        r[3] = (byte) (epoch >> 8);
        r[4] = (byte) epoch;
        for (int i = 0; i < 6; i++) {
            r[5 + i] = (byte) (seq >>> (8 * (5 - i)));
        }
        r[11] = (byte) (bodyLength >> 8);
        r[12] = (byte) bodyLength;
        Arrays.fill(r, 13, r.length, (byte) 0x5A);
        return r;
    }

    /** RTP: V=2, PT 96, given SEQ (< 256), TS 0x01020304, SSRC 0x11223344, then {@code payload} counting bytes. */
    private static int rtp(byte[] buf, int seq, int payload) {
        buf[0] = (byte) 0x80;
        buf[1] = 96;
        buf[3] = (byte) seq;
        buf[4] = 1;
        buf[5] = 2;
        buf[6] = 3;
        buf[7] = 4;
        buf[8] = 0x11;
        buf[9] = 0x22;
        buf[10] = 0x33;
        buf[11] = 0x44;
        for (int i = 0; i < payload; i++) {
            buf[12 + i] = (byte) i;
        }
        return 12 + payload;
    }
}

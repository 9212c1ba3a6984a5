package org.metrohub.media.transport.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A "client" and a "server" session built from the same DTLS exporter output talk to each other in memory:
 * what one protects the other unprotects, in both directions, for both profiles.
 */
class SrtpSessionTest {

    private static final int SSRC = 0x1234_5678;
    private static final int HEADROOM = 64; // ≥ 20, the largest overhead (GCM SRTCP)

    private SrtpSession client;
    private SrtpSession server;

    private void open(SrtpProfile profile) {
        byte[] material = new byte[profile.exporterLength()]; // 60 bytes (CM) or 56 (GCM)
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) (i * 7 + 3);
        }
        client = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, material, SrtpKeys.LocalRole.DTLS_CLIENT));
        server = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, material, SrtpKeys.LocalRole.DTLS_SERVER));
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A VP8-ish RTP packet at {@code off}: V=2, PT 96, given SEQ, TS 0x01020304, our SSRC, payload. */
    private static int rtp(byte[] buf, int off, int seq, int payloadLen) {
        buf[off] = (byte) 0x80;          // V=2, P=0, X=0, CC=0
        buf[off + 1] = 96;               // M=0, PT=96
        buf[off + 2] = (byte) (seq >> 8);
        buf[off + 3] = (byte) seq;
        buf[off + 4] = 1;                // timestamp 0x01020304
        buf[off + 5] = 2;
        buf[off + 6] = 3;
        buf[off + 7] = 4;
        writeInt(buf, off + 8, SSRC);
        for (int i = 0; i < payloadLen; i++) {
            buf[off + 12 + i] = (byte) (seq + i);
        }
        return 12 + payloadLen;
    }

    /** An RTCP PLI (RFC 4585 §6.3.1): V=2 FMT=1, PT=206, length 2, sender SSRC, media SSRC. */
    private static int pli(byte[] buf, int off, int senderSsrc) {
        buf[off] = (byte) 0x81;
        buf[off + 1] = (byte) 206;
        buf[off + 2] = 0;
        buf[off + 3] = 2;
        writeInt(buf, off + 4, senderSsrc);
        writeInt(buf, off + 8, 0x0BAD_CAFE);
        return 12;
    }

    private static void writeInt(byte[] buf, int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpRoundTripsBothWaysAtAnOffset(SrtpProfile profile) {
        open(profile);
        for (SrtpSession[] pair : new SrtpSession[][] {{client, server}, {server, client}}) {
            byte[] buf = new byte[10 + 200 + HEADROOM];
            int len = rtp(buf, 10, 1000, 200);
            byte[] plain = Arrays.copyOfRange(buf, 10, 10 + len);

            int srtpLen = pair[0].protectRtp(buf, 10, len);
            assertThat(srtpLen).isEqualTo(len + profile.rtpOverhead());
            assertThat(Arrays.copyOfRange(buf, 10, 22)).isEqualTo(Arrays.copyOf(plain, 12)); // header in clear
            assertThat(Arrays.copyOfRange(buf, 22, 10 + len)).isNotEqualTo(Arrays.copyOfRange(plain, 12, len));

            assertThat(pair[1].unprotectRtp(buf, 10, srtpLen)).isEqualTo(len);
            assertThat(Arrays.copyOfRange(buf, 10, 10 + len)).isEqualTo(plain);
        }
        assertThat(client.count(SrtpOperation.PROTECT_RTP, SrtpResult.OK)).isEqualTo(1);
        assertThat(client.count(SrtpOperation.UNPROTECT_RTP, SrtpResult.OK)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpRoundTripsBothWays(SrtpProfile profile) {
        open(profile);
        for (SrtpSession[] pair : new SrtpSession[][] {{client, server}, {server, client}}) {
            for (int n = 0; n < 3; n++) {
                byte[] buf = new byte[12 + HEADROOM];
                int len = pli(buf, 0, SSRC);
                byte[] plain = Arrays.copyOf(buf, len);

                int srtcpLen = pair[0].protectRtcp(buf, 0, len);
                assertThat(srtcpLen).isEqualTo(len + profile.rtcpOverhead()); // 26 (CM) or 32 (GCM)
                assertThat(pair[1].unprotectRtcp(buf, 0, srtcpLen)).isEqualTo(len);
                assertThat(Arrays.copyOf(buf, len)).isEqualTo(plain);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperedPacketsFailAuthenticationAndLeaveTheStreamUsable(SrtpProfile profile) {
        open(profile);
        byte[] buf = new byte[100 + HEADROOM];
        int srtpLen = client.protectRtp(buf, 0, rtp(buf, 0, 7, 100));
        byte[] good = Arrays.copyOf(buf, srtpLen);

        for (int at : new int[] {1, 12, 50, srtpLen - 1}) { // header (PT), payload, tag
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            assertThat(SrtpResult.of(server.unprotectRtp(bad, 0, srtpLen))).as("flip at %d", at)
                    .isEqualTo(SrtpResult.AUTH_FAIL);
        }
        assertThat(server.unprotectRtp(good, 0, srtpLen)).isEqualTo(112);
        assertThat(server.count(SrtpOperation.UNPROTECT_RTP, SrtpResult.AUTH_FAIL)).isEqualTo(4);

        byte[] rtcp = new byte[12 + HEADROOM];
        int srtcpLen = client.protectRtcp(rtcp, 0, pli(rtcp, 0, SSRC));
        rtcp[9] ^= 0x40; // inside the encrypted media SSRC
        assertThat(SrtpResult.of(server.unprotectRtcp(rtcp, 0, srtcpLen))).isEqualTo(SrtpResult.AUTH_FAIL);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayedPacketsAreRefused(SrtpProfile profile) {
        open(profile);
        assertThat(profile.newPolicy().isReceiveReplayEnabled()).isTrue();

        byte[] buf = new byte[50 + HEADROOM];
        int srtpLen = client.protectRtp(buf, 0, rtp(buf, 0, 42, 50));
        byte[] copy = Arrays.copyOf(buf, srtpLen);
        assertThat(server.unprotectRtp(buf, 0, srtpLen)).isEqualTo(62);
        assertThat(SrtpResult.of(server.unprotectRtp(copy, 0, srtpLen))).isEqualTo(SrtpResult.REPLAY);

        byte[] rtcp = new byte[12 + HEADROOM];
        int srtcpLen = client.protectRtcp(rtcp, 0, pli(rtcp, 0, SSRC));
        byte[] rtcpCopy = Arrays.copyOf(rtcp, srtcpLen);
        assertThat(server.unprotectRtcp(rtcp, 0, srtcpLen)).isEqualTo(12);
        assertThat(SrtpResult.of(server.unprotectRtcp(rtcpCopy, 0, srtcpLen))).isEqualTo(SrtpResult.REPLAY);

        assertThat(server.count(SrtpOperation.UNPROTECT_RTP, SrtpResult.REPLAY)).isEqualTo(1);
        assertThat(server.count(SrtpOperation.UNPROTECT_RTCP, SrtpResult.REPLAY)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void sendingTheSameSequenceNumberTwiceIsRefusedSoNoKeystreamIsReused(SrtpProfile profile) {
        open(profile);
        byte[] buf = new byte[20 + HEADROOM];
        assertThat(client.protectRtp(buf, 0, rtp(buf, 0, 5, 20))).isPositive();
        assertThat(SrtpResult.of(client.protectRtp(buf, 0, rtp(buf, 0, 5, 20)))).isEqualTo(SrtpResult.REPLAY);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void truncatedPacketsAreTooShortWithoutAnException(SrtpProfile profile) {
        open(profile);
        byte[] buf = new byte[30 + HEADROOM];
        int srtpLen = client.protectRtp(buf, 0, rtp(buf, 0, 1, 30));
        for (int len = 0; len < 12 + profile.tagLength(); len++) {
            byte[] cut = Arrays.copyOf(buf, len);
            assertThat(SrtpResult.of(server.unprotectRtp(cut, 0, len))).as("len %d", len)
                    .isEqualTo(SrtpResult.TOO_SHORT);
        }
        for (int len = 12 + profile.tagLength(); len < srtpLen; len++) { // long enough, but the tag is wrong
            byte[] cut = Arrays.copyOf(buf, len);
            assertThat(server.unprotectRtp(cut, 0, len)).as("len %d", len).isNegative();
        }

        // Header claims 15 CSRCs (60 bytes) and an extension the packet does not hold.
        byte[] lying = Arrays.copyOf(buf, srtpLen);
        lying[0] = (byte) 0x9F; // V=2, X=1, CC=15
        assertThat(SrtpResult.of(server.unprotectRtp(lying, 0, srtpLen))).isEqualTo(SrtpResult.TOO_SHORT);

        byte[] out = new byte[40 + HEADROOM];
        rtp(out, 0, 2, 0);
        out[0] = (byte) 0x90; // X=1 but no room for the extension header
        assertThat(SrtpResult.of(client.protectRtp(out, 0, 12))).isEqualTo(SrtpResult.TOO_SHORT);
        assertThat(SrtpResult.of(client.protectRtp(out, 0, 11))).isEqualTo(SrtpResult.TOO_SHORT);

        byte[] rtcp = new byte[12 + HEADROOM];
        int srtcpLen = client.protectRtcp(rtcp, 0, pli(rtcp, 0, SSRC));
        for (int len = 0; len < 8 + profile.rtcpOverhead(); len++) {
            assertThat(SrtpResult.of(server.unprotectRtcp(Arrays.copyOf(rtcp, len), 0, len))).as("len %d", len)
                    .isEqualTo(SrtpResult.TOO_SHORT);
        }
        assertThat(server.unprotectRtcp(rtcp, 0, srtcpLen)).isEqualTo(12); // the stream still works
        assertThat(SrtpResult.of(client.protectRtcp(rtcp, 0, 7))).isEqualTo(SrtpResult.TOO_SHORT);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void noTailRoomIsRefusedBeforeTheLibraryWritesPastThePacket(SrtpProfile profile) {
        open(profile);
        // Exactly the packet, nothing after it: jitsi's GCM path would write its 16-byte tag past the end
        // (with OpenSSL: a SIGSEGV). We must refuse and leave the bytes alone.
        byte[] buf = new byte[12 + 100];
        int len = rtp(buf, 0, 9, 100);
        byte[] before = buf.clone();
        assertThat(SrtpResult.of(client.protectRtp(buf, 0, len))).isEqualTo(SrtpResult.NO_TAIL_ROOM);
        assertThat(buf).isEqualTo(before);

        // Declared capacity one byte short, inside a larger array: still refused.
        byte[] big = new byte[200];
        rtp(big, 0, 9, 100);
        assertThat(SrtpResult.of(client.protectRtp(big, 0, len, len + profile.rtpOverhead() - 1)))
                .isEqualTo(SrtpResult.NO_TAIL_ROOM);
        assertThat(client.protectRtp(big, 0, len, len + profile.rtpOverhead()))
                .isEqualTo(len + profile.rtpOverhead());

        byte[] rtcp = new byte[12 + profile.rtcpOverhead() - 1];
        assertThat(SrtpResult.of(client.protectRtcp(rtcp, 0, pli(rtcp, 0, SSRC)))).isEqualTo(SrtpResult.NO_TAIL_ROOM);

        assertThat(client.count(SrtpOperation.PROTECT_RTP, SrtpResult.NO_TAIL_ROOM)).isEqualTo(2);
        assertThat(client.count(SrtpOperation.PROTECT_RTCP, SrtpResult.NO_TAIL_ROOM)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void sequenceNumberWraparoundIncrementsTheRocAndStillDecrypts(SrtpProfile profile) {
        open(profile);
        byte[] buf = new byte[40 + HEADROOM];
        byte[] afterWrap = null;
        for (int i = 0; i < 8; i++) {
            int seq = (65532 + i) & 0xFFFF; // 65532 .. 65535, 0 .. 3: ROC 0 then ROC 1
            int len = rtp(buf, 0, seq, 40);
            byte[] plain = Arrays.copyOf(buf, len);
            int srtpLen = client.protectRtp(buf, 0, len);
            assertThat(srtpLen).as("protect seq %d", seq).isPositive();
            if (seq == 1) {
                afterWrap = Arrays.copyOf(buf, srtpLen);
            }
            assertThat(server.unprotectRtp(buf, 0, srtpLen)).as("unprotect seq %d", seq).isEqualTo(len);
            assertThat(Arrays.copyOf(buf, len)).isEqualTo(plain);
        }
        // A receiver that never saw the wrap and assumes ROC 0 cannot authenticate seq 1 of ROC 1:
        // the ROC really went into the keystream/tag (RFC 3711 §3.3.1).
        try (SrtpSession fresh = new SrtpSession(SrtpKeys.fromDtlsExporter(profile,
                exporter(profile), SrtpKeys.LocalRole.DTLS_SERVER))) {
            assertThat(SrtpResult.of(fresh.unprotectRtp(afterWrap, 0, afterWrap.length)))
                    .isEqualTo(SrtpResult.AUTH_FAIL);
        }
    }

    private static byte[] exporter(SrtpProfile profile) {
        byte[] material = new byte[profile.exporterLength()];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) (i * 7 + 3);
        }
        return material;
    }

    @Test
    void forgedSsrcsDoNotFillTheContextTable() {
        SrtpProfile profile = SrtpProfile.AEAD_AES_128_GCM;
        try (SrtpSession tx = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, exporter(profile),
                     SrtpKeys.LocalRole.DTLS_CLIENT), 2, "test");
             SrtpSession rx = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, exporter(profile),
                     SrtpKeys.LocalRole.DTLS_SERVER), 2, "test")) {
            byte[] junk = new byte[60];
            for (int i = 0; i < 10; i++) {
                junk[0] = (byte) 0x80;
                writeInt(junk, 8, 1000 + i); // a new SSRC each time, garbage tag
                assertThat(SrtpResult.of(rx.unprotectRtp(junk, 0, junk.length))).isEqualTo(SrtpResult.AUTH_FAIL);
            }
            byte[] buf = new byte[20 + HEADROOM];
            int srtpLen = tx.protectRtp(buf, 0, rtp(buf, 0, 1, 20));
            assertThat(rx.unprotectRtp(buf, 0, srtpLen)).isEqualTo(32);

            // The limit does apply to SSRCs that authenticate.
            for (int ssrc = 1; ssrc <= 2; ssrc++) {
                int len = rtp(buf, 0, 1, 20);
                writeInt(buf, 8, ssrc);
                int r = tx.protectRtp(buf, 0, len);
                if (ssrc == 1) {
                    assertThat(rx.unprotectRtp(buf, 0, r)).isEqualTo(32);
                } else {
                    assertThat(SrtpResult.of(r)).isEqualTo(SrtpResult.TOO_MANY_SSRCS);
                }
            }
        }
    }

    @Test
    void closedSessionRefusesPackets() {
        open(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        client.close();
        byte[] buf = new byte[20 + HEADROOM];
        assertThat(SrtpResult.of(client.protectRtp(buf, 0, rtp(buf, 0, 1, 20)))).isEqualTo(SrtpResult.CLOSED);
    }
}

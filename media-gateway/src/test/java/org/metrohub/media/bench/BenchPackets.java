package org.metrohub.media.bench;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Packets and set-up shared by the JMH benchmarks of this package (see docs/performance.md). */
public final class BenchPackets {
    /** Size of the RTP packets the SRTP benchmarks push: a full video packet as Chrome sends it. */
    public static final int RTP_SIZE = 1200;
    /** Extension ids as Chrome's default video offer maps them. */
    public static final int ABS_SEND_TIME_ID = 2;
    public static final int TRANSPORT_CC_ID = 3;
    public static final int MID_ID = 4;

    private BenchPackets() {
    }

    /**
     * A Chrome-like VP8 RTP packet of {@code size} bytes: PT 96, one-byte header extensions abs-send-time (2),
     * transport-wide-cc (3) and mid (4, "0"), a VP8 payload descriptor with a 15-bit picture id, then payload.
     */
    public static byte[] vp8Packet(int size) {
        byte[] head = bytes("""
                90 60 1f 40    # V=2 P=0 X=1 CC=0, M=0 PT=96, sequence number 8000
                00 0d bb a0    # timestamp 900000
                5a 1b 2c 3d    # SSRC
                be de 00 03    # one-byte header extensions, 3 words
                22 5a 3c 1e    #   id 2 abs-send-time, 3 bytes
                31 04 d2       #   id 3 transport-wide-cc, 2 bytes: 1234
                40 30          #   id 4 mid, 1 byte: "0"
                00 00 00       #   padding
                90 80 81 2c    # VP8 payload descriptor: X=1 S=1 PID=0, I=1, picture id 0x012c (M=1)
                """);
        byte[] packet = new byte[size];
        System.arraycopy(head, 0, packet, 0, head.length);
        Random random = new Random(42);
        for (int i = head.length; i < size; i++) {
            packet[i] = (byte) random.nextInt(256);
        }
        return packet;
    }

    /** A sender's compound report: SR with one report block, then SDES with its CNAME. */
    static final byte[] SR_SDES = bytes("""
            81 c8 00 0c    # SR: V=2 P=0 RC=1, PT=200, length 12 (52 bytes)
            12 34 56 78    #   sender SSRC
            e9 8f 4a 3b    #   NTP timestamp, seconds
            80 00 00 00    #   NTP timestamp, fraction (0.5 s)
            00 01 5f 90    #   RTP timestamp 90000
            00 00 01 f4    #   sender's packet count 500
            00 05 dc 00    #   sender's octet count 384000
            87 65 43 21    #   report block: SSRC of source
            0a ff ff fe    #     fraction lost 10/256, cumulative lost -2
            00 01 ff ff    #     extended highest seq
            00 00 00 20    #     jitter 32
            4a 3b 80 00    #     LSR
            00 00 80 00    #     DLSR 0.5 s
            81 ca 00 06    # SDES: V=2 P=0 SC=1, PT=202, length 6 (28 bytes)
            12 34 56 78    #   chunk SSRC
            01 10          #   CNAME, 16 bytes
            6d 65 74 72 6f 68 75 62 2d 63 6e 61 6d 65 30 31  # "metrohub-cname01"
            00 00          #   end of items, padding to 32 bits
            """);

    /** Transport-wide CC feedback for 14 packets across the sequence-number wrap, as libwebrtc pads it. */
    static final byte[] TWCC = bytes("""
            af cd 00 08    # RTPFB: V=2 P=1 FMT=15, PT=205, length 8 (36 bytes)
            12 34 56 78    # sender SSRC
            87 65 43 21    # media SSRC
            ff fe 00 0e    # base sequence number 65534, packet status count 14
            00 1f 40 07    # reference time 8000, feedback packet count 7
            20 02          # run-length chunk: small delta x2
            e1 00          # status vector, 2-bit
            ac 00          # status vector, 1-bit
            04 08 ff fc 50 ff 01 02  # deltas
            00 02          # padding: 2 bytes
            """);

    /** DTLS-SRTP exporter output for a profile's length; deterministic per seed. */
    public static byte[] material(int length, long seed) {
        byte[] m = new byte[length];
        new Random(seed).nextBytes(m);
        return m;
    }

    /**
     * Picks jitsi-srtp's AES implementation before the first SRTP context of the JVM: {@code "default"} leaves
     * jitsi to benchmark its providers and choose; otherwise the simple name of one of its factories
     * ({@code OpenSSL}, {@code SunJCE}, {@code BouncyCastle}). By reflection: only {@code transport.srtp} imports
     * jitsi (STYLE.md §2).
     */
    public static void selectAes(String factory) {
        if ("default".equals(factory)) {
            return;
        }
        try {
            Class<?> aes = Class.forName("org.jitsi.srtp.crypto.Aes");
            aes.getMethod("setFactoryClassName", String.class)
                    .invoke(null, "org.jitsi.srtp.crypto.Aes$" + factory + "CipherFactory");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot select jitsi AES factory " + factory, e);
        }
    }

    /** Annotated hex: whitespace is ignored and {@code #} starts a comment to end of line. */
    static byte[] bytes(String annotated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : annotated.split("\n")) {
            int comment = line.indexOf('#');
            String hex = (comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s", "");
            for (int i = 0; i < hex.length(); i += 2) {
                out.write(Integer.parseInt(hex.substring(i, i + 2), 16));
            }
        }
        return out.toByteArray();
    }
}

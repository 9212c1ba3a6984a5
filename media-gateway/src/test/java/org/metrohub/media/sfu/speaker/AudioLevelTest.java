package org.metrohub.media.sfu.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.testing.Hex;

class AudioLevelTest {
    /** Opus packet with the audio level in the one-byte form (RFC 8285 §4.2, RFC 6464 §3), mapped to id 1. */
    static final byte[] ONE_BYTE_FORM = Hex.bytes("""
            90 6f ff ff    # V=2 P=0 X=1 CC=0, M=0 PT=111 (Opus), sequence number 65535 (about to wrap)
            00 00 03 c0    # timestamp 960
            11 22 33 44    # SSRC
            be de 00 02    # one-byte header extensions, 2 words
            22 01 02 03    #   id 2 (abs-send-time), 3 bytes
            10 a1          #   id 1 (ssrc-audio-level), len=0 (1 byte): V=1, level 33 (-33 dBov)
            00 00          #   padding
            fc ff fe       # Opus payload
            """);

    /** The same in the two-byte form (RFC 8285 §4.3), silence without voice activity, id 5. */
    static final byte[] TWO_BYTE_FORM = Hex.bytes("""
            90 6f 00 00    # V=2 X=1, PT=111, sequence number 0
            00 00 07 80    # timestamp 1920
            11 22 33 44    # SSRC
            10 00 00 01    # two-byte header extensions (0x100, appbits 0), 1 word
            05 01          #   id 5, length 1
            7f             #   V=0, level 127 (silence)
            00             #   padding
            fc ff fe       # Opus payload
            """);

    private final RtpPacket packet = new RtpPacket();

    @Test
    void readsTheVoiceBitAndLevelOfTheOneByteForm() {
        assertThat(RtpPacket.check(ONE_BYTE_FORM, 0, ONE_BYTE_FORM.length)).isEqualTo(ParseStatus.OK);
        packet.wrap(ONE_BYTE_FORM, 0, ONE_BYTE_FORM.length);

        int raw = AudioLevel.read(packet, 1);

        assertThat(raw).isEqualTo(0xA1);
        assertThat(AudioLevel.voiceActivity(raw)).isTrue();
        assertThat(AudioLevel.level(raw)).isEqualTo(33);
    }

    @Test
    void readsTheTwoByteForm() {
        assertThat(RtpPacket.check(TWO_BYTE_FORM, 0, TWO_BYTE_FORM.length)).isEqualTo(ParseStatus.OK);
        packet.wrap(TWO_BYTE_FORM, 0, TWO_BYTE_FORM.length);

        int raw = AudioLevel.read(packet, 5);

        assertThat(AudioLevel.voiceActivity(raw)).isFalse();
        assertThat(AudioLevel.level(raw)).isEqualTo(AudioLevel.SILENCE);
    }

    @Test
    void answersNoneWithoutTheExtension() {
        packet.wrap(ONE_BYTE_FORM, 0, ONE_BYTE_FORM.length);
        assertThat(AudioLevel.read(packet, 3)).isEqualTo(AudioLevel.NONE); // another id

        byte[] plain = Hex.bytes("""
                80 6f 00 01    # V=2 X=0, PT=111, sequence number 1
                00 00 03 c0    # timestamp
                11 22 33 44    # SSRC
                fc ff fe       # Opus payload
                """);
        packet.wrap(plain, 0, plain.length);
        assertThat(AudioLevel.read(packet, 1)).isEqualTo(AudioLevel.NONE);
    }

    @Test
    void answersNoneForAnEmptyTwoByteElement() {
        byte[] empty = TWO_BYTE_FORM.clone();
        empty[17] = 0x00; // id 5, length 0: the level byte becomes padding
        packet.wrap(empty, 0, empty.length);

        assertThat(AudioLevel.read(packet, 5)).isEqualTo(AudioLevel.NONE);
    }
}

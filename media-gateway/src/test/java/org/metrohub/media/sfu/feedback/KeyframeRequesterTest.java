package org.metrohub.media.sfu.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metrohub.media.rtp.FirPacket;
import org.metrohub.media.testing.Hex;
import org.metrohub.media.rtp.ParseStatus;

class KeyframeRequesterTest {
    private static final long MS = 1_000_000L;

    private final byte[] out = new byte[32];

    @Test
    void collapsesABurstOfRequestsIntoOnePliPerInterval() {
        KeyframeRequester requester = new KeyframeRequester(0x2a, 0x5a1b2c3d, KeyframeRequester.Kind.PLI,
                KeyframeRequester.DEFAULT_MIN_INTERVAL_NANOS, 0);

        int length = requester.request(1000 * MS, out, 0);

        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("""
                81 ce 00 02    # PSFB: V=2 P=0 FMT=1 (PLI, RFC 4585 §6.3.1), PT=206, length 2 (12 bytes)
                00 00 00 2a    # sender SSRC: the SFU
                5a 1b 2c 3d    # media SSRC: the source
                """));
        for (long t = 1010; t < 1300; t += 10) { // 29 receivers ask within 300 ms
            assertThat(requester.request(t * MS, out, 0)).isZero();
        }
        assertThat(requester.request(1300 * MS, out, 0)).isEqualTo(12);
        assertThat(requester.received()).isEqualTo(31);
        assertThat(requester.forwarded()).isEqualTo(2);
        assertThat(requester.throttled()).isEqualTo(29);
    }

    @Test
    void numbersEachForwardedFirForItsTarget() {
        KeyframeRequester requester = new KeyframeRequester(0x2a, 0x5a1b2c3d, KeyframeRequester.Kind.FIR,
                300 * MS, 255);

        int length = requester.request(0, out, 0);

        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("""
                84 ce 00 04    # PSFB: V=2 P=0 FMT=4 (FIR, RFC 5104 §4.3.1), PT=206, length 4 (20 bytes)
                00 00 00 2a    # sender SSRC: the SFU
                00 00 00 00    # media SSRC: unused, zero
                5a 1b 2c 3d    # FCI: target SSRC
                ff 00 00 00    #      command sequence number 255, reserved
                """));
        requester.request(100 * MS, out, 0); // throttled: the same request, no new number
        FirPacket fir = new FirPacket();
        assertThat(fir.wrap(out, 0, requester.request(300 * MS, out, 0))).isEqualTo(ParseStatus.OK);
        assertThat(fir.sequenceNumber(0)).as("wraps after 255").isZero();
        assertThat(requester.nextFirSequenceNumber()).isEqualTo(1);
    }

    @Test
    void doesNotCountARequestItCouldNotWrite() {
        KeyframeRequester requester = new KeyframeRequester(1, 2, KeyframeRequester.Kind.PLI, 300 * MS, 0);

        assertThat(requester.request(0, new byte[8], 0)).isEqualTo(-1);
        assertThat(requester.request(1 * MS, out, 0)).as("not throttled by the failed one").isEqualTo(12);
        assertThat(requester.forwarded()).isEqualTo(1);
    }
}

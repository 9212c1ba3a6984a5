package org.metrohub.media.sfu.forward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutgoingSeqMapTest {
    private final OutgoingSeqMap map = new OutgoingSeqMap();

    @Test
    void anEmptyMapKnowsNoNumber() {
        for (int seq = 0; seq < 65_536; seq++) {
            assertThat(map.get(seq)).as("seq %d", seq).isEqualTo(-1);
        }
    }

    @Test
    void answersTheLatestNumberOfASlotOnly() {
        map.put(65_535, 0xF0000001, 12);
        map.put(65_535 + OutgoingSeqMap.CAPACITY, 0x7, 65_535); // same slot, 512 numbers later (wrapped)

        long ref = map.get((65_535 + OutgoingSeqMap.CAPACITY) & 0xFFFF);
        assertThat(StreamRewriter.incomingSsrc(ref)).isEqualTo(0x7);
        assertThat(StreamRewriter.incomingSeq(ref)).isEqualTo(65_535);
        assertThat(map.get(65_535)).isEqualTo(-1);

        map.put(3, 0xF0000001, 0);
        long negativeSsrc = map.get(3);
        assertThat(negativeSsrc).isNotEqualTo(-1);
        assertThat(StreamRewriter.incomingSsrc(negativeSsrc)).isEqualTo(0xF0000001);
        assertThat(StreamRewriter.incomingSeq(negativeSsrc)).isZero();
    }
}

package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Generic NACK (RFC 4585 §6.2.1): PID/BLP expansion into lost sequence numbers and compression from them. */
class GenericNackTest {

    @Test
    void expandsEachBitOfTheBitmaskAfterThePid() {
        GenericNack nack = new GenericNack(1, 2, java.util.List.of(new GenericNack.Item(1000, 0x8001),
                new GenericNack.Item(2000, 0)));
        assertThat(nack.lostSequenceNumbers()).containsExactly(1000, 1001, 1016, 2000);
    }

    @Test
    void compressesUpToSixteenFollowersIntoOneItem() {
        GenericNack nack = GenericNack.ofLost(1, 2, new int[] {10, 11, 12, 26, 27, 27});
        assertThat(nack.items()).containsExactly(new GenericNack.Item(10, 0x8003), new GenericNack.Item(27, 0));
        assertThat(nack.lostSequenceNumbers()).containsExactly(10, 11, 12, 26, 27);
    }

    @Test
    void compressionAndExpansionFollowTheWrap() {
        // 65535, 0 and 3 are 1, 2 and 5 after the PID: BLP bits 0, 1 and 4
        GenericNack nack = GenericNack.ofLost(1, 2, new int[] {65534, 65535, 0, 3});
        assertThat(nack.items()).containsExactly(new GenericNack.Item(65534, 0b10011));
        assertThat(nack.lostSequenceNumbers()).containsExactly(65534, 65535, 0, 3);
    }

    @Test
    void numbersBehindThePidStartANewItem() {
        GenericNack nack = GenericNack.ofLost(1, 2, new int[] {50, 40});
        assertThat(nack.items()).containsExactly(new GenericNack.Item(50, 0), new GenericNack.Item(40, 0));
    }
}

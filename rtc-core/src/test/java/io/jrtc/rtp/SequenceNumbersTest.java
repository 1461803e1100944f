package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 16-bit sequence number arithmetic and extension across wraps (RFC 3550 Appendix A.1). */
class SequenceNumbersTest {

    @Test
    void distanceAndOrderGoTheShortWayRound() {
        assertThat(SequenceNumbers.distance(65535, 0)).isEqualTo(1);
        assertThat(SequenceNumbers.distance(0, 65535)).isEqualTo(-1);
        assertThat(SequenceNumbers.distance(100, 90)).isEqualTo(-10);
        assertThat(SequenceNumbers.isNewer(2, 65000)).isTrue();
        assertThat(SequenceNumbers.isNewer(65000, 2)).isFalse();
        assertThat(SequenceNumbers.isNewer(5, 5)).isFalse();
        assertThat(SequenceNumbers.add(65535, 2)).isEqualTo(1);
        assertThat(SequenceNumbers.truncate(0x1_0005L)).isEqualTo(5);
    }

    @Test
    void extensionCountsCyclesAndKeepsLateArrivalsInTheirCycle() {
        SequenceNumberExtender extender = new SequenceNumberExtender();
        assertThat(extender.started()).isFalse();
        assertThat(extender.extend(65534)).isEqualTo(65534);
        assertThat(extender.extend(1)).isEqualTo(65537);
        assertThat(extender.cycles()).isEqualTo(1);
        assertThat(extender.extend(65535)).isEqualTo(65535);   // reordered from before the wrap
        assertThat(extender.highest()).isEqualTo(65537);
        assertThat(extender.extend(30000)).isEqualTo(95536);
        assertThat(extender.extend(65000)).isEqualTo(65000);    // more than half the space ahead: taken as late
        assertThat(extender.extend(60000)).isEqualTo(125536);   // forward by less than half the space
        assertThat(extender.extend(100)).isEqualTo(131172);
        assertThat(extender.cycles()).isEqualTo(2);
    }
}

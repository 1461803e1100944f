package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first arrival of each frame, which W3C jitterBufferDelay counts from. */
class FrameArrivalsTest {
    @Test
    void aFrameIsTimedFromItsFirstPacketEvenWhenALatePacketComesAfterTheNextFrame() {
        FrameArrivals arrivals = new FrameArrivals();
        arrivals.onPacket(100, 3000);
        arrivals.onPacket(110, 3000);
        arrivals.onPacket(140, 6000);
        arrivals.onPacket(150, 3000);  // retransmitted, after the next frame began
        assertThat(arrivals.firstArrival(3000, -1)).isEqualTo(100);
        assertThat(arrivals.firstArrival(6000, -1)).isEqualTo(140);
        assertThat(arrivals.firstArrival(9000, -1)).isEqualTo(-1);
    }

    @Test
    void onlyTheLastSixtyFourFramesAreKept() {
        FrameArrivals arrivals = new FrameArrivals();
        for (int frame = 0; frame < 65; frame++) {
            arrivals.onPacket(frame * 10L, frame * 3000);
        }
        assertThat(arrivals.firstArrival(0, -1)).isEqualTo(-1);
        assertThat(arrivals.firstArrival(3000, -1)).isEqualTo(10);
        assertThat(arrivals.firstArrival(64 * 3000, -1)).isEqualTo(640);
    }
}

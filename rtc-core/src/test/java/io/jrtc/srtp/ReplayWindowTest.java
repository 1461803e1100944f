package io.jrtc.srtp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The 128-packet sliding window of RFC 3711 §3.3.2 at its edges. */
class ReplayWindowTest {

    private static void assertRefused(ReplayWindow window, long index, SrtpException.Reason reason) {
        assertThatThrownBy(() -> window.check(index)).isInstanceOf(SrtpException.class).extracting("reason")
                .isEqualTo(reason);
    }

    @Test
    void theWindowReaches127BehindTheHighestIndex() {
        ReplayWindow window = new ReplayWindow();
        window.accept(1000);

        assertThatCode(() -> window.check(1000 - 127)).doesNotThrowAnyException();
        assertRefused(window, 1000 - 128, SrtpException.Reason.TOO_OLD);
        assertRefused(window, 1000, SrtpException.Reason.REPLAYED);
        assertThatCode(() -> window.check(1001)).doesNotThrowAnyException();
    }

    @Test
    void bitsFollowTheHighestIndexAcrossShiftsOf1_63_64_65And200() {
        for (long jump : new long[] {1, 63, 64, 65, 127, 128, 200}) {
            ReplayWindow window = new ReplayWindow();
            window.accept(10_000);
            window.accept(9_990);
            window.accept(10_000 + jump);

            if (jump + 10 < ReplayWindow.SIZE) {
                assertRefused(window, 9_990, SrtpException.Reason.REPLAYED);
                assertThatCode(() -> window.check(9_991)).doesNotThrowAnyException();
            } else {
                assertRefused(window, 9_990, SrtpException.Reason.TOO_OLD);
            }
            if (jump < ReplayWindow.SIZE) {
                assertRefused(window, 10_000, SrtpException.Reason.REPLAYED);
                if (jump > 1) {
                    assertThatCode(() -> window.check(10_001)).doesNotThrowAnyException();
                }
            } else {
                assertRefused(window, 10_000, SrtpException.Reason.TOO_OLD);
            }
            assertRefused(window, 10_000 + jump, SrtpException.Reason.REPLAYED);
        }
    }

    @Test
    void lateArrivalsInTheOlderHalfAreRecorded() throws SrtpException {
        ReplayWindow window = new ReplayWindow();
        window.accept(500);
        window.check(400);
        window.accept(400);

        assertRefused(window, 400, SrtpException.Reason.REPLAYED);
        assertThatCode(() -> window.check(401)).doesNotThrowAnyException();
    }
}

package io.jrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The packet index estimate of RFC 3711 §3.3.1 and Appendix A, from the highest index so far and a new SEQ. */
class SrtpStreamStateTest {

    @ParameterizedTest(name = "ROC {0}, s_l {1}, SEQ {2} -> ROC {3}")
    @CsvSource({
        "0, 100, 101, 0",
        "0, 100, 50, 0",
        "0, 100, 40000, 0", // ROC - 1 does not exist: a jump forward
        "1, 100, 40000, 0", // late packet from before the wrap
        "1, 100, 32868, 1", // exactly 32768 ahead stays in this ROC
        "1, 100, 32869, 0",
        "0, 65535, 0, 1",
        "0, 65000, 10, 1",
        "0, 40000, 7232, 0", // s_l - 32768 = 7232 is not greater than SEQ
        "0, 40000, 7231, 1",
        "0, 40000, 7000, 1",
        "5, 60000, 59000, 5",
    })
    void estimatesTheRolloverCounter(long roc, int highestSequence, int sequenceNumber, long expectedRoc) {
        SrtpStreamState state = new SrtpStreamState();
        state.rtp.accept(roc << 16 | highestSequence);

        assertThat(state.estimateRtpIndex(sequenceNumber)).isEqualTo(expectedRoc << 16 | sequenceNumber);
    }
}

package io.jrtc.spring.autoconfigure.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PeerConnectionLimitsTest {

    @Test
    void nullDurationsMeanNever() {
        PeerConnectionLimits limits = new PeerConnectionLimits(1, 10, null, null, null, null);

        assertThat(limits.idleTimeout()).isZero();
        assertThat(limits.sessionTimeout()).isZero();
        assertThat(limits.statsInterval()).isZero();
    }

    @Test
    void rejectsNegativeValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PeerConnectionLimits(-1, 10, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new PeerConnectionLimits(1, 0, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(
                () -> PeerConnectionLimits.defaults().withIdleTimeout(Duration.ofSeconds(-1)));
    }
}

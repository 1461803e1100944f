package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DtlsValuesTest {

    @Test
    void statesPrintAsW3cStrings() {
        assertThat(DtlsState.values()).extracting(DtlsState::toString)
            .containsExactly("new", "connecting", "connected", "closed", "failed");
    }

    @Test
    void configDefaultsAndBounds() {
        assertThat(DtlsConfig.DEFAULT.handshakeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DtlsConfig.DEFAULT.initialRetransmitTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(DtlsConfig.DEFAULT.mtu()).isEqualTo(1200);
        assertThat(DtlsConfig.DEFAULT.withMtu(500).mtu()).isEqualTo(500);
        assertThatThrownBy(() -> DtlsConfig.DEFAULT.withMtu(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtlsConfig.DEFAULT.withMtu(4000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtlsConfig.DEFAULT.withHandshakeTimeout(Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtlsConfig.DEFAULT.withInitialRetransmitTimeout(Duration.ofDays(30)))
            .isInstanceOf(IllegalArgumentException.class);
    }
}

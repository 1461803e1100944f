package io.jrtc.spring.autoconfigure.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class FailureAnalyzersTest {

    @Test
    void aPortRangeWhosePortsAreTakenIsExplainedWithTheFix() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            int port = taken.getLocalPort();

            PortRangeUnavailableException failure = catchProbe(port, port, List.of(loopback));
            FailureAnalysis analysis = new PortRangeUnavailableFailureAnalyzer()
                    .analyze(new BeanCreationException("rtcEngine", "failed", failure));

            assertThat(analysis.getDescription()).contains("rtc.port-range " + port + "-" + port)
                    .contains(loopback.getHostAddress());
            assertThat(analysis.getAction()).contains("rtc.port-range.min").contains("set both to 0");
        }
    }

    @Test
    void anInvertedRangeIsRefusedBeforeBinding() {
        PortRangeUnavailableException failure = catchProbe(50010, 50000, List.of());

        assertThat(failure.getReason()).contains("min <= max");
    }

    @Test
    void aFreeRangeAndTheEphemeralDefaultPass() throws Exception {
        int free;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            free = probe.getLocalPort();
        }
        int port = free;
        assertThatNoException().isThrownBy(() -> PortRangeProbe.check(0, 0, List.of()));
        assertThatNoException().isThrownBy(
                () -> PortRangeProbe.check(port, port, List.of(InetAddress.getLoopbackAddress())));
    }

    @Test
    void aMalformedIceServerUrlIsExplainedWithTheSyntax() {
        InvalidIceServerException failure = new InvalidIceServerException("rtc.ice-servers[0].urls[1]",
                "stun//example.org", "no scheme");

        FailureAnalysis analysis = new InvalidIceServerFailureAnalyzer()
                .analyze(new IllegalStateException("context failed", failure));

        assertThat(analysis.getDescription()).contains("'stun//example.org'").contains("rtc.ice-servers[0].urls[1]")
                .contains("no scheme");
        assertThat(analysis.getAction()).contains("stun:host[:port]").contains("turn:host[:port][?transport=udp|tcp]");
    }

    private static PortRangeUnavailableException catchProbe(int min, int max, List<InetAddress> addresses) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(PortRangeUnavailableException.class,
                () -> PortRangeProbe.check(min, max, addresses));
    }

    @Test
    void theAnalyzersAreRegisteredForSpringBoot() throws Exception {
        String factories = new String(getClass().getResourceAsStream("/META-INF/spring.factories").readAllBytes());

        assertThat(factories).contains("org.springframework.boot.diagnostics.FailureAnalyzer")
                .contains(PortRangeUnavailableFailureAnalyzer.class.getName())
                .contains(InvalidIceServerFailureAnalyzer.class.getName())
                .contains(io.jrtc.spring.autoconfigure.cluster.ClusterSecretFailureAnalyzer.class.getName());
        assertThatExceptionOfType(PortRangeUnavailableException.class)
                .isThrownBy(() -> PortRangeProbe.check(0, 70000, List.of()));
    }
}

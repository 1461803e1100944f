package io.jrtc.pc.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.datachannel.DataChannelLimits;
import io.jrtc.dtls.DtlsConfig;
import io.jrtc.ice.IceAgentConfig;
import io.jrtc.ice.IceParameters;
import io.jrtc.ice.IceRole;
import io.jrtc.pc.DtlsSettings;
import io.jrtc.pc.IceSettings;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.pc.RtpSettings;
import io.jrtc.pc.SctpSettings;
import io.jrtc.sctp.SctpConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The engine's settings reach the machines' configurations; the defaults are the machines' own. */
class ProtocolConfigsTest {
    private static final IceParameters LOCAL = new IceParameters("abcd", "0123456789012345678901");

    @Test
    void defaultSettingsGiveTheMachinesTheirDefaults() {
        RtcEngineSettings settings = RtcEngineSettings.defaults();
        IceAgentConfig ice = ProtocolConfigs.ice(settings.ice(), IceRole.CONTROLLING, LOCAL, 1, 2);
        assertThat(ice).isEqualTo(IceAgentConfig.defaults(IceRole.CONTROLLING, LOCAL, 1, 2).withLimits(32, 100));
        SctpConfig sctp = ProtocolConfigs.sctp(settings.sctp(), 3);
        assertThat(sctp).isEqualTo(SctpConfig.defaults().withMaxMessageSize(16L << 20).withRandomSeed(3));
        assertThat(ProtocolConfigs.dtls(settings.dtls())).isEqualTo(DtlsConfig.DEFAULT);
        assertThat(ProtocolConfigs.dataChannels(settings.sctp())).isEqualTo(DataChannelLimits.defaults());
    }

    @Test
    void theDestinationRangesAndIceLiteReachTheAgent() {
        IceAgentConfig ice = ProtocolConfigs.ice(IceSettings.defaults().withLite(true)
                .withAllowedPrivateDestinations(java.util.List.of("10.1.0.0/16")), IceRole.CONTROLLING, LOCAL, 1, 2);
        assertThat(ice.lite()).isTrue();
        assertThat(ice.destinations().allowedPrivate()).extracting(Object::toString).containsExactly("10.1.0.0/16");
        assertThat(ProtocolConfigs.ice(IceSettings.defaults(), IceRole.CONTROLLING, LOCAL, 1, 2).destinations())
                .isEqualTo(io.jrtc.ice.DestinationPolicy.lan());
    }

    @Test
    void everyKnobReachesItsMachine() {
        IceAgentConfig ice = ProtocolConfigs.ice(IceSettings.defaults().withCheckInterval(Duration.ofMillis(20))
                .withConsent(Duration.ofSeconds(1), Duration.ofSeconds(4))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(9)).withLimits(5, 6),
                IceRole.CONTROLLED, LOCAL, 1, 2);
        assertThat(ice.checkIntervalNanos()).isEqualTo(20_000_000L);
        assertThat(ice.consentIntervalNanos()).isEqualTo(1_000_000_000L);
        assertThat(ice.consentTimeoutNanos()).isEqualTo(4_000_000_000L);
        assertThat(ice.disconnectedTimeoutNanos()).isEqualTo(2_000_000_000L);
        assertThat(ice.failedTimeoutNanos()).isEqualTo(9_000_000_000L);
        assertThat(ice.maxRemoteCandidates()).isEqualTo(5);
        assertThat(ice.maxPairs()).isEqualTo(6);

        SctpConfig sctp = ProtocolConfigs.sctp(SctpSettings.defaults().withReceiveWindow(1 << 20)
                .withRto(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(3))
                .withMaxMessageSize(1000).withMaxStreams(16).withHeartbeatInterval(Duration.ZERO), 7);
        assertThat(sctp.receiveWindow()).isEqualTo(1 << 20);
        assertThat(sctp.rtoInitialNanos()).isEqualTo(500_000_000L);
        assertThat(sctp.rtoMinNanos()).isEqualTo(100_000_000L);
        assertThat(sctp.rtoMaxNanos()).isEqualTo(3_000_000_000L);
        assertThat(sctp.maxMessageSize()).isEqualTo(1000);
        assertThat(sctp.maxInboundStreams()).isEqualTo(16);
        assertThat(sctp.maxOutboundStreams()).isEqualTo(16);
        assertThat(sctp.heartbeatIntervalNanos()).isZero();

        DtlsConfig dtls = ProtocolConfigs.dtls(DtlsSettings.defaults().withHandshakeTimeout(Duration.ofSeconds(5))
                .withInitialRetransmitTimeout(Duration.ofMillis(300)));
        assertThat(dtls.handshakeTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(dtls.initialRetransmitTimeout()).isEqualTo(Duration.ofMillis(300));

        assertThat(ProtocolConfigs.nack(RtpSettings.defaults().withNackReorderDelay(Duration.ofMillis(3)))
                .reorderDelay()).isEqualTo(Duration.ofMillis(3));
    }

    @Test
    void invalidSettingsNameTheKnob() {
        assertThatThrownBy(() -> IceSettings.defaults().withCheckInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ice checkInterval");
        assertThatThrownBy(() -> IceSettings.defaults().withConsent(Duration.ofSeconds(40), Duration.ofSeconds(30)))
                .hasMessageContaining("ice consentInterval");
        assertThatThrownBy(() -> SctpSettings.defaults().withReceiveWindow(100))
                .hasMessageContaining("sctp receiveWindow");
        assertThatThrownBy(() -> SctpSettings.defaults().withMaxStreams(0)).hasMessageContaining("sctp maxStreams");
        assertThatThrownBy(() -> DtlsSettings.defaults().withHandshakeTimeout(Duration.ofMillis(10)))
                .hasMessageContaining("dtls initialRetransmitTimeout");
        assertThatThrownBy(() -> RtpSettings.defaults().withNackHistory(0, Duration.ofSeconds(1)))
                .hasMessageContaining("rtp nackHistoryPackets");
        assertThatThrownBy(() -> RtpSettings.defaults().withJitterBufferPackets(5, 10_000))
                .hasMessageContaining("rtp videoJitterBufferPackets");
    }
}

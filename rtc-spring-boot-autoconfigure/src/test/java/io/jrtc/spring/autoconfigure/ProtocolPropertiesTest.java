package io.jrtc.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code rtc.ice.*}, {@code rtc.sctp.*}, {@code rtc.dtls.*} and {@code rtc.rtp.*} reach the engine's settings. */
class ProtocolPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RtcAutoConfiguration.class));

    @Test
    void withoutPropertiesTheEngineHasTheCoreDefaults() {
        runner.run(context -> {
            RtcEngineSettings settings = context.getBean(RtcEngineSettings.class);
            RtcEngineSettings defaults = RtcEngineSettings.defaults();
            // The one knob whose default differs: a service facing the internet checks no private address.
            assertThat(settings.ice()).isEqualTo(defaults.ice().withAllowedPrivateDestinations(List.of()));
            assertThat(settings.sctp()).isEqualTo(defaults.sctp());
            assertThat(settings.dtls()).isEqualTo(defaults.dtls());
            assertThat(settings.rtp()).isEqualTo(defaults.rtp());
        });
    }

    @Test
    void everyProtocolKnobReachesTheEngine() {
        runner.withPropertyValues(
                "rtc.ice.check-interval=20ms", "rtc.ice.consent-interval=2s", "rtc.ice.consent-timeout=10s",
                "rtc.ice.disconnected-timeout=3s", "rtc.ice.failed-timeout=12s",
                "rtc.ice.max-remote-candidates=8", "rtc.ice.max-candidate-pairs=40",
                "rtc.ice.allowed-private-destinations=10.0.0.0/8,fc00::/7", "rtc.ice.lite=true",
                "rtc.sctp.receive-window=1MB", "rtc.sctp.rto-initial=500ms", "rtc.sctp.rto-min=100ms",
                "rtc.sctp.rto-max=5s", "rtc.sctp.max-message-size=64KB", "rtc.sctp.max-streams=1024",
                "rtc.sctp.heartbeat-interval=0s", "rtc.sctp.max-remote-channels=16",
                "rtc.sctp.max-remote-label-size=256B", "rtc.sctp.max-buffered-amount=1MB",
                "rtc.dtls.handshake-timeout=8s", "rtc.dtls.initial-retransmit-timeout=250ms",
                "rtc.rtp.nack-history-packets=512", "rtc.rtp.nack-history-age=2s",
                "rtc.rtp.nack-reorder-delay=5ms", "rtc.rtp.audio-jitter-buffer-packets=8",
                "rtc.rtp.video-jitter-buffer-packets=64", "rtc.rtp.retransmission-budget=0.5", "rtc.dtls.handshake-threads=6",
                "rtc.dtls.handshake-queue=40",
                "rtc.dtls.srtp-profiles=SRTP_AEAD_AES_128_GCM,SRTP_AES128_CM_HMAC_SHA1_80").run(context -> {
                    RtcEngineSettings settings = context.getBean(RtcEngine.class).settings();
                    assertThat(settings.ice().checkInterval()).isEqualTo(Duration.ofMillis(20));
                    assertThat(settings.ice().consentInterval()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(settings.ice().consentTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(settings.ice().disconnectedTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(settings.ice().failedTimeout()).isEqualTo(Duration.ofSeconds(12));
                    assertThat(settings.ice().maxRemoteCandidates()).isEqualTo(8);
                    assertThat(settings.ice().maxCandidatePairs()).isEqualTo(40);
                    assertThat(settings.ice().allowedPrivateDestinations()).containsExactly("10.0.0.0/8", "fc00::/7");
                    assertThat(settings.ice().lite()).isTrue();
                    assertThat(settings.sctp().receiveWindow()).isEqualTo(1L << 20);
                    assertThat(settings.sctp().rtoInitial()).isEqualTo(Duration.ofMillis(500));
                    assertThat(settings.sctp().rtoMin()).isEqualTo(Duration.ofMillis(100));
                    assertThat(settings.sctp().rtoMax()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(settings.sctp().maxMessageSize()).isEqualTo(64L << 10);
                    assertThat(settings.sctp().maxStreams()).isEqualTo(1024);
                    assertThat(settings.sctp().heartbeatInterval()).isZero();
                    assertThat(settings.sctp().maxRemoteChannels()).isEqualTo(16);
                    assertThat(settings.sctp().maxRemoteLabelBytes()).isEqualTo(256);
                    assertThat(settings.sctp().maxBufferedAmount()).isEqualTo(1L << 20);
                    assertThat(settings.dtls().handshakeTimeout()).isEqualTo(Duration.ofSeconds(8));
                    assertThat(settings.dtls().initialRetransmitTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(settings.dtls().handshakeThreads()).isEqualTo(6);
                    assertThat(settings.dtls().handshakeQueue()).isEqualTo(40);
                    assertThat(settings.dtls().srtpProfiles())
                            .containsExactly("SRTP_AEAD_AES_128_GCM", "SRTP_AES128_CM_HMAC_SHA1_80");
                    assertThat(settings.rtp().nackHistoryPackets()).isEqualTo(512);
                    assertThat(settings.rtp().nackHistoryAge()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(settings.rtp().nackReorderDelay()).isEqualTo(Duration.ofMillis(5));
                    assertThat(settings.rtp().audioJitterBufferPackets()).isEqualTo(8);
                    assertThat(settings.rtp().videoJitterBufferPackets()).isEqualTo(64);
                    assertThat(settings.rtp().retransmissionBudget()).isEqualTo(0.5);
                });
    }

    @Test
    void aRangeThatIsNoCidrFailsStartupNamingTheKnob() {
        runner.withPropertyValues("rtc.ice.allowed-private-destinations=10.0.0.0/33").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ice allowedPrivateDestinations").hasMessageContaining("10.0.0.0/33");
        });
    }

    @Test
    void anInvalidKnobFailsStartupNamingIt() {
        runner.withPropertyValues("rtc.sctp.rto-min=20s", "rtc.sctp.rto-max=5s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sctp rtoMin").hasMessageContaining("sctp rtoMax");
        });
    }
}

package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.testkit.LinkConditions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Consent freshness and the ICE timeouts of whole connections (RFC 7675 §5.1, RFC 8445 §8, W3C iceConnectionState)
 * on virtual time: a cut link is measured in virtual seconds, with no sleep and no polling of real time.
 */
class VirtualTimeIceConsentTest {

    @Test
    void aCutLinkMakesTheConnectionDisconnectedThenFailedAfterTheDefaultTimeouts() {
        try (PeerPairOnVirtualTime pair = new PeerPairOnVirtualTime(1)) {
            RTCDataChannel channel = pair.offerer.createDataChannel("consent");
            pair.connect();
            pair.runUntil(() -> channel.getReadyState() == RTCDataChannelState.OPEN, Duration.ofSeconds(10));
            // some traffic first, so that the cut falls on a connection in steady state
            pair.kit.runFor(Duration.ofSeconds(12));
            assertThat(pair.offerer.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);

            pair.setConditions(LinkConditions.cut());
            Duration disconnected = pair.runUntil(() -> pair.offerer.getIceConnectionState()
                    == RTCIceConnectionState.DISCONNECTED, Duration.ofSeconds(10));
            Duration failed = disconnected.plus(pair.runUntil(() -> pair.offerer.getIceConnectionState()
                    == RTCIceConnectionState.FAILED, Duration.ofSeconds(40)));

            // disconnected 5 s after the last packet, which came at most one consent interval (5 s) before the cut
            assertThat(disconnected).isBetween(Duration.ofMillis(1), Duration.ofMillis(5_100));
            // failed when consent expires, 30 s after the last response, which also came shortly before the cut
            assertThat(failed).isBetween(Duration.ofSeconds(24), Duration.ofMillis(30_100));
            assertThat(pair.offerer.getConnectionState()).isEqualTo(RTCPeerConnectionState.FAILED);
            pair.runUntil(() -> pair.answerer.getConnectionState() == RTCPeerConnectionState.FAILED,
                    Duration.ofSeconds(5));
        }
    }

    @Test
    void theConfiguredTimeoutsGovernAndAShortOutageHeals() {
        IceSettings ice = IceSettings.defaults().withConsent(Duration.ofMillis(500), Duration.ofSeconds(3))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3));
        try (PeerPairOnVirtualTime pair = new PeerPairOnVirtualTime(2, settings -> settings.withIce(ice))) {
            RTCDataChannel channel = pair.offerer.createDataChannel("outage");
            pair.connect();
            pair.runUntil(() -> channel.getReadyState() == RTCDataChannelState.OPEN, Duration.ofSeconds(10));
            pair.kit.runFor(Duration.ofSeconds(2));

            pair.setConditions(LinkConditions.cut());
            Duration disconnected = pair.runUntil(() -> pair.offerer.getIceConnectionState()
                    == RTCIceConnectionState.DISCONNECTED, Duration.ofSeconds(5));
            assertThat(disconnected).isBetween(Duration.ofMillis(400), Duration.ofMillis(1_100));
            pair.setConditions(LinkConditions.perfect());
            pair.runUntil(() -> pair.offerer.getIceConnectionState() == RTCIceConnectionState.CONNECTED
                    || pair.offerer.getIceConnectionState() == RTCIceConnectionState.COMPLETED,
                    Duration.ofSeconds(2));
            assertThat(pair.offerer.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
            assertThat(channel.getReadyState()).isEqualTo(RTCDataChannelState.OPEN);
            // any packet ends disconnected, but consent (RFC 7675 §5.1) counts from the last consent response:
            // cut again at once and the first outage's silence still counts, so fresh responses come first
            pair.kit.runFor(Duration.ofSeconds(2));

            pair.setConditions(LinkConditions.cut());
            Duration failed = pair.runUntil(() -> pair.offerer.getIceConnectionState()
                    == RTCIceConnectionState.FAILED, Duration.ofSeconds(10));
            assertThat(failed).isBetween(Duration.ofMillis(2_400), Duration.ofMillis(3_100));
        }
    }
}

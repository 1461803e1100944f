package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Offer/answer rules (W3C webrtc-pc §4.4.1), errors that say what and where, and DTLS authentication. */
class PeerConnectionSignalingTest {

    @Test
    void signalingStatesFollowOfferAnswerAndFireEvents() {
        try (PeerPair pair = new PeerPair()) {
            List<RTCSignalingState> seen = new CopyOnWriteArrayList<>();
            pair.offerer.onSignalingStateChange(seen::add);
            pair.offerer.createDataChannel("x");
            pair.negotiate();
            assertThat(pair.offerer.getSignalingState()).isEqualTo(RTCSignalingState.STABLE);
            assertThat(pair.answerer.getSignalingState()).isEqualTo(RTCSignalingState.STABLE);
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
            assertThat(seen).containsExactly(RTCSignalingState.HAVE_LOCAL_OFFER, RTCSignalingState.STABLE);
            assertThat(pair.offerer.getLocalDescription().sdp())
                    .contains("m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "a=setup:actpass",
                            "a=sctp-port:5000", "a=max-message-size:", "a=ice-options:trickle",
                            "a=end-of-candidates", "a=group:BUNDLE 0");
            assertThat(pair.answerer.getLocalDescription().sdp()).contains("a=setup:active");
        }
    }

    @Test
    void answerInStableStateIsAnInvalidStateError() {
        try (PeerPair pair = new PeerPair()) {
            pair.offerer.createDataChannel("x");
            RTCSessionDescription offer = await(pair.offerer.createOffer());
            RTCSessionDescription asAnswer = new RTCSessionDescription(offer.sdp(), RTCSdpType.ANSWER);
            assertThatThrownBy(() -> await(pair.answerer.setRemoteDescription(asAnswer)))
                    .isInstanceOfSatisfying(InvalidStateError.class,
                            e -> assertThat(e.getReason()).isEqualTo(RTCErrorReason.WRONG_SIGNALING_STATE));
            assertThatThrownBy(() -> await(pair.answerer.createAnswer())).isInstanceOfSatisfying(InvalidStateError.class,
                    e -> assertThat(e.getReason()).isEqualTo(RTCErrorReason.WRONG_SIGNALING_STATE));
        }
    }

    @Test
    void malformedSdpNamesTheLine() {
        try (PeerPair pair = new PeerPair()) {
            String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=application nine UDP/DTLS/SCTP x\r\n";
            assertThatThrownBy(() -> await(pair.answerer.setRemoteDescription(
                    new RTCSessionDescription(sdp, RTCSdpType.OFFER))))
                    .isInstanceOfSatisfying(SdpSyntaxError.class,
                            e -> {
                                assertThat(e.getLineNumber()).isEqualTo(5);
                                assertThat(e.getReason()).isEqualTo(RTCErrorReason.SDP_SYNTAX);
                            });
            assertThat(pair.answerer.getSignalingState()).isEqualTo(RTCSignalingState.STABLE);
        }
    }

    @Test
    void rollbackReturnsToStable() {
        try (PeerPair pair = new PeerPair()) {
            pair.offerer.createDataChannel("x");
            await(pair.offerer.setLocalDescription());
            assertThat(pair.offerer.getSignalingState()).isEqualTo(RTCSignalingState.HAVE_LOCAL_OFFER);
            await(pair.offerer.setLocalDescription(new RTCSessionDescription("", RTCSdpType.ROLLBACK)));
            assertThat(pair.offerer.getSignalingState()).isEqualTo(RTCSignalingState.STABLE);
            assertThat(pair.offerer.getLocalDescription()).isNull();
        }
    }

    @Test
    void addIceCandidateBeforeRemoteDescriptionIsAnInvalidStateError() {
        try (PeerPair pair = new PeerPair()) {
            RTCIceCandidate candidate = new RTCIceCandidate(
                    "candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host", "0", 0);
            assertThatThrownBy(() -> await(pair.offerer.addIceCandidate(candidate)))
                    .isInstanceOfSatisfying(InvalidStateError.class,
                            e -> assertThat(e.getReason()).isEqualTo(RTCErrorReason.NO_REMOTE_DESCRIPTION));
        }
    }

    @Test
    void aCandidateForAnUnknownMidIsAnOperationErrorWithItsReason() {
        try (PeerPair pair = new PeerPair()) {
            pair.offerer.createDataChannel("mids");
            pair.negotiate();
            RTCIceCandidate candidate = new RTCIceCandidate(
                    "candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host", "9", null);
            assertThatThrownBy(() -> await(pair.offerer.addIceCandidate(candidate)))
                    .isInstanceOfSatisfying(OperationError.class,
                            e -> assertThat(e.getReason()).isEqualTo(RTCErrorReason.UNKNOWN_CANDIDATE_MID));
        }
    }

    @Test
    void wrongRemoteFingerprintFailsTheConnectionAndDeliversNothing() {
        try (PeerPairOnVirtualTime pair = new PeerPairOnVirtualTime(5)) {
            RTCDataChannel channel = pair.offerer.createDataChannel("secret");
            List<RTCDataChannel> remoteChannels = new CopyOnWriteArrayList<>();
            pair.answerer.onDataChannel(remoteChannels::add);
            pair.await(pair.offerer.setLocalDescription());
            pair.await(pair.offerer.gatheringComplete());
            String offer = pair.offerer.getLocalDescription().sdp();
            String tampered = offer.replaceAll("(a=fingerprint:sha-256 )([0-9A-F]{2})",
                    "$1" + (offer.contains("fingerprint:sha-256 00") ? "11" : "00"));
            assertThat(tampered).containsOnlyOnce("a=fingerprint:");
            assertThat(tampered).isNotEqualTo(offer);
            pair.await(pair.answerer.setRemoteDescription(new RTCSessionDescription(tampered, RTCSdpType.OFFER)));
            pair.await(pair.answerer.setLocalDescription());
            pair.await(pair.answerer.gatheringComplete());
            pair.await(pair.offerer.setRemoteDescription(pair.answerer.getLocalDescription()));

            pair.runUntil(() -> pair.answerer.getConnectionState() == RTCPeerConnectionState.FAILED,
                    Duration.ofSeconds(20));
            pair.kit.runFor(Duration.ofSeconds(5));  // virtual seconds in which nothing may get through
            assertThat(channel.getReadyState()).isNotEqualTo(RTCDataChannelState.OPEN);
            assertThat(remoteChannels).isEmpty();
        }
    }
}

package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.sdp.media.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RTCRtpTransceiverDirectionTest {

    @Test
    void toStringIsTheW3cString() {
        assertThat(RTCRtpTransceiverDirection.SENDRECV).hasToString("sendrecv");
        assertThat(RTCRtpTransceiverDirection.SENDONLY).hasToString("sendonly");
        assertThat(RTCRtpTransceiverDirection.RECVONLY).hasToString("recvonly");
        assertThat(RTCRtpTransceiverDirection.INACTIVE).hasToString("inactive");
        assertThat(RTCRtpTransceiverDirection.STOPPED).hasToString("stopped");
    }

    @ParameterizedTest
    @EnumSource(RTCRtpTransceiverDirection.class)
    void w3cStringRoundTrips(RTCRtpTransceiverDirection direction) {
        assertThat(RTCRtpTransceiverDirection.of(direction.toString())).isSameAs(direction);
    }

    @Test
    void unknownOrUppercaseStringsAreRejected() {
        assertThatThrownBy(() -> RTCRtpTransceiverDirection.of("SENDRECV"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RTCRtpTransceiverDirection.of("send"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendsAndReceivesFollowTheName() {
        assertThat(RTCRtpTransceiverDirection.SENDRECV.sends()).isTrue();
        assertThat(RTCRtpTransceiverDirection.SENDRECV.receives()).isTrue();
        assertThat(RTCRtpTransceiverDirection.SENDONLY.sends()).isTrue();
        assertThat(RTCRtpTransceiverDirection.SENDONLY.receives()).isFalse();
        assertThat(RTCRtpTransceiverDirection.RECVONLY.sends()).isFalse();
        assertThat(RTCRtpTransceiverDirection.RECVONLY.receives()).isTrue();
        assertThat(RTCRtpTransceiverDirection.INACTIVE.sends()).isFalse();
        assertThat(RTCRtpTransceiverDirection.INACTIVE.receives()).isFalse();
        assertThat(RTCRtpTransceiverDirection.STOPPED.sends()).isFalse();
        assertThat(RTCRtpTransceiverDirection.STOPPED.receives()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void sdpDirectionRoundTripsWithTheSameFlow(Direction sdp) {
        RTCRtpTransceiverDirection direction = RTCRtpTransceiverDirection.fromSdp(sdp);
        assertThat(direction.toString()).isEqualTo(sdp.attributeName());
        assertThat(direction.sends()).isEqualTo(sdp.sends());
        assertThat(direction.receives()).isEqualTo(sdp.receives());
        assertThat(direction.toSdp()).isSameAs(sdp);
    }

    @Test
    void stoppedHasNoSdpDirection() {
        assertThatThrownBy(RTCRtpTransceiverDirection.STOPPED::toSdp).isInstanceOf(IllegalStateException.class);
    }
}

package io.jrtc.pc.internal.jsep;

import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The W3C pending/current bookkeeping of descriptions (webrtc-pc §4.4.1.5). */
class SessionDescriptionsTest {
    private static final RTCSessionDescription OFFER = new RTCSessionDescription("v=0 offer", RTCSdpType.OFFER);
    private static final RTCSessionDescription PRANSWER =
            new RTCSessionDescription("v=0 pranswer", RTCSdpType.PRANSWER);
    private static final RTCSessionDescription ANSWER = new RTCSessionDescription("v=0 answer", RTCSdpType.ANSWER);

    @Test
    void anOfferStaysPendingUntilTheAnswerMakesBothSidesCurrent() {
        SessionDescriptions descriptions = new SessionDescriptions();

        descriptions.setLocal(OFFER);
        assertThat(descriptions.pendingLocal()).isEqualTo(OFFER);
        assertThat(descriptions.local()).isEqualTo(OFFER);
        assertThat(descriptions.currentLocal()).isNull();

        descriptions.setRemote(PRANSWER);
        assertThat(descriptions.pendingRemote()).isEqualTo(PRANSWER);
        assertThat(descriptions.remote()).isEqualTo(PRANSWER);

        descriptions.setRemote(ANSWER);
        assertThat(descriptions.currentLocal()).isEqualTo(OFFER);
        assertThat(descriptions.currentRemote()).isEqualTo(ANSWER);
        assertThat(descriptions.pendingLocal()).isNull();
        assertThat(descriptions.pendingRemote()).isNull();
        assertThat(descriptions.local()).isEqualTo(OFFER);
        assertThat(descriptions.remote()).isEqualTo(ANSWER);
    }

    @Test
    void theAnswererSideMirrorsItAndARollbackDropsOnlyWhatIsPending() {
        SessionDescriptions descriptions = new SessionDescriptions();
        descriptions.setRemote(OFFER);
        descriptions.setLocal(ANSWER);
        assertThat(descriptions.currentRemote()).isEqualTo(OFFER);
        assertThat(descriptions.currentLocal()).isEqualTo(ANSWER);

        RTCSessionDescription renegotiation = new RTCSessionDescription("v=0 again", RTCSdpType.OFFER);
        descriptions.setRemote(renegotiation);
        assertThat(descriptions.remote()).isEqualTo(renegotiation);
        descriptions.rollback();

        assertThat(descriptions.pendingRemote()).isNull();
        assertThat(descriptions.remote()).isEqualTo(OFFER);
        assertThat(descriptions.local()).isEqualTo(ANSWER);
    }
}

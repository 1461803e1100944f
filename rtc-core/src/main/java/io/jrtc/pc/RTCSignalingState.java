package io.jrtc.pc;

/** Signalling state of a peer connection (W3C RTCSignalingState). {@code toString()} gives the W3C string. */
public enum RTCSignalingState {
    STABLE, HAVE_LOCAL_OFFER, HAVE_REMOTE_OFFER, HAVE_LOCAL_PRANSWER, HAVE_REMOTE_PRANSWER, CLOSED;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCSignalingState fromString(String value) {
        return W3cNames.parse(RTCSignalingState.class, value);
    }
}

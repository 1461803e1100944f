package io.jrtc.sdp;

/** RTCSignalingState (W3C webrtc-pc §4.3.1); {@link #toString} gives the W3C string. */
public enum SignalingState {
    STABLE("stable"),
    HAVE_LOCAL_OFFER("have-local-offer"),
    HAVE_REMOTE_OFFER("have-remote-offer"),
    HAVE_LOCAL_PRANSWER("have-local-pranswer"),
    HAVE_REMOTE_PRANSWER("have-remote-pranswer"),
    CLOSED("closed");

    private final String w3cName;

    SignalingState(String w3cName) {
        this.w3cName = w3cName;
    }

    @Override
    public String toString() {
        return w3cName;
    }
}

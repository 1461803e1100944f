package io.jrtc.sdp;

import java.util.Objects;

/**
 * The signaling state transitions of W3C webrtc-pc §4.3.1 (RFC 8829 §3.2 and §5.5-5.7). {@code nextOn*} only
 * compute the state a description would lead to, so a caller can validate before doing the work of applying it
 * and then {@link #apply} the result.
 *
 * <p>Rollback follows RFC 8829 §5.7: legal in every state except stable (and closed), through either
 * setLocalDescription or setRemoteDescription, and it always leads back to stable.
 */
public final class SignalingStateMachine {
    private SignalingState state = SignalingState.STABLE;

    public SignalingState state() {
        return state;
    }

    /** The state setLocalDescription(type) leads to; throws InvalidStateException when not allowed now. */
    public SignalingState nextOnSetLocal(SdpType type) {
        Objects.requireNonNull(type, "type");
        SignalingState next = switch (type) {
            case OFFER -> state == SignalingState.STABLE || state == SignalingState.HAVE_LOCAL_OFFER
                    ? SignalingState.HAVE_LOCAL_OFFER : null;
            case PRANSWER -> answering() ? SignalingState.HAVE_LOCAL_PRANSWER : null;
            case ANSWER -> answering() ? SignalingState.STABLE : null;
            case ROLLBACK -> rollback();
        };
        return require(next, "setLocalDescription", type);
    }

    /** The state setRemoteDescription(type) leads to; throws InvalidStateException when not allowed now. */
    public SignalingState nextOnSetRemote(SdpType type) {
        Objects.requireNonNull(type, "type");
        SignalingState next = switch (type) {
            case OFFER -> state == SignalingState.STABLE || state == SignalingState.HAVE_REMOTE_OFFER
                    ? SignalingState.HAVE_REMOTE_OFFER : null;
            case PRANSWER -> offering() ? SignalingState.HAVE_REMOTE_PRANSWER : null;
            case ANSWER -> offering() ? SignalingState.STABLE : null;
            case ROLLBACK -> rollback();
        };
        return require(next, "setRemoteDescription", type);
    }

    /** Enters a state computed by {@code nextOn*}; nothing leaves closed except closed itself. */
    public void apply(SignalingState next) {
        Objects.requireNonNull(next, "state");
        if (state == SignalingState.CLOSED && next != SignalingState.CLOSED) {
            throw new InvalidStateException("cannot enter " + next + ": the signaling state is closed");
        }
        state = next;
    }

    /** RTCPeerConnection.close(): final. */
    public void close() {
        state = SignalingState.CLOSED;
    }

    /** We received an offer and may answer it (finally or provisionally). */
    private boolean answering() {
        return state == SignalingState.HAVE_REMOTE_OFFER || state == SignalingState.HAVE_LOCAL_PRANSWER;
    }

    /** We sent an offer and may receive the answer (finally or provisionally). */
    private boolean offering() {
        return state == SignalingState.HAVE_LOCAL_OFFER || state == SignalingState.HAVE_REMOTE_PRANSWER;
    }

    private SignalingState rollback() {
        return state == SignalingState.STABLE || state == SignalingState.CLOSED ? null : SignalingState.STABLE;
    }

    private SignalingState require(SignalingState next, String operation, SdpType type) {
        if (next == null) {
            throw new InvalidStateException(operation + "(" + type + ") is not allowed in signaling state " + state);
        }
        return next;
    }
}

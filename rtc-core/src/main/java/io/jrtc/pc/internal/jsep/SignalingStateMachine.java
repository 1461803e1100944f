package io.jrtc.pc.internal.jsep;

import io.jrtc.pc.InvalidStateError;
import io.jrtc.pc.RTCErrorReason;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSignalingState;
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
    private RTCSignalingState state = RTCSignalingState.STABLE;

    public RTCSignalingState state() {
        return state;
    }

    /** The state setLocalDescription(type) leads to; throws InvalidStateError when not allowed now. */
    public RTCSignalingState nextOnSetLocal(RTCSdpType type) {
        Objects.requireNonNull(type, "type");
        RTCSignalingState next = switch (type) {
            case OFFER -> state == RTCSignalingState.STABLE || state == RTCSignalingState.HAVE_LOCAL_OFFER
                    ? RTCSignalingState.HAVE_LOCAL_OFFER : null;
            case PRANSWER -> answering() ? RTCSignalingState.HAVE_LOCAL_PRANSWER : null;
            case ANSWER -> answering() ? RTCSignalingState.STABLE : null;
            case ROLLBACK -> rollback();
        };
        return require(next, "setLocalDescription", type);
    }

    /** The state setRemoteDescription(type) leads to; throws InvalidStateError when not allowed now. */
    public RTCSignalingState nextOnSetRemote(RTCSdpType type) {
        Objects.requireNonNull(type, "type");
        RTCSignalingState next = switch (type) {
            case OFFER -> state == RTCSignalingState.STABLE || state == RTCSignalingState.HAVE_REMOTE_OFFER
                    ? RTCSignalingState.HAVE_REMOTE_OFFER : null;
            case PRANSWER -> offering() ? RTCSignalingState.HAVE_REMOTE_PRANSWER : null;
            case ANSWER -> offering() ? RTCSignalingState.STABLE : null;
            case ROLLBACK -> rollback();
        };
        return require(next, "setRemoteDescription", type);
    }

    /** Enters a state computed by {@code nextOn*}; nothing leaves closed except closed itself. */
    public void apply(RTCSignalingState next) {
        Objects.requireNonNull(next, "state");
        if (state == RTCSignalingState.CLOSED && next != RTCSignalingState.CLOSED) {
            throw new InvalidStateError(RTCErrorReason.CLOSED,
                    "cannot enter " + next + ": the signaling state is closed");
        }
        state = next;
    }

    /** RTCPeerConnection.close(): final. */
    public void close() {
        state = RTCSignalingState.CLOSED;
    }

    /** We received an offer and may answer it (finally or provisionally). */
    private boolean answering() {
        return state == RTCSignalingState.HAVE_REMOTE_OFFER || state == RTCSignalingState.HAVE_LOCAL_PRANSWER;
    }

    /** We sent an offer and may receive the answer (finally or provisionally). */
    private boolean offering() {
        return state == RTCSignalingState.HAVE_LOCAL_OFFER || state == RTCSignalingState.HAVE_REMOTE_PRANSWER;
    }

    private RTCSignalingState rollback() {
        return state == RTCSignalingState.STABLE || state == RTCSignalingState.CLOSED ? null : RTCSignalingState.STABLE;
    }

    private RTCSignalingState require(RTCSignalingState next, String operation, RTCSdpType type) {
        if (next == null) {
            throw new InvalidStateError(RTCErrorReason.WRONG_SIGNALING_STATE,
                    operation + "(" + type + ") is not allowed in signaling state " + state);
        }
        return next;
    }
}

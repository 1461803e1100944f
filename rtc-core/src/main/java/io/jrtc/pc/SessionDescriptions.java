package io.jrtc.pc;

/**
 * The four descriptions of a peer connection and their W3C bookkeeping (webrtc-pc §4.4.1.5, "set the
 * description"): an offer or pranswer is pending until the answer makes both sides current, and a rollback drops
 * what is pending. Written on the connection's loop, read from any thread.
 */
final class SessionDescriptions {
    private volatile RTCSessionDescription currentLocal;
    private volatile RTCSessionDescription pendingLocal;
    private volatile RTCSessionDescription currentRemote;
    private volatile RTCSessionDescription pendingRemote;

    void setLocal(RTCSessionDescription description) {
        if (description.type() == RTCSdpType.ANSWER) {
            currentLocal = description;
            currentRemote = pendingRemote;
            pendingLocal = null;
            pendingRemote = null;
        } else {
            pendingLocal = description;
        }
    }

    void setRemote(RTCSessionDescription description) {
        if (description.type() == RTCSdpType.ANSWER) {
            currentRemote = description;
            currentLocal = pendingLocal;
            pendingLocal = null;
            pendingRemote = null;
        } else {
            pendingRemote = description;
        }
    }

    void rollback() {
        pendingLocal = null;
        pendingRemote = null;
    }

    /** The pending local description, else the current one (W3C localDescription). */
    RTCSessionDescription local() {
        RTCSessionDescription pending = pendingLocal;
        return pending != null ? pending : currentLocal;
    }

    /** The pending remote description, else the current one (W3C remoteDescription). */
    RTCSessionDescription remote() {
        RTCSessionDescription pending = pendingRemote;
        return pending != null ? pending : currentRemote;
    }

    RTCSessionDescription currentLocal() {
        return currentLocal;
    }

    RTCSessionDescription pendingLocal() {
        return pendingLocal;
    }

    RTCSessionDescription currentRemote() {
        return currentRemote;
    }

    RTCSessionDescription pendingRemote() {
        return pendingRemote;
    }
}

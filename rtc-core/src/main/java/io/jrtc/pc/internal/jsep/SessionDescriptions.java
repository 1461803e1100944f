package io.jrtc.pc.internal.jsep;

import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
/**
 * The four descriptions of a peer connection and their W3C bookkeeping (webrtc-pc §4.4.1.5, "set the
 * description"): an offer or pranswer is pending until the answer makes both sides current, and a rollback drops
 * what is pending. Written on the connection's loop, read from any thread.
 */
public final class SessionDescriptions {
    private volatile RTCSessionDescription currentLocal;
    private volatile RTCSessionDescription pendingLocal;
    private volatile RTCSessionDescription currentRemote;
    private volatile RTCSessionDescription pendingRemote;

    public void setLocal(RTCSessionDescription description) {
        if (description.type() == RTCSdpType.ANSWER) {
            currentLocal = description;
            currentRemote = pendingRemote;
            pendingLocal = null;
            pendingRemote = null;
        } else {
            pendingLocal = description;
        }
    }

    public void setRemote(RTCSessionDescription description) {
        if (description.type() == RTCSdpType.ANSWER) {
            currentRemote = description;
            currentLocal = pendingLocal;
            pendingLocal = null;
            pendingRemote = null;
        } else {
            pendingRemote = description;
        }
    }

    public void rollback() {
        pendingLocal = null;
        pendingRemote = null;
    }

    /** The pending local description, else the current one (W3C localDescription). */
    public RTCSessionDescription local() {
        RTCSessionDescription pending = pendingLocal;
        return pending != null ? pending : currentLocal;
    }

    /** The pending remote description, else the current one (W3C remoteDescription). */
    public RTCSessionDescription remote() {
        RTCSessionDescription pending = pendingRemote;
        return pending != null ? pending : currentRemote;
    }

    public RTCSessionDescription currentLocal() {
        return currentLocal;
    }

    public RTCSessionDescription pendingLocal() {
        return pendingLocal;
    }

    public RTCSessionDescription currentRemote() {
        return currentRemote;
    }

    public RTCSessionDescription pendingRemote() {
        return pendingRemote;
    }
}

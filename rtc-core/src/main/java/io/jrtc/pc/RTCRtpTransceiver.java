package io.jrtc.pc;

import io.jrtc.pc.internal.media.RtpTransceiver;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A permanent pairing of an {@link RTCRtpSender} and an {@link RTCRtpReceiver} on one m-line (the reference's and
 * W3C's RTCRtpTransceiver). {@code direction} is what we want and goes into the next offer or answer;
 * {@code currentDirection} is what the last completed negotiation gave, null before one.
 */
public final class RTCRtpTransceiver {
    private final RtpTransceiver core;
    private final RTCRtpSender sender;
    private final RTCRtpReceiver receiver;

    /** The API side of a connection's transceiver, with its sender's and receiver's. */
    RTCRtpTransceiver(RtpTransceiver core) {
        this.core = core;
        this.sender = new RTCRtpSender(core.sender());
        this.receiver = new RTCRtpReceiver(core.receiver());
    }

    /** "audio" or "video". */
    public String getKind() {
        return core.kind().toString();
    }

    /** The m-line's mid; null until an offer or answer associates the transceiver with one. */
    public String getMid() {
        return core.mid();
    }

    public RTCRtpSender getSender() {
        return sender;
    }

    public RTCRtpReceiver getReceiver() {
        return receiver;
    }

    public RTCRtpTransceiverDirection getDirection() {
        return core.direction();
    }

    /** The direction the next offer or answer asks for; a stopped transceiver keeps {@code stopped}. */
    public void setDirection(RTCRtpTransceiverDirection direction) {
        core.setDirection(direction);
    }

    public RTCRtpTransceiverDirection getCurrentDirection() {
        return core.currentDirection();
    }

    /**
     * The codecs to offer or accept, in decreasing preference, from {@link RTCRtpSender#getCapabilities}; an empty
     * list restores the defaults.
     *
     * @throws InvalidModificationError when a codec is not one this stack supports
     */
    public void setCodecPreferences(List<RTCRtpCodecCapability> codecs) {
        core.setCodecPreferences(codecs);
    }

    /**
     * Stops sending and receiving for good (W3C "stopping"): the direction becomes {@code stopped} at once, the
     * current direction once a negotiation rejects the m-line, which the next offer or answer does.
     */
    public CompletableFuture<Void> stop() {
        return core.stop();
    }

    public boolean isStopped() {
        return core.isStopped();
    }

    @Override
    public String toString() {
        return "RTCRtpTransceiver{" + getKind() + ", mid " + getMid() + ", " + getDirection() + "}";
    }
}

package io.jrtc.pc.internal.media;

import io.jrtc.media.MediaKind;
import io.jrtc.pc.InvalidModificationError;
import io.jrtc.pc.InvalidStateError;
import io.jrtc.pc.RTCRtpCodecCapability;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.TypeError;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.sdp.media.ExtMap;
import io.jrtc.sdp.media.RtpCodec;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A permanent pairing of an {@link RtpSender} and an {@link RtpReceiver} on one m-line (behind the API's
 * RTCRtpTransceiver). {@code direction} is what we want and goes into the next offer or answer;
 * {@code currentDirection} is what the last completed negotiation gave, null before one.
 */
public final class RtpTransceiver {
    private final ConnectionContext context;
    private final MediaKind kind;
    private final RtpSender sender;
    private final RtpReceiver receiver;
    private volatile RTCRtpTransceiverDirection direction;
    private volatile RTCRtpTransceiverDirection currentDirection;
    private volatile String mid;
    private volatile List<RtpCodec> codecPreferences = List.of();
    // On the loop: what the last negotiation settled.
    private List<RtpCodec> negotiatedCodecs = List.of();
    private List<ExtMap> negotiatedExtensions = List.of();
    private boolean remoteSends;
    private volatile boolean createdByAddTrack;
    private volatile boolean usedToSend;
    /** Told when setDirection or stop changes what the next negotiation must say. */
    private volatile Runnable negotiationChange = () -> { };
    private volatile boolean stopped;

    RtpTransceiver(ConnectionContext context, MediaKind kind, RtpSender sender, RtpReceiver receiver,
            RTCRtpTransceiverDirection direction) {
        this.context = context;
        this.kind = kind;
        this.sender = sender;
        this.receiver = receiver;
        this.direction = direction;
    }

    public MediaKind kind() {
        return kind;
    }

    /** The m-line's mid; null until an offer or answer associates the transceiver with one. */
    public String mid() {
        return mid;
    }

    public RtpSender sender() {
        return sender;
    }

    public RtpReceiver receiver() {
        return receiver;
    }

    public RTCRtpTransceiverDirection direction() {
        return direction;
    }

    /** The direction the next offer or answer asks for; a stopped transceiver keeps {@code stopped}. */
    public void setDirection(RTCRtpTransceiverDirection direction) {
        if (direction == null || direction == RTCRtpTransceiverDirection.STOPPED) {
            throw new TypeError("direction must be sendrecv, sendonly, recvonly or inactive");
        }
        if (stopped) {
            throw new InvalidStateError("the transceiver is stopped");
        }
        RTCRtpTransceiverDirection before = this.direction;
        this.direction = direction;
        if (before != direction) {
            negotiationChange.run();
        }
    }

    public RTCRtpTransceiverDirection currentDirection() {
        return currentDirection;
    }

    /**
     * The codecs to offer or accept, in decreasing preference, from {@link SupportedCodecs#capabilities}; an empty
     * list restores the defaults.
     *
     * @throws InvalidModificationError when a codec is not one this stack supports
     */
    public void setCodecPreferences(List<RTCRtpCodecCapability> codecs) {
        try {
            codecPreferences = codecs == null || codecs.isEmpty() ? List.of()
                    : SupportedCodecs.preferred(kind.toString(), codecs);
        } catch (IllegalArgumentException unsupported) {
            throw new InvalidModificationError(unsupported.getMessage());
        }
    }

    /**
     * Stops sending and receiving for good (W3C "stopping"): the direction becomes {@code stopped} at once, the
     * current direction once a negotiation rejects the m-line, which the next offer or answer does.
     */
    public CompletableFuture<Void> stop() {
        return context.onLoop(() -> {
            boolean wasStopped = stopped;
            stopSending();
            if (!wasStopped) {
                negotiationChange.run();
            }
            return null;
        });
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Stopped for good: its m-line is rejected, or the connection closed (W3C "stop the RTCRtpTransceiver"). */
    void stopOnLoop() {
        stopSending();
        currentDirection = RTCRtpTransceiverDirection.STOPPED;
    }

    private void stopSending() {
        if (stopped) {
            return;
        }
        stopped = true;
        direction = RTCRtpTransceiverDirection.STOPPED;
        sender.stopOnLoop();
        receiver.stopOnLoop();
    }

    /**
     * Whether a negotiation ever let this transceiver send (W3C addTrack: its current direction was once sendrecv
     * or sendonly); addTrack does not reuse such a transceiver.
     */
    boolean usedToSend() {
        return usedToSend;
    }

    void onNegotiationChange(Runnable listener) {
        negotiationChange = listener;
    }

    void markCreatedByAddTrack() {
        createdByAddTrack = true;
    }

    /** Whether addTrack made this transceiver (JSEP §5.10: a remote offer may associate it; not others). */
    boolean createdByAddTrack() {
        return createdByAddTrack;
    }

    void setMid(String mid) {
        this.mid = mid;
    }

    /** The codecs this side offers or answers with: the preferences when set, else every supported one. */
    List<RtpCodec> localCodecs() {
        List<RtpCodec> preferences = codecPreferences;
        return preferences.isEmpty() ? SupportedCodecs.codecs(kind.toString()) : preferences;
    }

    /** Whether setCodecPreferences chose the codecs and their order (JSEP: answers follow that order too). */
    boolean hasCodecPreferences() {
        return !codecPreferences.isEmpty();
    }

    List<RtpCodec> negotiatedCodecs() {
        return negotiatedCodecs;
    }

    List<ExtMap> negotiatedExtensions() {
        return negotiatedExtensions;
    }

    /**
     * Applies a completed negotiation: the sender takes the answer's codecs and extensions, the receiver accepts
     * {@code receivable} (what our offer or answer listed), and our side's direction says who sends.
     */
    void applyNegotiation(List<RtpCodec> codecs, List<RtpCodec> receivable, List<ExtMap> extensions,
            RTCRtpTransceiverDirection ours) {
        if (stopped) {
            return;
        }
        negotiatedCodecs = List.copyOf(codecs);
        negotiatedExtensions = List.copyOf(extensions);
        currentDirection = ours;
        usedToSend |= ours.sends();
        sender.configure(mid, codecs, extensions, ours.sends());
        receiver.configure(receivable, extensions, mid, ours.receives());
    }

    /**
     * Notes whether the remote sends on this m-line; true when it starts to (W3C webrtc-pc §4.4.1.6 "process
     * remote tracks": the track event fires each time the remote direction turns to sending).
     */
    boolean noteRemoteSends(boolean sends) {
        boolean started = sends && !remoteSends && !stopped;
        remoteSends = sends;
        return started;
    }

    @Override
    public String toString() {
        return "RtpTransceiver{" + kind + ", mid " + mid + ", " + direction + "}";
    }
}

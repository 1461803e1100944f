package io.jrtc.pc;

import io.jrtc.pc.internal.media.RemoteTrack;
import io.jrtc.pc.internal.media.RtpTransceiver;
import io.jrtc.pc.internal.media.Transceivers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * One {@link RTCRtpTransceiver} (with its sender and receiver) per internal transceiver of a connection, so that
 * getTransceivers, getSenders, getReceivers, addTrack and track events hand out the same objects each time.
 * Any thread: the API reads it from the caller's thread, track events from the loop.
 */
final class TransceiverFacades {
    private final Map<RtpTransceiver, RTCRtpTransceiver> byCore = new HashMap<>();

    synchronized RTCRtpTransceiver of(RtpTransceiver core) {
        return byCore.computeIfAbsent(core, RTCRtpTransceiver::new);
    }

    /**
     * The facades of {@code transceivers}; those it no longer has are forgotten. The list is read under the lock:
     * a transceiver joins it before anyone asks for its facade, so none is forgotten early.
     */
    synchronized List<RTCRtpTransceiver> all(Transceivers transceivers) {
        List<RtpTransceiver> current = List.copyOf(transceivers.all());
        byCore.keySet().retainAll(new HashSet<>(current));
        return current.stream().map(this::of).toList();
    }

    /** The W3C track event for a remote track, with the facades of its transceiver and receiver. */
    RTCTrackEvent trackEvent(RemoteTrack track) {
        RTCRtpTransceiver transceiver = of(track.transceiver());
        return new RTCTrackEvent(transceiver.getReceiver(), transceiver.getReceiver().getTrack(), track.streamIds(),
                transceiver);
    }
}

package io.jrtc.pc;

import io.jrtc.media.MediaStreamTrack;
import java.util.List;

/**
 * A remote track is coming (W3C RTCTrackEvent): fired once per transceiver, when a remote description first says
 * the remote sends on it. {@code streamIds} are the remote's MediaStream ids from {@code a=msid}.
 */
public record RTCTrackEvent(RTCRtpReceiver receiver, MediaStreamTrack track, List<String> streamIds,
                            RTCRtpTransceiver transceiver) {
    public RTCTrackEvent {
        streamIds = List.copyOf(streamIds);
    }
}

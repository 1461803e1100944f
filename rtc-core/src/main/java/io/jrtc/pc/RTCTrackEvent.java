package io.jrtc.pc;

import io.jrtc.media.MediaStreamTrack;
import java.util.List;

/**
 * A remote track is coming (W3C RTCTrackEvent): fired when a remote description says the remote sends on a
 * transceiver that it did not send on before. {@code streamIds} are the remote's MediaStream ids from
 * {@code a=msid}.
 */
public record RTCTrackEvent(RTCRtpReceiver receiver, MediaStreamTrack track, List<String> streamIds,
                            RTCRtpTransceiver transceiver) {
    public RTCTrackEvent {
        streamIds = List.copyOf(streamIds);
    }
}

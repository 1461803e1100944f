package io.jrtc.pc.internal.media;

import java.util.List;

/**
 * The remote starts to send on a transceiver (W3C webrtc-pc §4.4.1.6 "process remote tracks"): what the API's
 * track event carries, before the connection puts its RTCRtpTransceiver and RTCRtpReceiver around it.
 * {@code streamIds} are the remote's MediaStream ids from {@code a=msid}.
 */
public record RemoteTrack(RtpTransceiver transceiver, List<String> streamIds) {
    public RemoteTrack {
        streamIds = List.copyOf(streamIds);
    }
}

package io.jrtc.pc.internal.media;

import io.jrtc.media.ColorSpace;
import io.jrtc.rtp.ColorSpaceExtension;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpParseException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The colour space a received video stream's sender states (libwebrtc's colour-space extension), as libwebrtc's
 * receiver keeps it: read from a frame's last packet (the marker packet; on others it is ignored), a keyframe sets
 * it (a keyframe without it clears it) and the frames after it keep it. A malformed element is dropped and said
 * at debug level; the frame still goes on. One per payload format of a receiver, on the connection's loop.
 */
final class ReceivedColorSpaces {
    private static final System.Logger LOG = System.getLogger(ReceivedColorSpaces.class.getName());
    /** Frames whose last packet came but that the assembler has not given out yet: a jitter buffer's worth. */
    private static final int MAX_PENDING = 64;

    private final int extensionId;
    private final Map<Integer, ColorSpace> pendingByTimestamp = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ColorSpace> eldest) {
            return size() > MAX_PENDING;
        }
    };
    private ColorSpace current;

    /** @param extensionId the negotiated id, or {@link NegotiatedParameters#NO_EXTENSION} */
    ReceivedColorSpaces(int extensionId) {
        this.extensionId = extensionId;
    }

    /** Reads the element of a frame's last packet. */
    void onPacket(RtpHeader packet) {
        if (extensionId == NegotiatedParameters.NO_EXTENSION || !packet.marker()) {
            return;
        }
        try {
            ColorSpace stated = ColorSpaceExtension.read(packet, extensionId);
            if (stated != null) {
                pendingByTimestamp.put(packet.timestamp(), stated);
            }
        } catch (RtpParseException malformed) {
            LOG.log(Level.DEBUG, () -> "ignoring a malformed colour space element: " + malformed.getMessage());
        }
    }

    /** The colour space of the frame of this RTP timestamp, now given out; null: none stated. */
    ColorSpace ofFrame(int rtpTimestamp, boolean keyframe) {
        ColorSpace stated = pendingByTimestamp.remove(rtpTimestamp);
        if (keyframe || stated != null) {
            current = stated;
        }
        return current;
    }
}

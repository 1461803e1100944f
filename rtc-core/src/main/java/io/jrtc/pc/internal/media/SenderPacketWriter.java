package io.jrtc.pc.internal.media;

import io.jrtc.codec.RtpPayload;
import io.jrtc.media.ColorSpace;
import io.jrtc.rtp.AudioLevelExtension;
import io.jrtc.rtp.ColorSpaceExtension;
import io.jrtc.rtp.RtpHeaderWriter;
import io.jrtc.rtp.SdesMidExtension;
import io.jrtc.rtp.TransportSequenceNumberExtension;
import io.jrtc.rtp.cc.Pacer;
import io.jrtc.sdp.media.ExtMap;
import java.security.SecureRandom;
import java.util.List;

/**
 * Writes the RTP packets of one {@link RtpSender} (RFC 3550 §5.1): its SSRC, one sequence number series across
 * codecs, a random timestamp offset, and the negotiated header extensions (MID, audio level, transport-wide
 * sequence number, colour space). Padding probes go on the RTX stream. On the connection's loop.
 */
final class SenderPacketWriter {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_PACKET = 1500;
    /** Audio louder than -50 dBov counts as voice activity (the V flag of RFC 6464 §3). */
    private static final int VOICE_BELOW_DBOV = 50;

    private final int ssrc;
    private final RtpHeaderWriter header = new RtpHeaderWriter();
    private final RtpHeaderWriter paddingHeader = new RtpHeaderWriter();
    private final byte[] packet = new byte[MAX_PACKET];
    private int sequenceNumber = RANDOM.nextInt(1 << 16);
    private final int timestampOffset = RANDOM.nextInt();
    private int lastTimestamp;
    private int midExtensionId = NegotiatedParameters.NO_EXTENSION;
    private int dependencyDescriptorExtensionId = NegotiatedParameters.NO_EXTENSION;
    private int audioLevelExtensionId = NegotiatedParameters.NO_EXTENSION;
    private int colorSpaceExtensionId = NegotiatedParameters.NO_EXTENSION;
    /** Transport-wide sequence numbers (the session writes the number into the element this writer reserves). */
    private int transportCcExtensionId = NegotiatedParameters.NO_EXTENSION;

    SenderPacketWriter(int ssrc) {
        this.ssrc = ssrc;
    }

    /** Takes the header extension ids of a negotiation. */
    void configure(List<ExtMap> extensions) {
        midExtensionId = NegotiatedParameters.extensionId(extensions, SdesMidExtension.URI);
        dependencyDescriptorExtensionId = NegotiatedParameters.extensionId(extensions,
                SupportedCodecs.DEPENDENCY_DESCRIPTOR_URI);
        audioLevelExtensionId = NegotiatedParameters.extensionId(extensions, AudioLevelExtension.URI);
        colorSpaceExtensionId = NegotiatedParameters.extensionId(extensions, ColorSpaceExtension.URI);
        transportCcExtensionId = NegotiatedParameters.extensionId(extensions, TransportSequenceNumberExtension.URI);
    }

    /** The RTP timestamp of a frame packetized at {@code mediaTimestamp}, offset at random (RFC 3550 §5.1). */
    int timestamp(long mediaTimestamp) {
        return (int) (timestampOffset + mediaTimestamp);
    }

    /**
     * Writes the next packet of a frame into {@link #packet()} and returns its length; {@code audioLevel} is the
     * frame's level in -dBov or {@link FramePacketizer#NO_LEVEL}, {@code colorSpace} the frame's colours to state
     * on its last packet (as the extension's definition wants) or null, {@code mid} null when it is not signalled.
     */
    int write(int payloadType, int timestamp, RtpPayload payload, int audioLevel, ColorSpace colorSpace, String mid) {
        header.reset().payloadType(payloadType).sequenceNumber(sequenceNumber).timestamp(timestamp).ssrc(ssrc)
                .marker(payload.marker());
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        if (midExtensionId != NegotiatedParameters.NO_EXTENSION && mid != null) {
            SdesMidExtension.write(header, midExtensionId, mid);
        }
        if (audioLevelExtensionId != NegotiatedParameters.NO_EXTENSION && audioLevel != FramePacketizer.NO_LEVEL) {
            AudioLevelExtension.write(header, audioLevelExtensionId, audioLevel < VOICE_BELOW_DBOV, audioLevel);
        }
        if (colorSpaceExtensionId != NegotiatedParameters.NO_EXTENSION && colorSpace != null && payload.marker()) {
            ColorSpaceExtension.write(header, colorSpaceExtensionId, colorSpace);
        }
        if (transportCcExtensionId != NegotiatedParameters.NO_EXTENSION) {
            TransportSequenceNumberExtension.write(header, transportCcExtensionId, 0);
        }
        return header.write(packet, 0, payload.data(), 0, payload.data().length, 0);
    }

    /** A frame went out at this RTP timestamp: padding probes carry it. */
    void onFrameSent(int timestamp) {
        lastTimestamp = timestamp;
    }

    /** The packet {@link #write} wrote last. */
    byte[] packet() {
        return packet;
    }

    /**
     * Writes a padding-only packet of up to {@code size} padding bytes on the RTX stream into {@code dst}, with the
     * last media timestamp; 0 when it cannot: no RTX, or no transport-wide sequence numbers to measure it by.
     */
    int writePadding(byte[] dst, int size, Retransmissions retransmissions, int mediaPayloadType, int rtxSsrc,
                     String mid) {
        if (transportCcExtensionId == NegotiatedParameters.NO_EXTENSION) {
            return 0;
        }
        paddingHeader.reset().timestamp(lastTimestamp);
        if (!retransmissions.padOnRtx(paddingHeader, mediaPayloadType, rtxSsrc)) {
            return 0;
        }
        if (midExtensionId != NegotiatedParameters.NO_EXTENSION && mid != null) {
            SdesMidExtension.write(paddingHeader, midExtensionId, mid);
        }
        TransportSequenceNumberExtension.write(paddingHeader, transportCcExtensionId, 0);
        return paddingHeader.write(dst, 0, dst, 0, 0, Math.max(1, Math.min(Pacer.MAX_PADDING, size)));
    }

    int midExtensionId() {
        return midExtensionId;
    }

    int dependencyDescriptorExtensionId() {
        return dependencyDescriptorExtensionId;
    }

    int transportCcExtensionId() {
        return transportCcExtensionId;
    }
}

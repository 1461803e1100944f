package io.jrtc.codec;

/**
 * Sends Opus packets as RTP payloads per RFC 7587 §4.2: one Opus packet per payload, never split or aggregated.
 * The marker bit follows RFC 3551 §4.1 for audio with silence suppression: it is set only on the first packet with
 * audio after one or more DTX packets (at most {@link OpusPayloadFormat#MAX_DTX_PACKET_LENGTH} bytes), i.e. on the
 * first packet of a talkspurt; a stream that never goes silent never sets it, as §4.1 requires of senders without
 * silence suppression. One instance per stream.
 */
public final class OpusPacketizer {
    private boolean inTalkspurt = true;

    /** Wraps one Opus packet (copied) with its marker bit. */
    public RtpPayload packetize(byte[] opusPacket, int off, int len) {
        if (opusPacket == null || off < 0 || len < 0 || len > opusPacket.length - off) {
            throw new IllegalArgumentException("Opus packet slice outside the buffer");
        }
        byte[] data = new byte[len];
        System.arraycopy(opusPacket, off, data, 0, len);
        boolean silent = len <= OpusPayloadFormat.MAX_DTX_PACKET_LENGTH;
        boolean marker = !silent && !inTalkspurt;
        inTalkspurt = !silent;
        return new RtpPayload(data, marker);
    }
}

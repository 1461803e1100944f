package io.jrtc.codec;

/**
 * The Opus RTP payload format (RFC 7587): exactly one Opus packet (RFC 6716 §3) per RTP payload (§4.2), RTP
 * clock at 48 kHz whatever the audio bandwidth (§4.1). Each payload is a whole frame, so the depacketizer marks
 * every packet as both start and end of its frame; the marker bit means the start of a talkspurt, not a frame end.
 * Packets are not flagged as keyframes, so a late packet is waited for rather than skipped by the next one: give
 * the {@link FrameAssembler} a small {@code maxWaitPackets} for audio.
 */
public final class OpusPayloadFormat extends OnePacketPerFrame {
    /** The RTP timestamp rate of Opus, fixed by RFC 7587 §4.1. */
    public static final int CLOCK_RATE = 48_000;
    /** Opus packets of at most this many bytes carry no audio: DTX / comfort noise, as libwebrtc classifies them. */
    public static final int MAX_DTX_PACKET_LENGTH = 2;

    public OpusPayloadFormat() {
        super("Opus");
    }

    /**
     * The number of 48 kHz samples an Opus packet holds, read from its TOC byte (RFC 6716 §3.1) and frame count
     * (§3.2): the amount the RTP timestamp advances for it (RFC 7587 §4.1).
     */
    public static int samplesAt48kHz(byte[] packet, int off, int len) throws CodecParseException {
        CodecParseException.require(len >= 1 && off >= 0 && len <= packet.length - off, "empty Opus packet");
        int toc = packet[off] & 0xFF;
        int config = toc >>> 3;
        int frameSamples;
        if (config < 12) {
            frameSamples = new int[] {480, 960, 1920, 2880}[config & 3];
        } else if (config < 16) {
            frameSamples = (config & 1) == 0 ? 480 : 960;
        } else {
            frameSamples = 120 << (config & 3);
        }
        int frames = switch (toc & 3) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> {
                CodecParseException.require(len >= 2, "code 3 Opus packet without a frame count byte");
                yield packet[off + 1] & 0x3F;
            }
        };
        CodecParseException.require(frames >= 1, "Opus packet with no frames");
        int samples = frames * frameSamples;
        CodecParseException.require(samples <= 5760, "Opus packet longer than 120 ms");
        return samples;
    }
}

package io.jrtc.codec;

import java.util.List;

/**
 * Packetizes H.264 access units in packetization-mode 1 (RFC 6184 §6.3, non-interleaved): a NAL unit that fits
 * goes alone (single NAL unit packet, §5.6), consecutive small ones are aggregated into a STAP-A (§5.7.1) while
 * they fit together, and a NAL unit larger than {@code maxPayloadSize} is cut into FU-A fragments (§5.8) of
 * nearly equal size. In packetization-mode 0 (§6.2) every NAL unit goes alone, however large: that mode has
 * neither aggregation nor fragmentation, so its senders cut their pictures into slices that fit. The last payload
 * of an access unit has the marker bit (§5.1).
 */
public final class H264Packetizer {
    private static final int FU_A_HEADERS = 2;

    private final int maxPayloadSize;
    private final boolean singleNalUnitMode;

    /** @param maxPayloadSize the largest RTP payload to produce (e.g. 1200 minus headers); at least 3 */
    public H264Packetizer(int maxPayloadSize) {
        this(maxPayloadSize, 1);
    }

    /**
     * @param maxPayloadSize     the largest RTP payload to produce (e.g. 1200 minus headers); at least 3
     * @param packetizationMode  0 (single NAL unit mode) or 1 (non-interleaved mode)
     */
    public H264Packetizer(int maxPayloadSize, int packetizationMode) {
        if (maxPayloadSize < FU_A_HEADERS + 1) {
            throw new IllegalArgumentException("maxPayloadSize too small for an FU-A: " + maxPayloadSize);
        }
        if (packetizationMode != 0 && packetizationMode != 1) {
            throw new IllegalArgumentException("packetization-mode must be 0 or 1: " + packetizationMode);
        }
        this.maxPayloadSize = maxPayloadSize;
        this.singleNalUnitMode = packetizationMode == 0;
    }

    /** Packetizes one access unit given as an Annex B byte stream. */
    public List<RtpPayload> packetizeAnnexB(byte[] accessUnit, int off, int len) {
        return packetize(H264NalUnits.splitAnnexB(accessUnit, off, len));
    }

    /** Packetizes one access unit given as its NAL units, each starting with its NAL header. */
    public List<RtpPayload> packetize(List<byte[]> nalUnits) {
        return NalUnitPayloads.packetize(H264NalUnits.RTP, nalUnits, maxPayloadSize, singleNalUnitMode);
    }
}

package io.jrtc.codec;

import java.util.ArrayList;
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
    private static final int STAP_A_HEADER = 1;
    private static final int STAP_A_LENGTH_FIELD = 2;
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
        if (nalUnits.isEmpty()) {
            throw new IllegalArgumentException("an access unit needs at least one NAL unit");
        }
        List<byte[]> payloads = new ArrayList<>();
        int i = 0;
        while (i < nalUnits.size()) {
            byte[] nal = nalUnits.get(i);
            if (nal == null || nal.length == 0) {
                throw new IllegalArgumentException("empty NAL unit");
            }
            if (singleNalUnitMode) {
                payloads.add(nal.clone());
                i++;
                continue;
            }
            if (nal.length > maxPayloadSize) {
                fragment(nal, payloads);
                i++;
                continue;
            }
            int count = aggregatable(nalUnits, i);
            payloads.add(count >= 2 ? aggregate(nalUnits, i, count) : nal.clone());
            i += Math.max(count, 1);
        }
        List<RtpPayload> out = new ArrayList<>(payloads.size());
        for (int p = 0; p < payloads.size(); p++) {
            out.add(new RtpPayload(payloads.get(p), p == payloads.size() - 1));
        }
        return out;
    }

    /** How many NAL units from {@code from} fit one STAP-A together. */
    private int aggregatable(List<byte[]> nalUnits, int from) {
        int size = STAP_A_HEADER;
        int count = 0;
        for (int i = from; i < nalUnits.size(); i++) {
            byte[] nal = nalUnits.get(i);
            if (nal == null || nal.length == 0 || size + STAP_A_LENGTH_FIELD + nal.length > maxPayloadSize) {
                break;
            }
            size += STAP_A_LENGTH_FIELD + nal.length;
            count++;
        }
        return count;
    }

    /** RFC 6184 §5.7.1: F is the OR and NRI the maximum of the aggregated NAL units' (§5.3). */
    private static byte[] aggregate(List<byte[]> nalUnits, int from, int count) {
        int size = STAP_A_HEADER;
        int forbidden = 0;
        int nri = 0;
        for (int i = from; i < from + count; i++) {
            byte[] nal = nalUnits.get(i);
            size += STAP_A_LENGTH_FIELD + nal.length;
            forbidden |= nal[0] & 0x80;
            nri = Math.max(nri, nal[0] & 0x60);
        }
        byte[] stap = new byte[size];
        stap[0] = (byte) (forbidden | nri | H264NalUnits.TYPE_STAP_A);
        int at = STAP_A_HEADER;
        for (int i = from; i < from + count; i++) {
            byte[] nal = nalUnits.get(i);
            stap[at] = (byte) (nal.length >>> 8);
            stap[at + 1] = (byte) nal.length;
            System.arraycopy(nal, 0, stap, at + STAP_A_LENGTH_FIELD, nal.length);
            at += STAP_A_LENGTH_FIELD + nal.length;
        }
        return stap;
    }

    /** RFC 6184 §5.8: the NAL header becomes the FU indicator (F, NRI) and FU header (S, E, R, Type). */
    private void fragment(byte[] nal, List<byte[]> into) {
        int body = nal.length - 1;
        int room = maxPayloadSize - FU_A_HEADERS;
        int count = (body + room - 1) / room;
        int base = body / count;
        int larger = body % count;
        byte indicator = (byte) ((nal[0] & 0xE0) | H264NalUnits.TYPE_FU_A);
        int at = 1;
        for (int i = 0; i < count; i++) {
            int size = base + (i < larger ? 1 : 0);
            byte[] fu = new byte[FU_A_HEADERS + size];
            fu[0] = indicator;
            fu[1] = (byte) ((i == 0 ? 0x80 : 0) | (i == count - 1 ? 0x40 : 0) | H264NalUnits.type(nal[0]));
            System.arraycopy(nal, at, fu, FU_A_HEADERS, size);
            at += size;
            into.add(fu);
        }
    }
}

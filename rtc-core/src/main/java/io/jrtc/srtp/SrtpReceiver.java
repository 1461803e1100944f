package io.jrtc.srtp;

import io.jrtc.dtls.SrtpKeyingMaterial;
import java.util.Objects;

/**
 * Unprotects the SRTP and SRTCP packets this endpoint receives under one master key (RFC 3711 §3.3 and §3.4), for any
 * number of SSRCs. Thread-confined; the package allocates nothing per accepted packet, only JCE does internally
 * (the HMAC result, the AES-GCM parameters and its buffered decryption).
 *
 * <p>Packets are unprotected in place in {@code packet[offset, offset + length)}; the methods return the length of the
 * plain RTP or RTCP packet that now starts at {@code offset}. Per SSRC the receiver estimates each SRTP packet's index
 * from its sequence number and the highest index so far (RFC 3711 §3.3.1, Appendix A), checks it against a replay
 * window of {@value ReplayWindow#SIZE} packets (§3.3.2), checks the tag, and only then moves the window and the ROC,
 * so a forged or replayed packet changes nothing. SRTCP gets its own window over the SRTCP index. State for a new
 * SSRC is created only by a packet that authenticates. A refused packet throws {@link SrtpException} and may leave
 * the buffer partly decrypted; random bytes never throw anything else.
 */
public final class SrtpReceiver {
    /**
     * SSRCs with state at most: far more than a connection's streams (their media, RTX and RTCP-only SSRCs), few
     * enough that a peer sending random SSRCs inside valid SRTP cannot grow our memory without bound.
     */
    public static final int MAX_STREAMS = 1024;
    private final SrtpProfile profile;
    private final SrtpTransform transform;
    private final SsrcTable<SrtpStreamState> streams = new SsrcTable<>();

    /**
     * @param masterKey the master key, {@link SrtpProfile#keyLength()} bytes
     * @param masterSalt the master salt, {@link SrtpProfile#saltLength()} bytes
     */
    public SrtpReceiver(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        this(profile, SrtpTransform.fromMasterKey(Objects.requireNonNull(profile, "profile"),
                Objects.requireNonNull(masterKey, "masterKey"), Objects.requireNonNull(masterSalt, "masterSalt")));
    }

    SrtpReceiver(SrtpProfile profile, SrtpTransform transform) {
        this.profile = profile;
        this.transform = transform;
    }

    /** A receiver with the profile and the remote (receiving) master key and salt a DTLS-SRTP handshake exported. */
    public static SrtpReceiver forKeyingMaterial(SrtpKeyingMaterial keyingMaterial) {
        return new SrtpReceiver(SrtpProfile.fromId(keyingMaterial.protectionProfile()), keyingMaterial.remoteKey(),
                keyingMaterial.remoteSalt());
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** {@link #unprotectRtp(byte[], int, int)} for a packet at offset 0. */
    public int unprotectRtp(byte[] packet, int length) throws SrtpException {
        return unprotectRtp(packet, 0, length);
    }

    /**
     * Authenticates and decrypts an SRTP packet.
     *
     * @return the RTP packet length
     * @throws SrtpException MALFORMED, REPLAYED, TOO_OLD or AUTH_FAILED
     * @throws IndexOutOfBoundsException when offset and length do not lie within the array
     */
    public int unprotectRtp(byte[] packet, int offset, int length) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, packet.length);
        int headerLength = SrtpPacketFields.rtpHeaderLength(packet, offset, length - profile.rtpTagLength());
        int ssrc = SrtpPacketFields.rtpSsrc(packet, offset);
        int sequenceNumber = SrtpPacketFields.rtpSequenceNumber(packet, offset);
        SrtpStreamState stream = streams.get(ssrc);
        checkRoomFor(stream, ssrc);
        long index = stream == null ? sequenceNumber : stream.estimateRtpIndex(sequenceNumber);
        if (stream != null) {
            stream.rtp.check(index);
        }
        int plainLength = transform.unprotectRtp(packet, offset, length, headerLength, ssrc, index);
        if (stream == null) {
            stream = streams.getOrCreate(ssrc, ignored -> new SrtpStreamState());
        }
        stream.rtp.accept(index);
        return plainLength;
    }

    /** {@link #unprotectRtcp(byte[], int, int)} for a packet at offset 0. */
    public int unprotectRtcp(byte[] packet, int length) throws SrtpException {
        return unprotectRtcp(packet, 0, length);
    }

    /**
     * Authenticates and, when its E flag is set, decrypts an SRTCP packet.
     *
     * @return the RTCP packet length
     * @throws SrtpException MALFORMED, REPLAYED, TOO_OLD or AUTH_FAILED
     * @throws IndexOutOfBoundsException when offset and length do not lie within the array
     */
    public int unprotectRtcp(byte[] packet, int offset, int length) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, packet.length);
        if (length < SrtpPacketFields.RTCP_CLEAR_PREFIX + profile.rtcpOverhead()) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, "SRTCP packet of " + length + " bytes");
        }
        SrtpPacketFields.checkRtcpHeader(packet, offset, length);
        int trailer = SrtpPacketFields.readU32(packet, offset + transform.srtcpTrailerPosition(length));
        int index = SrtcpTrailer.index(trailer);
        int ssrc = SrtpPacketFields.rtcpSenderSsrc(packet, offset);
        SrtpStreamState stream = streams.get(ssrc);
        checkRoomFor(stream, ssrc);
        if (stream != null) {
            stream.rtcp.check(index);
        }
        int plainLength = transform.unprotectRtcp(packet, offset, length, ssrc, trailer);
        if (stream == null) {
            stream = streams.getOrCreate(ssrc, ignored -> new SrtpStreamState());
        }
        stream.rtcp.accept(index);
        return plainLength;
    }

    private void checkRoomFor(SrtpStreamState stream, int ssrc) throws SrtpException {
        if (stream == null && streams.size() >= MAX_STREAMS) {
            throw new SrtpException(SrtpException.Reason.TOO_MANY_STREAMS, "SSRC " + Integer.toUnsignedString(ssrc)
                    + " after " + MAX_STREAMS + " others");
        }
    }

    /** How many SSRCs have state, for tests and diagnostics. */
    int streamCount() {
        return streams.size();
    }
}

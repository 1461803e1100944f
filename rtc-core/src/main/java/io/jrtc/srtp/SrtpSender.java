package io.jrtc.srtp;

import io.jrtc.dtls.SrtpKeyingMaterial;
import java.util.Objects;

/**
 * Protects the RTP and RTCP packets this endpoint sends under one master key (RFC 3711 §3.3 and §3.4), for any number
 * of SSRCs. Thread-confined; the package allocates nothing per packet, only JCE does internally (the HMAC result,
 * the AES-GCM parameters).
 *
 * <p>Packets are protected in place: the packet occupies {@code packet[offset, offset + length)}, the array must have
 * {@link SrtpProfile#rtpOverhead()} (or {@link SrtpProfile#rtcpOverhead()}) spare bytes after it, and the methods
 * return the protected length. Per SSRC the sender tracks the rollover counter from the sequence numbers it is given,
 * in the order given (RFC 3711 §3.3.1), and numbers SRTCP packets from 0 (§3.4). It refuses to protect an SRTP index
 * twice, which would reuse keystream or an AES-GCM nonce; a retransmission needs a new sequence number (as RTX has).
 */
public final class SrtpSender {
    private final SrtpProfile profile;
    private final SrtpTransform transform;
    private final SsrcTable<SrtpStreamState> streams = new SsrcTable<>();

    /**
     * @param masterKey the master key, {@link SrtpProfile#keyLength()} bytes
     * @param masterSalt the master salt, {@link SrtpProfile#saltLength()} bytes
     */
    public SrtpSender(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        this(profile, SrtpTransform.fromMasterKey(Objects.requireNonNull(profile, "profile"),
                Objects.requireNonNull(masterKey, "masterKey"), Objects.requireNonNull(masterSalt, "masterSalt")));
    }

    SrtpSender(SrtpProfile profile, SrtpTransform transform) {
        this.profile = profile;
        this.transform = transform;
    }

    /** A sender with the profile and the local (sending) master key and salt a DTLS-SRTP handshake exported. */
    public static SrtpSender forKeyingMaterial(SrtpKeyingMaterial keyingMaterial) {
        return new SrtpSender(SrtpProfile.fromId(keyingMaterial.protectionProfile()), keyingMaterial.localKey(),
                keyingMaterial.localSalt());
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** {@link #protectRtp(byte[], int, int)} for a packet at offset 0. */
    public int protectRtp(byte[] packet, int length) throws SrtpException {
        return protectRtp(packet, 0, length);
    }

    /**
     * Encrypts the payload and appends the authentication tag.
     *
     * @return the SRTP packet length, {@code length + profile().rtpOverhead()}
     * @throws SrtpException MALFORMED when the RTP header does not parse, REPLAYED or TOO_OLD when this SSRC's
     *     sequence number was already protected or lies behind the replay window, INDEX_EXHAUSTED after 2^48 packets
     * @throws IllegalArgumentException when the array lacks room for the tag
     */
    public int protectRtp(byte[] packet, int offset, int length) throws SrtpException {
        checkRoom(packet, offset, length, profile.rtpOverhead());
        int headerLength = SrtpPacketFields.rtpHeaderLength(packet, offset, length);
        int ssrc = SrtpPacketFields.rtpSsrc(packet, offset);
        SrtpStreamState stream = streams.getOrCreate(ssrc, ignored -> new SrtpStreamState());
        long index = stream.estimateRtpIndex(SrtpPacketFields.rtpSequenceNumber(packet, offset));
        if (index > SrtpStreamState.MAX_RTP_INDEX) {
            throw new SrtpException(SrtpException.Reason.INDEX_EXHAUSTED, "SRTP index past 2^48, rekey");
        }
        stream.rtp.check(index);
        int protectedLength = transform.protectRtp(packet, offset, length, headerLength, ssrc, index);
        stream.rtp.accept(index);
        return protectedLength;
    }

    /** {@link #protectRtcp(byte[], int, int)} for a packet at offset 0. */
    public int protectRtcp(byte[] packet, int length) throws SrtpException {
        return protectRtcp(packet, 0, length);
    }

    /**
     * Encrypts the compound RTCP packet after its first 8 bytes, appends the E flag and SRTCP index, and the tag.
     *
     * @return the SRTCP packet length, {@code length + profile().rtcpOverhead()}
     * @throws SrtpException MALFORMED when shorter than 8 bytes or not version 2, INDEX_EXHAUSTED after 2^31 packets
     * @throws IllegalArgumentException when the array lacks room for the trailer and tag
     */
    public int protectRtcp(byte[] packet, int offset, int length) throws SrtpException {
        return protectRtcp(packet, offset, length, true);
    }

    /** As the public overload; {@code encrypt} false sends the E flag clear, which RFC 3711 §3.4 allows. */
    int protectRtcp(byte[] packet, int offset, int length, boolean encrypt) throws SrtpException {
        checkRoom(packet, offset, length, profile.rtcpOverhead());
        SrtpPacketFields.checkRtcpHeader(packet, offset, length);
        int ssrc = SrtpPacketFields.rtcpSenderSsrc(packet, offset);
        SrtpStreamState stream = streams.getOrCreate(ssrc, ignored -> new SrtpStreamState());
        int index = stream.nextSrtcpIndex;
        if (index < 0) {
            throw new SrtpException(SrtpException.Reason.INDEX_EXHAUSTED, "SRTCP index past 2^31, rekey");
        }
        int protectedLength = transform.protectRtcp(packet, offset, length, ssrc, index, encrypt);
        stream.nextSrtcpIndex = index + 1;
        return protectedLength;
    }

    /** Sets the next SRTCP index of an SSRC, for known-answer tests against stacks that start at 1. */
    void setNextSrtcpIndex(int ssrc, int index) {
        streams.getOrCreate(ssrc, ignored -> new SrtpStreamState()).nextSrtcpIndex = index;
    }

    private static void checkRoom(byte[] packet, int offset, int length, int overhead) {
        Objects.checkFromIndexSize(offset, length, packet.length);
        if (packet.length - offset - length < overhead) {
            throw new IllegalArgumentException("SRTP needs " + overhead + " spare bytes after the packet, the array "
                    + "has " + (packet.length - offset - length));
        }
    }
}

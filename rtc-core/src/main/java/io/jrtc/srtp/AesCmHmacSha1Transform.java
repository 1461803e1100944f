package io.jrtc.srtp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default SRTP transform: AES-128 counter mode encryption (RFC 3711 §4.1.1) and HMAC-SHA1 authentication
 * truncated to the profile's tag length (§4.2.1). The authenticated portion is the whole RTP packet followed by the
 * 32-bit ROC (§4.2), or the whole RTCP packet with its E flag and index word (§3.4). SRTCP tags are always 80 bits.
 */
final class AesCmHmacSha1Transform implements SrtpTransform {
    private static final int SHA1_LENGTH = 20;

    private final KeySet rtp;
    private final KeySet rtcp;
    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final byte[] iv = new byte[AesCounterMode.BLOCK];
    private final byte[] computedTag = new byte[SHA1_LENGTH];

    /** The keys and primitives of SRTP or of SRTCP. */
    private static final class KeySet {
        final AesCounterMode counterMode;
        final byte[] salt;
        final Mac hmac;

        KeySet(SrtpSessionKeys keys) {
            counterMode = new AesCounterMode(keys.encryptionKey());
            salt = keys.salt().clone();
            try {
                hmac = Mac.getInstance("HmacSHA1");
                hmac.init(new SecretKeySpec(keys.authKey(), "HmacSHA1"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("JCE lacks HmacSHA1", e);
            }
        }
    }

    AesCmHmacSha1Transform(SrtpProfile profile, SrtpSessionKeys rtpKeys, SrtpSessionKeys rtcpKeys) {
        this.rtp = new KeySet(rtpKeys);
        this.rtcp = new KeySet(rtcpKeys);
        this.rtpTagLength = profile.rtpTagLength();
        this.rtcpTagLength = profile.rtcpTagLength();
    }

    @Override
    public int srtcpTrailerPosition(int length) {
        return length - rtcpTagLength - SrtcpTrailer.LENGTH;
    }

    @Override
    public int protectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index) {
        crypt(rtp, packet, offset + headerLength, length - headerLength, ssrc, index);
        computeTag(rtp.hmac, packet, offset, length, rollover(index));
        System.arraycopy(computedTag, 0, packet, offset + length, rtpTagLength);
        return length + rtpTagLength;
    }

    @Override
    public int unprotectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index)
            throws SrtpException {
        int authenticated = length - rtpTagLength;
        computeTag(rtp.hmac, packet, offset, authenticated, rollover(index));
        checkTag(packet, offset + authenticated, rtpTagLength);
        crypt(rtp, packet, offset + headerLength, authenticated - headerLength, ssrc, index);
        return authenticated;
    }

    @Override
    public int protectRtcp(byte[] packet, int offset, int length, int ssrc, int srtcpIndex, boolean encrypt) {
        if (encrypt) {
            crypt(rtcp, packet, offset + SrtpPacketFields.RTCP_CLEAR_PREFIX,
                    length - SrtpPacketFields.RTCP_CLEAR_PREFIX, ssrc, srtcpIndex);
        }
        SrtpPacketFields.writeU32(packet, offset + length, SrtcpTrailer.of(encrypt, srtcpIndex));
        int authenticated = length + SrtcpTrailer.LENGTH;
        computeTag(rtcp.hmac, packet, offset, authenticated, -1);
        System.arraycopy(computedTag, 0, packet, offset + authenticated, rtcpTagLength);
        return authenticated + rtcpTagLength;
    }

    @Override
    public int unprotectRtcp(byte[] packet, int offset, int length, int ssrc, int trailer) throws SrtpException {
        int authenticated = length - rtcpTagLength;
        computeTag(rtcp.hmac, packet, offset, authenticated, -1);
        checkTag(packet, offset + authenticated, rtcpTagLength);
        int rtcpLength = authenticated - SrtcpTrailer.LENGTH;
        if (SrtcpTrailer.isEncrypted(trailer)) {
            crypt(rtcp, packet, offset + SrtpPacketFields.RTCP_CLEAR_PREFIX,
                    rtcpLength - SrtpPacketFields.RTCP_CLEAR_PREFIX, ssrc, SrtcpTrailer.index(trailer));
        }
        return rtcpLength;
    }

    /** IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), RFC 3711 §4.1.1; i is the SRTP or SRTCP index. */
    private void crypt(KeySet keys, byte[] packet, int from, int length, int ssrc, long index) {
        Arrays.fill(iv, (byte) 0);
        System.arraycopy(keys.salt, 0, iv, 0, keys.salt.length);
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        keys.counterMode.xorKeystream(iv, packet, from, length);
    }

    private static long rollover(long index) {
        return index >>> 16;
    }

    /** HMAC-SHA1 over the bytes, then the 32-bit ROC when {@code roc >= 0} (RFC 3711 §4.2). */
    private void computeTag(Mac hmac, byte[] packet, int offset, int length, long roc) {
        hmac.update(packet, offset, length);
        if (roc >= 0) {
            hmac.update((byte) (roc >>> 24));
            hmac.update((byte) (roc >>> 16));
            hmac.update((byte) (roc >>> 8));
            hmac.update((byte) roc);
        }
        try {
            hmac.doFinal(computedTag, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("HMAC-SHA1 output buffer", e);
        }
    }

    /** Compares in constant time, so the time taken does not tell an attacker how much of a forged tag was right. */
    private void checkTag(byte[] packet, int at, int tagLength) throws SrtpException {
        int difference = 0;
        for (int i = 0; i < tagLength; i++) {
            difference |= computedTag[i] ^ packet[at + i];
        }
        if (difference != 0) {
            throw new SrtpException(SrtpException.Reason.AUTH_FAILED, "HMAC-SHA1 tag mismatch");
        }
    }
}

package io.jrtc.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD AES-GCM for SRTP and SRTCP (RFC 7714) with 16-byte tags. The 12-byte IV is the session salt XOR
 * (0x0000 || SSRC || ROC || SEQ) for SRTP (§8.1) and XOR (0x0000 || SSRC || 0x0000 || 0 || SRTCP index) for SRTCP
 * (§9.1); both put the index in the low 48 bits. The associated data is the RTP header with CSRCs and extension
 * (§8.2), or the first 8 RTCP bytes followed by the E flag and index word (§9.2); unencrypted SRTCP authenticates the
 * whole packet as associated data (§9.3). The cipher is re-initialised per packet, as JCE requires for a new IV.
 */
final class AesGcmTransform implements SrtpTransform {
    static final int TAG_LENGTH = 16;
    private static final int IV_LENGTH = 12;

    private final Cipher gcm;
    private final SecretKey rtpKey;
    private final byte[] rtpSalt;
    private final SecretKey rtcpKey;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[IV_LENGTH];
    private final byte[] trailerBytes = new byte[SrtcpTrailer.LENGTH];

    AesGcmTransform(SrtpSessionKeys rtpKeys, SrtpSessionKeys rtcpKeys) {
        try {
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCE lacks AES/GCM/NoPadding", e);
        }
        rtpKey = new SecretKeySpec(rtpKeys.encryptionKey(), "AES");
        rtpSalt = rtpKeys.salt().clone();
        rtcpKey = new SecretKeySpec(rtcpKeys.encryptionKey(), "AES");
        rtcpSalt = rtcpKeys.salt().clone();
    }

    @Override
    public int srtcpTrailerPosition(int length) {
        return length - SrtcpTrailer.LENGTH;
    }

    @Override
    public int protectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index) {
        init(Cipher.ENCRYPT_MODE, rtpKey, rtpSalt, ssrc, index);
        gcm.updateAAD(packet, offset, headerLength);
        return headerLength + seal(packet, offset + headerLength, length - headerLength);
    }

    @Override
    public int unprotectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index)
            throws SrtpException {
        init(Cipher.DECRYPT_MODE, rtpKey, rtpSalt, ssrc, index);
        gcm.updateAAD(packet, offset, headerLength);
        return headerLength + open(packet, offset + headerLength, length - headerLength);
    }

    @Override
    public int protectRtcp(byte[] packet, int offset, int length, int ssrc, int srtcpIndex, boolean encrypt) {
        int trailer = SrtcpTrailer.of(encrypt, srtcpIndex);
        SrtpPacketFields.writeU32(trailerBytes, 0, trailer);
        init(Cipher.ENCRYPT_MODE, rtcpKey, rtcpSalt, ssrc, srtcpIndex);
        int prefix = encrypt ? SrtpPacketFields.RTCP_CLEAR_PREFIX : length;
        gcm.updateAAD(packet, offset, prefix);
        gcm.updateAAD(trailerBytes);
        int sealedLength = prefix + seal(packet, offset + prefix, length - prefix);
        SrtpPacketFields.writeU32(packet, offset + sealedLength, trailer);
        return sealedLength + SrtcpTrailer.LENGTH;
    }

    @Override
    public int unprotectRtcp(byte[] packet, int offset, int length, int ssrc, int trailer) throws SrtpException {
        int sealedLength = length - SrtcpTrailer.LENGTH;
        SrtpPacketFields.writeU32(trailerBytes, 0, trailer);
        init(Cipher.DECRYPT_MODE, rtcpKey, rtcpSalt, ssrc, SrtcpTrailer.index(trailer));
        int prefix = SrtcpTrailer.isEncrypted(trailer) ? SrtpPacketFields.RTCP_CLEAR_PREFIX
                : sealedLength - TAG_LENGTH;
        gcm.updateAAD(packet, offset, prefix);
        gcm.updateAAD(trailerBytes);
        return prefix + open(packet, offset + prefix, sealedLength - prefix);
    }

    private void init(int mode, SecretKey key, byte[] salt, int ssrc, long index) {
        iv[0] = salt[0];
        iv[1] = salt[1];
        for (int i = 0; i < 4; i++) {
            iv[2 + i] = (byte) (salt[2 + i] ^ ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[6 + i] = (byte) (salt[6 + i] ^ index >>> (40 - 8 * i));
        }
        try {
            gcm.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
        } catch (GeneralSecurityException e) {
            // The JDK refuses an encryption IV equal to the previous one; the senders' replay windows rule that out.
            throw new IllegalStateException("AES-GCM refused its key or IV", e);
        }
    }

    private int seal(byte[] packet, int from, int plaintextLength) {
        try {
            return gcm.doFinal(packet, from, plaintextLength, packet, from);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private int open(byte[] packet, int from, int sealedLength) throws SrtpException {
        try {
            return gcm.doFinal(packet, from, sealedLength, packet, from);
        } catch (AEADBadTagException e) {
            throw new SrtpException(SrtpException.Reason.AUTH_FAILED, "AES-GCM tag mismatch");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}

package io.jrtc.srtp;

import java.util.Objects;

/**
 * The SRTP key derivation of RFC 3711 §4.3 with a key derivation rate of 0, using the AES-CM PRF (§4.3.3): the PRF
 * input is the master salt XOR (label || 48-bit zero index) times 2^16, encrypted in counter mode under the master
 * key. AES-256 master keys use AES-256 in the same construction (RFC 6188 §7). The 96-bit GCM master salt is first
 * multiplied by 2^16 to the 112 bits the PRF expects (RFC 7714 §11 as corrected by erratum 4938).
 */
final class SrtpKeyDerivation {
    static final int LABEL_RTP_ENCRYPTION = 0x00;
    static final int LABEL_RTP_AUTHENTICATION = 0x01;
    static final int LABEL_RTP_SALT = 0x02;
    static final int LABEL_RTCP_ENCRYPTION = 0x03;
    static final int LABEL_RTCP_AUTHENTICATION = 0x04;
    static final int LABEL_RTCP_SALT = 0x05;

    private static final int MAX_SALT = 14;
    private static final int LABEL_OCTET = 7;

    private final AesCounterMode prf;
    private final byte[] masterSalt;

    SrtpKeyDerivation(byte[] masterKey, byte[] masterSalt) {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(masterSalt, "masterSalt");
        if (masterKey.length != 16 && masterKey.length != 32) {
            throw new IllegalArgumentException("SRTP master key of " + masterKey.length + " bytes, expected 16 or 32");
        }
        if (masterSalt.length > MAX_SALT) {
            throw new IllegalArgumentException("SRTP master salt of " + masterSalt.length + " bytes, at most 14");
        }
        this.prf = new AesCounterMode(masterKey);
        this.masterSalt = masterSalt.clone();
    }

    /** {@code length} bytes of PRF output for one label (RFC 3711 §4.3.1). */
    byte[] derive(int label, int length) {
        byte[] iv = new byte[AesCounterMode.BLOCK];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[LABEL_OCTET] ^= (byte) label;
        byte[] out = new byte[length];
        prf.xorKeystream(iv, out, 0, length);
        return out;
    }

    /** The SRTP session keys of a profile (labels 0x00, 0x01, 0x02). */
    SrtpSessionKeys rtpKeys(SrtpProfile profile) {
        return new SrtpSessionKeys(derive(LABEL_RTP_ENCRYPTION, profile.keyLength()),
                derive(LABEL_RTP_SALT, profile.saltLength()),
                derive(LABEL_RTP_AUTHENTICATION, profile.authKeyLength()));
    }

    /** The SRTCP session keys of a profile (labels 0x03, 0x04, 0x05). */
    SrtpSessionKeys rtcpKeys(SrtpProfile profile) {
        return new SrtpSessionKeys(derive(LABEL_RTCP_ENCRYPTION, profile.keyLength()),
                derive(LABEL_RTCP_SALT, profile.saltLength()),
                derive(LABEL_RTCP_AUTHENTICATION, profile.authKeyLength()));
    }
}

package io.jrtc.srtp;

/**
 * The SRTP protection profiles this package implements, with the lengths their transforms use: RFC 5764 §4.1.2 for
 * the AES-CM/HMAC-SHA1 pair, RFC 7714 §14.2 for AEAD AES-GCM. The ids are the DTLS-SRTP profile ids of
 * {@link io.jrtc.dtls.SrtpProtectionProfile}. Session keys and salts have the master key and salt lengths here.
 */
public enum SrtpProfile {
    /** SRTP_AES128_CM_HMAC_SHA1_80: AES-128-CM, HMAC-SHA1 tags of 80 bits on SRTP and SRTCP. */
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 20, 10, 10),
    /** SRTP_AES128_CM_HMAC_SHA1_32: as _80 but 32-bit SRTP tags; SRTCP keeps 80 bits (RFC 5764 §4.1.2). */
    AES128_CM_HMAC_SHA1_32(0x0002, 16, 14, 20, 4, 10),
    /** SRTP_AEAD_AES_128_GCM (RFC 7714): 128-bit key, 96-bit salt, 16-byte tag. */
    AEAD_AES_128_GCM(0x0007, 16, 12, 0, 16, 16),
    /** SRTP_AEAD_AES_256_GCM (RFC 7714): 256-bit key, 96-bit salt, 16-byte tag. */
    AEAD_AES_256_GCM(0x0008, 32, 12, 0, 16, 16);

    private final int id;
    private final int keyLength;
    private final int saltLength;
    private final int authKeyLength;
    private final int rtpTagLength;
    private final int rtcpTagLength;

    SrtpProfile(int id, int keyLength, int saltLength, int authKeyLength, int rtpTagLength, int rtcpTagLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.authKeyLength = authKeyLength;
        this.rtpTagLength = rtpTagLength;
        this.rtcpTagLength = rtcpTagLength;
    }

    /**
     * The profile with a DTLS-SRTP protection profile id.
     *
     * @throws IllegalArgumentException when this package does not implement that profile
     */
    public static SrtpProfile fromId(int id) {
        for (SrtpProfile profile : values()) {
            if (profile.id == id) {
                return profile;
            }
        }
        throw new IllegalArgumentException(String.format("unsupported SRTP protection profile 0x%04X", id));
    }

    /** The DTLS-SRTP protection profile id (RFC 5764 §4.1.2, RFC 7714 §14.2). */
    public int id() {
        return id;
    }

    /** Master and session encryption key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master and session salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    /** Session authentication key length in bytes; 0 for AEAD profiles, which authenticate with the cipher. */
    int authKeyLength() {
        return authKeyLength;
    }

    /** Bytes of authentication tag after each SRTP packet. */
    public int rtpTagLength() {
        return rtpTagLength;
    }

    /** Bytes of authentication tag after each SRTCP packet (after the 4-byte E flag and index). */
    public int rtcpTagLength() {
        return rtcpTagLength;
    }

    /** Whether the profile is an AEAD transform (RFC 7714) rather than a cipher plus an HMAC (RFC 3711). */
    public boolean isAead() {
        return authKeyLength == 0;
    }

    /** Bytes protectRtp adds to a packet. */
    public int rtpOverhead() {
        return rtpTagLength;
    }

    /** Bytes protectRtcp adds to a packet: the E flag and SRTCP index word, then the tag (RFC 3711 §3.4). */
    public int rtcpOverhead() {
        return SrtcpTrailer.LENGTH + rtcpTagLength;
    }
}

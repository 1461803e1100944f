package io.jrtc.srtp;

/**
 * One profile's packet transform for one direction, holding the SRTP and the SRTCP session keys. Works in place:
 * {@code offset} is where the packet starts in {@code packet}, {@code length} its length; protect methods need room
 * for their overhead after the packet and return the new length, unprotect methods return the length without it.
 * Index bookkeeping (ROC, SRTCP index, replay) belongs to the callers.
 */
interface SrtpTransform {

    /**
     * The transform of a profile for one direction, with session keys derived from the master key and salt
     * (RFC 3711 §4.3).
     */
    static SrtpTransform fromMasterKey(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        if (masterKey.length != profile.keyLength() || masterSalt.length != profile.saltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.keyLength() + "-byte master key and a "
                    + profile.saltLength() + "-byte master salt, got " + masterKey.length + " and "
                    + masterSalt.length);
        }
        SrtpKeyDerivation derivation = new SrtpKeyDerivation(masterKey, masterSalt);
        return fromSessionKeys(profile, derivation.rtpKeys(profile), derivation.rtcpKeys(profile));
    }

    /** The transform of a profile with its session keys given directly, as the RFC test vectors give them. */
    static SrtpTransform fromSessionKeys(SrtpProfile profile, SrtpSessionKeys rtpKeys, SrtpSessionKeys rtcpKeys) {
        return profile.isAead() ? new AesGcmTransform(rtpKeys, rtcpKeys)
                : new AesCmHmacSha1Transform(profile, rtpKeys, rtcpKeys);
    }

    /**
     * Where the E flag and index word sits in an SRTCP packet of {@code length}: before the tag for the HMAC
     * profiles (RFC 3711 §3.4), after it for AEAD (RFC 7714 §9.1).
     */
    int srtcpTrailerPosition(int length);

    /** Encrypts the RTP payload after {@code headerLength} and appends the tag (RFC 3711 §3.3, RFC 7714 §8). */
    int protectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index);

    /** Checks the tag, then decrypts the payload (RFC 3711 §3.3 steps 5-6, RFC 7714 §8.2). */
    int unprotectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index)
            throws SrtpException;

    /**
     * Encrypts everything after the first 8 bytes when {@code encrypt}, appends the E flag and index word, then the
     * tag (RFC 3711 §3.4, RFC 7714 §9).
     */
    int protectRtcp(byte[] packet, int offset, int length, int ssrc, int srtcpIndex, boolean encrypt);

    /**
     * Checks the tag, then decrypts when the trailer's E flag is set.
     *
     * @param length the whole SRTCP packet, trailer and tag included
     * @param trailer the E flag and SRTCP index word, already read from the packet
     */
    int unprotectRtcp(byte[] packet, int offset, int length, int ssrc, int trailer) throws SrtpException;
}

package io.jrtc.srtp;

/**
 * The session keys one direction uses for SRTP or for SRTCP (RFC 3711 §4.3): encryption key, salt and, for the
 * HMAC profiles, the authentication key (empty for AEAD profiles).
 */
record SrtpSessionKeys(byte[] encryptionKey, byte[] salt, byte[] authKey) {
}

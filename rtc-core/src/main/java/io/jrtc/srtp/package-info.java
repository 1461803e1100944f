/**
 * SRTP and SRTCP packet protection (RFC 3711) with the profiles DTLS-SRTP negotiates (RFC 5764 §4.1.2, RFC 7714
 * §14.2): AES-128 counter mode with HMAC-SHA1 and AEAD AES-GCM. Sans-IO and thread-confined: an
 * {@link io.jrtc.srtp.SrtpSender} protects what this endpoint sends and an {@link io.jrtc.srtp.SrtpReceiver}
 * unprotects what it receives, each working in place on the caller's buffer; neither reads a clock or does IO. All
 * ciphers and MACs are JCE ({@code AES/ECB/NoPadding} for the counter mode keystream and the key derivation PRF,
 * {@code AES/GCM/NoPadding}, {@code HmacSHA1}), created once per sender or receiver.
 */
package io.jrtc.srtp;

/**
 * DTLS 1.2 (RFC 6347) for WebRTC with DTLS-SRTP key export (RFC 5764), built on BouncyCastle's TLS API.
 *
 * <p>BouncyCastle's DTLS handshake pulls datagrams and blocks, so {@link io.jrtc.dtls.DtlsEndpoint} bridges it: the
 * owner (an event loop) pushes received datagrams in and drains datagrams to send, events and decrypted application
 * data out. Only the handshake runs off the owner's thread, as a single task on a caller-supplied executor; once
 * connected, records are decrypted and encrypted on the owner's thread. Handshake retransmission and the handshake
 * time limit are BouncyCastle's own and run in real time on the executor thread.
 */
package io.jrtc.dtls;

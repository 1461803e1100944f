package io.jrtc.dtls;

import org.bouncycastle.tls.CipherType;
import org.bouncycastle.tls.EncryptionAlgorithm;
import org.bouncycastle.tls.MACAlgorithm;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsUtils;

/**
 * The lengths a protected record of the negotiated cipher can have. RFC 6347 §4.1.2.7 says invalid records SHOULD be
 * silently discarded, but BouncyCastle answers a protected record too short for its cipher's nonce and tag, or not
 * aligned to its block size, with a fatal decode_error that ends the association, so one forged datagram could tear
 * down a connection. The endpoint discards such datagrams before the record layer sees them; records of the right
 * shape that fail authentication BouncyCastle discards itself (bad_record_mac).
 */
final class RecordShape {
    /** Before the handshake is over nothing is protected, so every length fits. */
    static final RecordShape ANY = new RecordShape(0, 1, 0);
    private static final int AEAD_TAG = 16;
    /** TLS 1.2 AES-GCM's explicit nonce (RFC 5288 §3); ChaCha20-Poly1305 has none (RFC 7905 §2). */
    private static final int GCM_EXPLICIT_NONCE = 8;
    private static final int AES_BLOCK = 16;
    private static final byte DTLS_1_2_MAJOR = (byte) 0xFE;
    private static final byte DTLS_1_2_MINOR = (byte) 0xFD;

    private final int minLength;
    private final int alignment;
    private final int alignedPart;

    /** Lengths from {@code minLength}, where {@code length - unaligned} is a multiple of {@code alignment}. */
    private RecordShape(int minLength, int alignment, int unaligned) {
        this.minLength = minLength;
        this.alignment = alignment;
        this.alignedPart = unaligned;
    }

    /** The shape of the cipher a finished handshake negotiated (RFC 5246 §6.2.3). */
    static RecordShape of(SecurityParameters parameters) {
        int cipherSuite = parameters.getCipherSuite();
        int encryption = TlsUtils.getEncryptionAlgorithm(cipherSuite);
        if (TlsUtils.getEncryptionAlgorithmType(encryption) == CipherType.aead) {
            int nonce = encryption == EncryptionAlgorithm.CHACHA20_POLY1305 ? 0 : GCM_EXPLICIT_NONCE;
            return new RecordShape(nonce + AEAD_TAG, 1, 0);
        }
        if (TlsUtils.getEncryptionAlgorithmType(encryption) == CipherType.block) {
            int mac = macLength(TlsUtils.getMACAlgorithm(cipherSuite));
            // Explicit IV, then whole blocks; with encrypt-then-MAC (RFC 7366) the MAC follows them.
            return parameters.isEncryptThenMAC()
                ? new RecordShape(AES_BLOCK + AES_BLOCK + mac, AES_BLOCK, mac)
                : new RecordShape(AES_BLOCK + Math.max(AES_BLOCK, mac + 1), AES_BLOCK, 0);
        }
        return ANY;
    }

    private static int macLength(int macAlgorithm) {
        return switch (macAlgorithm) {
            case MACAlgorithm.hmac_sha1 -> 20;
            case MACAlgorithm.hmac_sha256 -> 32;
            case MACAlgorithm.hmac_sha384 -> 48;
            default -> 64;
        };
    }

    /**
     * Whether every record of {@code epoch} in the datagram has a length this cipher can produce, and every protected
     * record (any epoch but 0) carries DTLS 1.2's version: BouncyCastle ends an established association over a
     * protected record of another version (found twice by the DTLS fuzz target), where RFC 6347 §4.1.2.7 says to
     * discard it. Records are otherwise left to the record layer, which discards what it cannot use, a truncated
     * last record included.
     */
    boolean fits(byte[] data, int offset, int length, int epoch) {
        int at = offset;
        int end = offset + length;
        while (end - at >= FirstFlight.RECORD_HEADER) {
            int recordEpoch = (data[at + 3] & 0xFF) << 8 | data[at + 4] & 0xFF;
            int recordLength = (data[at + 11] & 0xFF) << 8 | data[at + 12] & 0xFF;
            // A protected record carries the negotiated version, DTLS 1.2 (RFC 6347 §4.1); another one is forged.
            if (recordEpoch != 0 && (data[at + 1] != DTLS_1_2_MAJOR || data[at + 2] != DTLS_1_2_MINOR)) {
                return false;
            }
            if (recordEpoch == epoch && (recordLength < minLength || (recordLength - alignedPart) % alignment != 0)) {
                return false;
            }
            at += FirstFlight.RECORD_HEADER + recordLength;
        }
        return true;
    }
}

package io.jrtc.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as SRTP uses it (RFC 3711 §4.1.1): keystream block j is AES(key, IV + j), with the 128-bit IV
 * incremented big-endian. Built on one {@code AES/ECB/NoPadding} cipher that encrypts a whole packet's counter blocks
 * in one call, so a packet costs no cipher re-initialisation and no allocation once the scratch buffers have grown to
 * the largest packet seen. Also the PRF of the key derivation (RFC 3711 §4.3.3, RFC 6188 §7 for AES-256).
 */
final class AesCounterMode {
    static final int BLOCK = 16;

    private final Cipher ecb;
    private byte[] counterBlocks = new byte[0];
    private byte[] keystream = new byte[0];

    /** @param key a 16- or 32-byte AES key */
    AesCounterMode(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCE lacks AES/ECB/NoPadding", e);
        }
    }

    /** XORs the keystream that starts at counter {@code iv} (16 bytes) into {@code data[offset, offset + length)}. */
    void xorKeystream(byte[] iv, byte[] data, int offset, int length) {
        if (length <= 0) {
            return;
        }
        int bytes = (length + BLOCK - 1) & -BLOCK;
        if (counterBlocks.length < bytes) {
            counterBlocks = new byte[bytes];
            keystream = new byte[bytes];
        }
        System.arraycopy(iv, 0, counterBlocks, 0, BLOCK);
        for (int block = BLOCK; block < bytes; block += BLOCK) {
            System.arraycopy(counterBlocks, block - BLOCK, counterBlocks, block, BLOCK);
            incrementCounter(counterBlocks, block);
        }
        try {
            ecb.doFinal(counterBlocks, 0, bytes, keystream, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB refused whole blocks", e);
        }
        for (int i = 0; i < length; i++) {
            data[offset + i] ^= keystream[i];
        }
    }

    private static void incrementCounter(byte[] blocks, int blockStart) {
        for (int i = blockStart + BLOCK - 1; i >= blockStart; i--) {
            if (++blocks[i] != 0) {
                return;
            }
        }
    }
}

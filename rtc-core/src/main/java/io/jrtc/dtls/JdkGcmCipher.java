package io.jrtc.dtls;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;

/**
 * AES-GCM record protection (RFC 5288) for BouncyCastle's TLS record layer, straight on a JDK {@link Cipher}.
 * BouncyCastle's own JCE wrapper sets each record's nonce up through a freshly looked-up {@code AlgorithmParameters}
 * object (a provider search per record, several percent of the CPU of a bulk data-channel transfer); this passes a
 * {@link GCMParameterSpec} instead. Same contract otherwise: one {@link #doFinal} per record, the associated data
 * first, and a failed tag check surfaces as an unchecked exception, which BouncyCastle turns into bad_record_mac.
 */
final class JdkGcmCipher implements TlsAEADCipherImpl {
    private final Cipher cipher;
    private final int mode;
    private final int keySize;
    private SecretKey key;
    private int tagLength;

    JdkGcmCipher(Cipher cipher, int keySize, boolean encrypting) {
        this.cipher = cipher;
        this.keySize = keySize;
        this.mode = encrypting ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
    }

    @Override
    public void setKey(byte[] keyBytes, int off, int len) {
        if (len != keySize) {
            throw new IllegalStateException("AES-GCM key of " + len + " bytes, expected " + keySize);
        }
        key = new SecretKeySpec(keyBytes, off, len, "AES");
    }

    @Override
    public void init(byte[] nonce, int macSize) {
        tagLength = macSize;
        try {
            cipher.init(mode, key, new GCMParameterSpec(macSize * 8, nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Computed rather than asked of the JDK cipher, whose answer re-runs its IV-reuse checks on every record. */
    @Override
    public int getOutputSize(int inputLength) {
        return mode == Cipher.ENCRYPT_MODE ? inputLength + tagLength : Math.max(0, inputLength - tagLength);
    }

    @Override
    public int doFinal(byte[] additionalData, byte[] input, int inputOffset, int inputLength, byte[] output,
                       int outputOffset) {
        if (additionalData != null && additionalData.length > 0) {
            cipher.updateAAD(additionalData);
        }
        try {
            return cipher.doFinal(input, inputOffset, inputLength, output, outputOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM record failed", e);
        }
    }
}

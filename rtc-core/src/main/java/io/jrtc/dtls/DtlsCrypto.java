package io.jrtc.dtls;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;
import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * The one BouncyCastle TLS crypto backend of this package: JCE-based, so bulk encryption runs on the JDK's AES-GCM
 * intrinsics rather than BouncyCastle's pure-Java ciphers. It is stateless apart from its SecureRandoms and safe to
 * share between connections.
 *
 * <p>BouncyCastle's TLS code builds ChaCha20-Poly1305 from a "ChaCha7539" cipher and a "Poly1305" MAC, which the JDK
 * does not offer under those names; only such ciphers and MACs come from an unregistered BouncyCastle provider, so
 * the JVM's provider list is left alone.
 */
final class DtlsCrypto {
    private static final JcaTlsCrypto INSTANCE = new JdkFirstTlsCrypto();

    private DtlsCrypto() {
    }

    static JcaTlsCrypto get() {
        return INSTANCE;
    }

    private static final class JdkFirstTlsCrypto extends JcaTlsCrypto {
        JdkFirstTlsCrypto() {
            super(new JdkFirstHelper(), null, new SecureRandom(), new SecureRandom());
        }

        /** AES-GCM without BouncyCastle's per-record parameter lookup; other AEAD ciphers as BouncyCastle does. */
        @Override
        protected TlsAEADCipherImpl createAEADCipher(String cipherName, String algorithm, int keySize,
                                                     boolean isEncrypting) throws GeneralSecurityException {
            if ("AES/GCM/NoPadding".equals(cipherName)) {
                return new JdkGcmCipher(getHelper().createCipher(cipherName), keySize, isEncrypting);
            }
            return super.createAEADCipher(cipherName, algorithm, keySize, isEncrypting);
        }
    }

    /** JDK providers first; BouncyCastle's for the ciphers and MACs the JDK lacks. */
    private static final class JdkFirstHelper extends DefaultJcaJceHelper {
        @Override
        public Cipher createCipher(String algorithm) throws NoSuchAlgorithmException, NoSuchPaddingException {
            try {
                return super.createCipher(algorithm);
            } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
                return Cipher.getInstance(algorithm, Fallback.PROVIDER);
            }
        }

        @Override
        public Mac createMac(String algorithm) throws NoSuchAlgorithmException {
            try {
                return super.createMac(algorithm);
            } catch (NoSuchAlgorithmException e) {
                return Mac.getInstance(algorithm, Fallback.PROVIDER);
            }
        }
    }

    /** Loaded only when the JDK lacks an algorithm. */
    private static final class Fallback {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}

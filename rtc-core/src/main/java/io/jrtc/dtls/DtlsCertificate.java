package io.jrtc.dtls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.crypto.TlsCertificate;

/**
 * The local DTLS identity: an ECDSA key and its self-signed X.509 certificate, as WebRTC uses (RFC 8827 §6.5: the
 * certificate is authenticated by its fingerprint in SDP, not by a chain). Immutable and shareable between endpoints.
 */
public final class DtlsCertificate {
    /** How long a generated certificate is valid, counted from its notBefore. */
    public static final Duration VALIDITY = Duration.ofDays(30);
    /** How far notBefore is back-dated, so a peer whose clock runs behind still accepts it. */
    public static final Duration BACKDATE = Duration.ofDays(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey privateKey;
    private final X509Certificate x509;
    private final byte[] der;
    private final Certificate tlsChain;
    private final List<DtlsFingerprint> fingerprints;

    private DtlsCertificate(PrivateKey privateKey, X509Certificate x509) {
        this.privateKey = privateKey;
        this.x509 = x509;
        try {
            this.der = x509.getEncoded();
            TlsCertificate tlsCertificate = DtlsCrypto.get().createCertificate(der);
            this.tlsChain = new Certificate(new TlsCertificate[] {tlsCertificate});
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.fingerprints = List.of(DtlsFingerprint.of(der, "sha-256"), DtlsFingerprint.of(der, "sha-384"),
            DtlsFingerprint.of(der, "sha-512"));
    }

    /** Generates an ECDSA P-256 self-signed certificate valid from a day ago for 30 days, using the wall clock. */
    public static DtlsCertificate generate() {
        return generate(Instant.now());
    }

    /**
     * Generates an ECDSA P-256 self-signed certificate with a random serial and a random common name, valid from
     * {@code now - BACKDATE} for {@link #VALIDITY}.
     */
    public static DtlsCertificate generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keyPair = generator.generateKeyPair();
            byte[] nameBytes = new byte[8];
            RANDOM.nextBytes(nameBytes);
            X500Name name = new X500Name("CN=" + HexFormat.of().formatHex(nameBytes));
            Instant notBefore = now.minus(BACKDATE);
            Instant notAfter = notBefore.plus(VALIDITY);
            BigInteger serial = new BigInteger(63, RANDOM).add(BigInteger.ONE);
            var builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(notBefore), Date.from(notAfter),
                name, keyPair.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
            byte[] encoded = builder.build(signer).getEncoded();
            return new DtlsCertificate(keyPair.getPrivate(), parseX509(encoded));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("JDK cannot generate an ECDSA P-256 certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Wraps an existing EC key and certificate (for a persistent identity). The handshake offers only ECDHE_ECDSA
     * cipher suites as server, so the key must be an EC key.
     */
    public static DtlsCertificate of(PrivateKey privateKey, X509Certificate certificate) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        if (!(privateKey instanceof ECPrivateKey)) {
            throw new IllegalArgumentException("DTLS certificate key must be EC, got " + privateKey.getAlgorithm());
        }
        return new DtlsCertificate(privateKey, certificate);
    }

    /** The end of the validity period (notAfter). */
    public Instant expires() {
        return x509.getNotAfter().toInstant();
    }

    /** The certificate's fingerprints, sha-256 first, then sha-384 and sha-512 (RFC 8122 §5). */
    public List<DtlsFingerprint> fingerprints() {
        return fingerprints;
    }

    /** Fingerprint of the first (end-entity) certificate of a BouncyCastle chain. */
    public static DtlsFingerprint fingerprint(Certificate chain, String algorithm) {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
        try {
            return DtlsFingerprint.of(chain.getCertificateAt(0).getEncoded(), algorithm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fingerprint of a DER-encoded certificate. */
    public static DtlsFingerprint fingerprint(byte[] der, String algorithm) {
        return DtlsFingerprint.of(der, algorithm);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate x509Certificate() {
        return x509;
    }

    /** The DER encoding of the certificate (a copy). */
    public byte[] encoded() {
        return der.clone();
    }

    /** The one-element chain BouncyCastle sends in the Certificate message. */
    public Certificate tlsCertificateChain() {
        return tlsChain;
    }

    private static X509Certificate parseX509(byte[] encoded) throws CertificateException {
        var factory = CertificateFactory.getInstance("X.509");
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(encoded));
    }

    @Override
    public String toString() {
        return "DtlsCertificate[" + fingerprints.get(0).toSdpValue() + ", expires " + expires() + "]";
    }
}

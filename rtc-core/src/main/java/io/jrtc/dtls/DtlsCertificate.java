package io.jrtc.dtls;

import io.jrtc.time.RtcClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
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
    private static final ECDomainParameters P256 = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1,
        CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1));

    private final PrivateKey privateKey;
    private final AsymmetricKeyParameter signingKey;
    private final X509Certificate x509;
    private final byte[] der;
    private final Certificate tlsChain;
    private final List<DtlsFingerprint> fingerprints;

    private DtlsCertificate(PrivateKey privateKey, AsymmetricKeyParameter signingKey, X509Certificate x509) {
        this.privateKey = privateKey;
        this.signingKey = signingKey;
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

    /** Generates an ECDSA P-256 self-signed certificate valid from a day ago for 30 days, by the system clock. */
    public static DtlsCertificate generate() {
        return generate(RtcClock.system().instant());
    }

    /**
     * Generates an ECDSA P-256 self-signed certificate with a random serial and a random common name, valid from
     * {@code now - BACKDATE} for {@link #VALIDITY}.
     */
    public static DtlsCertificate generate(Instant now) {
        // BouncyCastle's lightweight P-256 rather than the JDK's: about ten times faster, and every peer connection
        // without a configured certificate makes one.
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(P256, RANDOM));
        AsymmetricCipherKeyPair keyPair = generator.generateKeyPair();
        byte[] nameBytes = new byte[8];
        RANDOM.nextBytes(nameBytes);
        X500Name name = new X500Name("CN=" + HexFormat.of().formatHex(nameBytes));
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = notBefore.plus(VALIDITY);
        BigInteger serial = new BigInteger(63, RANDOM).add(BigInteger.ONE);
        try {
            var builder = new X509v3CertificateBuilder(name, serial, Date.from(notBefore), Date.from(notAfter), name,
                SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keyPair.getPublic()));
            var signatureAlgorithm = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            var signer = new BcECContentSignerBuilder(signatureAlgorithm,
                new DefaultDigestAlgorithmIdentifierFinder().find(signatureAlgorithm)).build(keyPair.getPrivate());
            byte[] encoded = builder.build(signer).getEncoded();
            byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(keyPair.getPrivate()).getEncoded();
            PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new DtlsCertificate(privateKey, keyPair.getPrivate(), parseX509(encoded));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate an ECDSA P-256 certificate", e);
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
        try {
            return new DtlsCertificate(privateKey, PrivateKeyFactory.createKey(privateKey.getEncoded()), certificate);
        } catch (IOException e) {
            throw new IllegalArgumentException("EC private key cannot be read", e);
        }
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

    /** The private key as BouncyCastle's lightweight API signs with it (the handshake's ECDSA signatures). */
    AsymmetricKeyParameter signingKey() {
        return signingKey;
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

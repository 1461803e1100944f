package io.jrtc.turn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throwaway self-signed P-256 certificate for an IP address, made by the openssl command in a directory. */
public final class SelfSignedCertificate {
    static final String CERT = "turn-cert.pem";
    static final String KEY = "turn-key.pem";

    private SelfSignedCertificate() {
    }

    /** Writes {@code turn-cert.pem} and {@code turn-key.pem} into {@code dir}, naming {@code ip} in CN and SAN. */
    public static X509Certificate create(Path dir, String ip) throws IOException, InterruptedException {
        Path cert = dir.resolve(CERT);
        Path key = dir.resolve(KEY);
        Process openssl = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=" + ip,
                "-addext", "subjectAltName=IP:" + ip, "-keyout", key.toString(), "-out", cert.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.out").toFile()).start();
        if (!openssl.waitFor(20, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            openssl.destroyForcibly();
            throw new IOException("openssl failed: " + Files.readString(dir.resolve("openssl.out")));
        }
        try (InputStream in = Files.newInputStream(cert)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IOException("openssl wrote no readable certificate", e);
        }
    }
}

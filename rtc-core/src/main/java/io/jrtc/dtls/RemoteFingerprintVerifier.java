package io.jrtc.dtls;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * Authenticates the remote certificate by the fingerprints from the remote SDP (RFC 8122 §5, RFC 8827 §6.5): the
 * end-entity certificate must hash to one of them with that fingerprint's algorithm. No chain validation: WebRTC
 * certificates are self-signed.
 *
 * <p>The fingerprints may arrive after the handshake has begun (a ClientHello can beat the SDP answer); the
 * handshake thread then waits for them, up to the handshake time limit.
 */
final class RemoteFingerprintVerifier {
    private final CountDownLatch known = new CountDownLatch(1);
    private volatile List<DtlsFingerprint> expected = List.of();
    private volatile boolean cancelled;
    private volatile boolean mismatch;
    private volatile DtlsFingerprint matched;

    /** Any thread. Replaces the expected fingerprints; an empty list means "not known yet". */
    void setExpected(List<DtlsFingerprint> fingerprints) {
        expected = List.copyOf(fingerprints);
        if (!fingerprints.isEmpty()) {
            known.countDown();
        }
    }

    /** Any thread: wakes a handshake waiting for fingerprints so that it fails. */
    void cancel() {
        cancelled = true;
        known.countDown();
    }

    boolean mismatch() {
        return mismatch;
    }

    /** The remote fingerprint that matched, or null before verification. */
    DtlsFingerprint matched() {
        return matched;
    }

    /** Handshake thread: throws a fatal bad_certificate alert unless the chain's first certificate matches. */
    void verify(Certificate chain, long maxWaitMillis) throws IOException {
        if (chain == null || chain.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "remote sent no certificate");
        }
        awaitExpected(maxWaitMillis);
        byte[] der = chain.getCertificateAt(0).getEncoded();
        for (DtlsFingerprint candidate : expected) {
            if (DtlsFingerprint.isSupportedAlgorithm(candidate.algorithm())) {
                DtlsFingerprint actual = DtlsFingerprint.of(der, candidate.algorithm());
                if (actual.matches(candidate)) {
                    matched = actual;
                    return;
                }
            }
        }
        mismatch = true;
        throw new TlsFatalAlert(AlertDescription.bad_certificate, "fingerprint mismatch");
    }

    private void awaitExpected(long maxWaitMillis) throws IOException {
        try {
            if (!known.await(maxWaitMillis, TimeUnit.MILLISECONDS) || cancelled) {
                throw new TlsFatalAlert(AlertDescription.user_canceled, "remote fingerprints never provided");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlsFatalAlert(AlertDescription.internal_error, "interrupted waiting for remote fingerprints");
        }
    }
}

package io.jrtc.spring.autoconfigure;

import java.lang.System.Logger.Level;

import io.jrtc.spring.autoconfigure.service.RtcCertificates;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Makes the service's DTLS certificate on a background thread once the application is ready. The first certificate
 * of a JVM costs a few hundred milliseconds (the crypto provider's first use, then the key); made during the start it
 * would delay the start, made on demand it delays the first peer connection. After the start nothing else competes
 * for the CPU, and a request that comes sooner waits for this generation instead of starting another.
 */
final class CertificateWarmUp implements ApplicationListener<ApplicationReadyEvent> {
    static final String THREAD_NAME = "rtc-certificate-warm-up";
    private static final System.Logger LOG = System.getLogger(CertificateWarmUp.class.getName());

    private final ObjectProvider<RtcCertificates> certificates;

    CertificateWarmUp(ObjectProvider<RtcCertificates> certificates) {
        this.certificates = certificates;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread thread = new Thread(this::warmUp, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    private void warmUp() {
        try {
            RtcCertificates source = certificates.getIfAvailable();
            if (source != null) {
                source.current();
            }
        } catch (RuntimeException e) {
            // The first peer connection will try again and report the failure where it matters.
            LOG.log(Level.DEBUG, "making the DTLS certificate ahead of the first peer connection failed", e);
        }
    }
}

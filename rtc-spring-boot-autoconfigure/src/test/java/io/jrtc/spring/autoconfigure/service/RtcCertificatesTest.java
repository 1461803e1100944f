package io.jrtc.spring.autoconfigure.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.jrtc.pc.RTCCertificate;

import org.junit.jupiter.api.Test;

class RtcCertificatesTest {

    @Test
    void oneCertificateServesEveryConnectionUntilADayBeforeItExpires() {
        AtomicInteger generated = new AtomicInteger();
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        RtcCertificates certificates = new RtcCertificates(() -> {
            generated.incrementAndGet();
            return RTCCertificate.generateCertificate();
        }, now::get);

        RTCCertificate first = certificates.current();
        assertThat(certificates.current()).isSameAs(first);
        now.set(first.getExpires().minus(Duration.ofDays(2)));
        assertThat(certificates.current()).isSameAs(first);
        now.set(first.getExpires().minus(Duration.ofHours(23)));
        RTCCertificate renewed = certificates.current();
        assertThat(renewed).isNotSameAs(first);
        assertThat(generated).hasValue(2);
    }
}

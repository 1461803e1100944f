package io.jrtc.spring.autoconfigure.service;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.jrtc.pc.RTCCertificate;

/**
 * The DTLS certificate new peer connections of this service use. One certificate serves them all, as servers
 * commonly do: generating an ECDSA key per connection costs milliseconds of CPU on every offer. It is replaced
 * by a fresh one a day before it expires, so a long-running service never hands out an expired certificate.
 */
public class RtcCertificates {
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofDays(1);

    private final Supplier<RTCCertificate> generator;
    private final Supplier<Instant> clock;
    private RTCCertificate current;

    public RtcCertificates() {
        this(RTCCertificate::generateCertificate, Instant::now);
    }

    RtcCertificates(Supplier<RTCCertificate> generator, Supplier<Instant> clock) {
        this.generator = generator;
        this.clock = clock;
    }

    /** The certificate to use now. */
    public synchronized RTCCertificate current() {
        if (current == null || clock.get().plus(RENEW_BEFORE_EXPIRY).isAfter(current.getExpires())) {
            current = generator.get();
        }
        return current;
    }
}

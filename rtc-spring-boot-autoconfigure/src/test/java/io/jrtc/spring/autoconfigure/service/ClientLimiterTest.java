package io.jrtc.spring.autoconfigure.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Per-client bounds on a controlled clock: open connections, creates per second, credentials, IPv6 prefixes. */
class ClientLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private ClientLimiter limiter(int maxOpen, int perSecond, int maxOpenPerCredential, int perSecondPerCredential) {
        return new ClientLimiter(new ClientLimits(maxOpen, perSecond, maxOpenPerCredential, perSecondPerCredential),
                now::get);
    }

    @Test
    void anAddressHoldsAtMostItsBoundAndAReleaseFreesAPlace() {
        ClientLimiter limiter = limiter(2, 0, 0, 0);
        ClientLimiter.Lease first = limiter.acquire(new RtcClient("192.0.2.1", null));
        limiter.acquire(new RtcClient("192.0.2.1", null));
        assertThatExceptionOfType(ClientLimitExceededException.class)
                .isThrownBy(() -> limiter.acquire(new RtcClient("192.0.2.1", null)))
                .satisfies(e -> {
                    assertThat(e.getProperty()).isEqualTo("rtc.limits.client.max-open-per-address");
                    assertThat(e.getRetryAfterSeconds()).isEqualTo(5);
                });
        limiter.acquire(new RtcClient("192.0.2.2", null));
        first.release();
        first.release();
        assertThat(limiter.openFor("192.0.2.1")).isEqualTo(1);
        limiter.acquire(new RtcClient("192.0.2.1", null));
    }

    @Test
    void createsPerSecondRefillOverTime() {
        ClientLimiter limiter = limiter(0, 2, 0, 0);
        RtcClient client = new RtcClient("192.0.2.1", null);
        limiter.acquire(client).release();
        limiter.acquire(client).release();
        assertThatExceptionOfType(ClientLimitExceededException.class).isThrownBy(() -> limiter.acquire(client))
                .satisfies(e -> {
                    assertThat(e.getProperty()).isEqualTo("rtc.limits.client.creates-per-second-per-address");
                    assertThat(e.getRetryAfterSeconds()).isEqualTo(1);
                });
        now.addAndGet(500_000_000L);
        limiter.acquire(client);
    }

    @Test
    void aCredentialIsCountedAcrossAddressesAndARefusalGivesTheAddressPlaceBack() {
        ClientLimiter limiter = limiter(5, 0, 1, 0);
        limiter.acquire(new RtcClient("192.0.2.1", "token:a"));
        assertThatExceptionOfType(ClientLimitExceededException.class)
                .isThrownBy(() -> limiter.acquire(new RtcClient("192.0.2.2", "token:a")))
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo("rtc.limits.client.max-open-per-credential"));
        assertThat(limiter.openFor("192.0.2.2")).isZero();
        limiter.acquire(new RtcClient("192.0.2.2", "token:b"));
    }

    @Test
    void anIpv6ClientIsCountedPerSlash64() {
        ClientLimiter limiter = limiter(1, 0, 0, 0);
        limiter.acquire(new RtcClient("2001:db8:1:2::1", null));
        assertThatExceptionOfType(ClientLimitExceededException.class)
                .isThrownBy(() -> limiter.acquire(new RtcClient("2001:db8:1:2:ffff::9", null)));
        limiter.acquire(new RtcClient("2001:db8:1:3::1", null));
    }

    @Test
    void idleEntriesAreSweptOnceThereAreMany() {
        ClientLimiter limiter = limiter(10, 10, 0, 0);
        for (int i = 0; i <= ClientLimiter.SWEEP_THRESHOLD; i++) {
            limiter.acquire(new RtcClient("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), null))
                    .release();
        }
        now.addAndGet(2_000_000_000L);
        limiter.acquire(new RtcClient("192.0.2.1", null));
        assertThat(limiter.trackedClients()).isEqualTo(1);
    }
}

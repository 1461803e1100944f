package io.jrtc.spring.autoconfigure.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.jrtc.pc.RTCIceServer;
import io.jrtc.spring.autoconfigure.diagnostics.InvalidIceServerException;

import org.junit.jupiter.api.Test;

class TurnCredentialsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    @Test
    void theUserNameIsTheExpiryAndTheUserAndThePasswordItsHmacSha1UnderTheSecret() {
        TurnCredentials credentials = new TurnCredentials(List.of("turn:turn.example.org:3478"), "s3cret",
                Duration.ofHours(12), CLOCK);

        RTCIceServer issued = credentials.issue("alice");

        assertThat(issued.urls()).containsExactly("turn:turn.example.org:3478");
        assertThat(issued.username()).isEqualTo("1700043200:alice");
        // Computed independently: base64(HMAC-SHA1(key "s3cret", "1700043200:alice")).
        assertThat(issued.credential()).isEqualTo("QwoaCWsbGyBTwZodZx/QxKnSykI=");
        assertThat(credentials.issue(null).username()).isEqualTo("1700043200");
        assertThat(credentials.issue(" ").username()).isEqualTo("1700043200");
    }

    @Test
    void onlyWellFormedTurnUrlsAndAPositiveTtlAreAccepted() {
        assertThatThrownBy(() -> new TurnCredentials(List.of("stun:stun.example.org"), "s", Duration.ofHours(1),
                CLOCK)).isInstanceOf(InvalidIceServerException.class).hasMessageContaining("rtc.turn.urls[0]");
        assertThatThrownBy(() -> new TurnCredentials(List.of("turn:"), "s", Duration.ofHours(1), CLOCK))
                .isInstanceOf(InvalidIceServerException.class);
        assertThatThrownBy(() -> new TurnCredentials(List.of("turn:t.example.org"), "s", Duration.ZERO, CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credential-ttl");
    }
}

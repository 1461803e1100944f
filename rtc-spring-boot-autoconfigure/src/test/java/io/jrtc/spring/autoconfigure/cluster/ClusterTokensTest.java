package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Node-to-node tokens: only an unexpired token of ours, for the stream asked, names a node. */
class ClusterTokensTest {
    private static final String SECRET = "0123456789abcdef-shared";
    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    private static ClusterTokens at(Instant now) {
        return new ClusterTokens(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aFreshTokenNamesTheNodeForItsStream() {
        String token = at(T0).issue("edge-1", "cam");
        assertThat(at(T0).verify(token, "cam")).isEqualTo("edge-1");
        assertThat(at(T0.plus(ClusterTokens.LIFETIME).minusSeconds(1)).verify(token, "cam")).isEqualTo("edge-1");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = at(T0).issue("edge-1", "cam");
        assertThat(at(T0.plus(ClusterTokens.LIFETIME)).verify(token, "cam")).isNull();
        assertThat(at(T0.plus(Duration.ofHours(1))).verify(token, "cam")).isNull();
    }

    @Test
    void aTokenDatedAheadBeyondTheClockSkewIsRefused() {
        Duration ahead = ClusterTokens.CLOCK_SKEW.plusSeconds(2);
        String token = at(T0.plus(ahead)).issue("edge-1", "cam");
        assertThat(at(T0).verify(token, "cam")).isNull();
        String slightlyAhead = at(T0.plus(ClusterTokens.CLOCK_SKEW.minusSeconds(1))).issue("edge-1", "cam");
        assertThat(at(T0).verify(slightlyAhead, "cam")).isEqualTo("edge-1");
    }

    @Test
    void aTokenForAnotherStreamIsRefused() {
        assertThat(at(T0).verify(at(T0).issue("edge-1", "cam"), "other-cam")).isNull();
        // The separator cannot be smuggled into a stream id to make one token fit two streams.
        assertThat(at(T0).verify(at(T0).issue("edge-1", "cam\n1"), "cam")).isNull();
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String foreign = new ClusterTokens("another-secret-of-16+", Clock.fixed(T0, ZoneOffset.UTC))
                .issue("edge-1", "cam");
        assertThat(at(T0).verify(foreign, "cam")).isNull();
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = at(T0).issue("edge-1", "cam");
        int dot = token.indexOf('.');
        String claims = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("edge-1", "edge-2").getBytes(StandardCharsets.UTF_8)) + token.substring(dot);
        assertThat(at(T0).verify(forged, "cam")).isNull();
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(at(T0).verify(flipped, "cam")).isNull();
        assertThat(at(T0).verify(token.substring(0, dot), "cam")).isNull();
        assertThat(at(T0).verify(token + "x", "cam")).isNull();
    }

    @Test
    void randomStringsAreRefusedWithoutThrowing() {
        Random random = new Random(13);
        ClusterTokens tokens = at(T0);
        assertThat(tokens.verify(null, "cam")).isNull();
        for (String fixed : new String[] {"", ".", "..", "a.b", "%%%.***", "Bearer x", "\u0000.\u0000"}) {
            assertThat(tokens.verify(fixed, "cam")).isNull();
        }
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(120)];
            random.nextBytes(bytes);
            String text = random.nextBoolean() ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : Base64.getUrlEncoder().encodeToString(bytes) + "." + Base64.getUrlEncoder().encodeToString(bytes);
            assertThat(tokens.verify(text, "cam")).isNull();
        }
    }

    @Test
    void aMissingOrShortSecretIsRefusedAndExplained() {
        assertThatThrownBy(() -> new ClusterTokens(null, Clock.systemUTC()))
                .isInstanceOf(ClusterSecretException.class).hasMessageContaining("not set");
        assertThatThrownBy(() -> new ClusterTokens("fifteen-bytes!!", Clock.systemUTC()))
                .isInstanceOf(ClusterSecretException.class).hasMessageContaining("15 bytes");
        ClusterSecretException cause = new ClusterSecretException("rtc.cluster.secret is not set");
        FailureAnalysis analysis = new ClusterSecretFailureAnalyzer()
                .analyze(new BeanCreationException("clusterTokens", cause));
        assertThat(analysis.getDescription()).contains("rtc.cluster.secret is not set");
        assertThat(analysis.getAction()).contains("rtc.cluster.secret").contains("16 bytes");
    }
}

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

/** Node-to-node tokens on a fixed clock: what verifies, and every way a token is refused without a crash. */
class ClusterTokensTest {
    private static final String SECRET = "a-cluster-secret-of-32-bytes-len";
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final Duration LIFETIME = Duration.ofSeconds(60);

    private static ClusterTokens at(Instant instant, String secret) {
        return new ClusterTokens(secret, LIFETIME, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aTokenNamesItsNodeForItsStreamUntilItExpires() {
        String token = at(NOW, SECRET).issue("edge-1", "cam");
        assertThat(at(NOW, SECRET).verify(token, "cam")).isEqualTo("edge-1");
        assertThat(at(NOW.plus(LIFETIME), SECRET).verify(token, "cam")).isEqualTo("edge-1");
        assertThatThrownBy(() -> at(NOW.plus(LIFETIME).plusSeconds(1), SECRET).verify(token, "cam"))
                .isInstanceOf(InvalidClusterTokenException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenForAnotherStreamOrUnderAnotherSecretIsRefused() {
        String token = at(NOW, SECRET).issue("edge-1", "cam");
        assertThatThrownBy(() -> at(NOW, SECRET).verify(token, "other-cam"))
                .isInstanceOf(InvalidClusterTokenException.class).hasMessageContaining("not for stream");
        assertThatThrownBy(() -> at(NOW, "another-secret-of-enough-bytes!!").verify(token, "cam"))
                .isInstanceOf(InvalidClusterTokenException.class).hasMessageContaining("not signed");
    }

    @Test
    void aTamperedPayloadIsRefusedBeforeItsFieldsAreRead() {
        String token = at(NOW, SECRET).issue("edge-1", "cam");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("edge-1\ncam\n" + NOW.plusSeconds(86_400).getEpochSecond()).getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        assertThatThrownBy(() -> at(NOW, SECRET).verify(forged, "cam"))
                .isInstanceOf(InvalidClusterTokenException.class).hasMessageContaining("not signed");
    }

    @Test
    void aTokenDatedFurtherAheadThanATokenLivesIsRefused() {
        String fromTheFuture = at(NOW.plus(LIFETIME.multipliedBy(10)), SECRET).issue("edge-1", "cam");
        assertThatThrownBy(() -> at(NOW, SECRET).verify(fromTheFuture, "cam"))
                .isInstanceOf(InvalidClusterTokenException.class).hasMessageContaining("ahead");
    }

    @Test
    void arbitraryTextIsRefusedAsATokenNeverCrashing() {
        ClusterTokens tokens = at(NOW, SECRET);
        Random random = new Random(13);
        String alphabet = "abcXYZ019-_.=\n ";
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(80); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThatThrownBy(() -> tokens.verify(text.toString(), "cam"))
                    .isInstanceOf(InvalidClusterTokenException.class);
        }
        assertThatThrownBy(() -> tokens.verify(null, "cam")).isInstanceOf(InvalidClusterTokenException.class);
    }

    @Test
    void aMissingOrShortSecretIsRefused() {
        assertThatThrownBy(() -> at(NOW, null)).isInstanceOfSatisfying(ClusterSecretMissingException.class,
                e -> assertThat(e.isMissing()).isTrue());
        assertThatThrownBy(() -> at(NOW, "short")).isInstanceOfSatisfying(ClusterSecretMissingException.class,
                e -> assertThat(e.isMissing()).isFalse());
    }
}

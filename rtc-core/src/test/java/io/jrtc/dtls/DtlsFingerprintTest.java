package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DtlsFingerprintTest {

    @Test
    void sha256OfKnownBytesIsUpperCaseColonSeparatedHex() {
        // FIPS 180-2 example: SHA-256("abc").
        DtlsFingerprint fingerprint = DtlsFingerprint.of("abc".getBytes(StandardCharsets.US_ASCII), "sha-256");

        assertThat(fingerprint.algorithm()).isEqualTo("sha-256");
        assertThat(fingerprint.value()).isEqualTo("BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:"
            + "B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD");
    }

    @Test
    void sha1AndSha512HaveTheirLengths() {
        byte[] data = {1, 2, 3};
        assertThat(DtlsFingerprint.of(data, "sha-1").value()).hasSize(20 * 3 - 1);
        assertThat(DtlsFingerprint.of(data, "SHA-512").value()).hasSize(64 * 3 - 1);
        assertThat(DtlsFingerprint.of(data, "SHA-512").algorithm()).isEqualTo("sha-512");
    }

    @Test
    void unsupportedAlgorithmIsRejected() {
        assertThatThrownBy(() -> DtlsFingerprint.of(new byte[1], "md5")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DtlsFingerprint.isSupportedAlgorithm("md5")).isFalse();
        assertThat(DtlsFingerprint.isSupportedAlgorithm(null)).isFalse();
    }

    @Test
    void matchesIgnoresCaseButNotAlgorithm() {
        DtlsFingerprint upper = new DtlsFingerprint("sha-256", "AB:CD:EF");
        assertThat(upper.matches(new DtlsFingerprint("SHA-256", "ab:cd:ef"))).isTrue();
        assertThat(upper.matches(new DtlsFingerprint("sha-1", "AB:CD:EF"))).isFalse();
        assertThat(upper.matches(new DtlsFingerprint("sha-256", "AB:CD:EE"))).isFalse();
        assertThat(upper.matches(null)).isFalse();
    }

    @Test
    void parsesTheSdpAttributeValue() {
        DtlsFingerprint parsed = DtlsFingerprint.parse("sha-256 0A:1b:FF");

        assertThat(parsed).isEqualTo(new DtlsFingerprint("sha-256", "0A:1b:FF"));
        assertThat(parsed.toSdpValue()).isEqualTo("sha-256 0A:1b:FF");
        assertThat(DtlsFingerprint.parse("  sha-1   AB \r")).isEqualTo(new DtlsFingerprint("sha-1", "AB"));
    }

    @Test
    void rejectsMalformedValues() {
        for (String bad : new String[] {"", "sha-256", "sha-256 ", " AB:CD", "sha-256 ABC", "sha-256 AB:", "sha-256 :AB",
            "sha-256 AB;CD", "sha-256 GG", "sha_256 AB", "sha-256 AB CD", "sha-256 \uFF10\uFF10"}) {
            assertThatThrownBy(() -> DtlsFingerprint.parse(bad)).as(bad)
                .isInstanceOf(DtlsFingerprintFormatException.class);
        }
        assertThatThrownBy(() -> DtlsFingerprint.parse(null)).isInstanceOf(DtlsFingerprintFormatException.class);
    }

    @Property(tries = 500)
    void parseThrowsOnlyItsOwnException(@ForAll @Size(max = 80) String text) {
        try {
            DtlsFingerprint parsed = DtlsFingerprint.parse(text);
            assertThat(DtlsFingerprint.parse(parsed.toSdpValue())).isEqualTo(parsed);
        } catch (DtlsFingerprintFormatException expected) {
            // the only failure allowed
        }
    }

    @Property(tries = 300)
    void computedFingerprintsRoundTripThroughSdp(@ForAll @Size(max = 200) byte[] der,
                                                 @ForAll("algorithms") String algorithm) {
        DtlsFingerprint fingerprint = DtlsFingerprint.of(der, algorithm);

        assertThat(fingerprint.value()).matches("([0-9A-F]{2}:)*[0-9A-F]{2}");
        assertThat(DtlsFingerprint.parse(fingerprint.toSdpValue())).isEqualTo(fingerprint);
    }

    @Property(tries = 300)
    void truncatedValuesNeverThrowOtherExceptions(@ForAll @Size(max = 64) byte[] der, @ForAll int cut) {
        String sdp = DtlsFingerprint.of(der, "sha-256").toSdpValue();
        String truncated = sdp.substring(0, Math.floorMod(cut, sdp.length() + 1));
        try {
            DtlsFingerprint.parse(truncated);
        } catch (DtlsFingerprintFormatException expected) {
            // the only failure allowed
        }
    }

    @Provide
    Arbitrary<String> algorithms() {
        return Arbitraries.of(DtlsFingerprint.SUPPORTED_ALGORITHMS);
    }
}

package io.jrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Parser robustness and writer/parser symmetry over generated and mangled input. */
class SdpPropertiesTest {
    private static final String TOKEN_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`{|}~";
    private static final Set<String> VALIDATED = Set.of("fingerprint", "sctp-port", "max-message-size", "setup",
            "mid", "ice-ufrag", "ice-pwd", "candidate", "ice-options", "group", "sctpmap");
    private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    // ---- robustness: nothing but SdpParseException ----

    @Property(tries = 1000)
    void randomTextOnlyFailsWithSdpParseException(@ForAll String text) {
        parseOrReject(text);
        parseOrReject(HEAD + text);
    }

    @Property(tries = 500)
    void randomBytesOnlyFailWithSdpParseException(@ForAll byte[] bytes) {
        parseOrReject(new String(bytes, StandardCharsets.UTF_8));
        parseOrReject(HEAD + new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 1000)
    void sdpShapedLinesOnlyFailWithSdpParseException(@ForAll("sdpShapedLines") List<String> lines) {
        parseOrReject(HEAD + String.join("\r\n", lines));
        parseOrReject(String.join("\n", lines));
    }

    @Property(tries = 1000)
    void mutatedRealDescriptionsOnlyFailWithSdpParseException(@ForAll("samples") String sample,
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll char replacement) {
        int at = position % sample.length();
        parseOrReject(sample.substring(0, at) + replacement + sample.substring(at + 1));
        parseOrReject(sample.substring(0, at) + sample.substring(at + 1));
    }

    /** Every character truncation of every sample: a parse error or a description that round-trips. */
    @Example
    void everyTruncationOfTheRealSamplesParsesOrFailsCleanly() {
        for (String name : SdpSamples.ALL) {
            String sample = SdpSamples.load(name);
            for (int cut = 0; cut <= sample.length(); cut++) {
                parseOrReject(sample.substring(0, cut));
            }
        }
    }

    /** Cutting a real description after any line from t= on leaves a valid description, written back exactly. */
    @Example
    void truncationsAtLineEndsParseAndRoundTripExactly() throws SdpParseException {
        for (String name : SdpSamples.ALL) {
            String sample = SdpSamples.load(name);
            int firstAllowedEnd = sample.indexOf("\r\nt=") + 2;
            for (int end = sample.indexOf("\r\n", firstAllowedEnd); end >= 0; end = sample.indexOf("\r\n", end + 2)) {
                String prefix = sample.substring(0, end + 2);
                assertThat(SessionDescription.parse(prefix).toString()).as(name).isEqualTo(prefix);
                String lfOnly = prefix.replace("\r\n", "\n");
                assertThat(SessionDescription.parse(lfOnly.substring(0, lfOnly.length() - 1)).toString())
                        .as(name).isEqualTo(prefix);
            }
        }
    }

    private static SessionDescription parseOrReject(String text) {
        SessionDescription parsed;
        try {
            parsed = SessionDescription.parse(text);
        } catch (SdpParseException expected) {
            assertThat(expected.lineNumber()).isGreaterThanOrEqualTo(0);
            return null;
        }
        assertRoundTrips(parsed);
        return parsed;
    }

    private static void assertRoundTrips(SessionDescription description) {
        String written = description.toString();
        try {
            SessionDescription reparsed = SessionDescription.parse(written);
            assertThat(reparsed).isEqualTo(description);
            assertThat(reparsed.toString()).isEqualTo(written);
        } catch (SdpParseException e) {
            throw new AssertionError("written description does not parse: " + e.getMessage() + "\n" + written, e);
        }
    }

    // ---- symmetry: parse(write(x)) == x ----

    @Property(tries = 400)
    void parsingTheWrittenTextGivesTheSameDescription(@ForAll("descriptions") SessionDescription description) {
        assertRoundTrips(description);
        assertThat(description.copy()).isEqualTo(description);
    }

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of(SdpSamples.ALL).map(SdpSamples::load);
    }

    @Provide
    Arbitrary<List<String>> sdpShapedLines() {
        Arbitrary<String> type = Arbitraries.of("v", "o", "s", "i", "u", "e", "p", "c", "b", "t", "r", "z", "k",
                "a", "m", "x", "V", "", "ab");
        Arbitrary<String> value = Arbitraries.oneOf(text(), token(), Arbitraries.of("0", "0 0", "- 1 2 IN IP4 a",
                "IN IP4 0.0.0.0", "AS:30", "application 9 UDP/DTLS/SCTP webrtc-datachannel", "audio 9/2 RTP/AVP 0",
                "video 70000 RTP/AVP 1", "x 9/0 P 1"), knownAttributeText());
        return Combinators.combine(type, value).as((t, v) -> t + "=" + v).list().ofMaxSize(12);
    }

    private static Arbitrary<String> knownAttributeText() {
        Arbitrary<String> name = Arbitraries.of(VALIDATED.toArray(String[]::new));
        Arbitrary<String> value = Arbitraries.oneOf(text(), Arbitraries.of("", " ", "5000", "-1",
                "99999999999999999999", "sha-256 AB:CD", "sha-256 AB:C", "actpass", "5000 webrtc-datachannel", "5000 webrtc-datachannel x",
                "BUNDLE 0 1", "1 1 udp 1 host.local 9 typ host"));
        return Combinators.combine(name, value.injectNull(0.1)).as((n, v) -> v == null ? n : n + ":" + v);
    }

    @Provide
    Arbitrary<SessionDescription> descriptions() {
        Arbitrary<Origin> origins = Combinators.combine(nonWhitespace(), digits(),
                Arbitraries.longs().greaterOrEqual(0), token(), token(), nonWhitespace()).as(Origin::new);
        Arbitrary<TimeDescription> times = Combinators.combine(digits(), digits(), text().list().ofMaxSize(2))
                .as((start, stop, repeats) -> new TimeDescription(start + " " + stop, repeats));
        return Builders.withBuilder(() -> SessionDescription.create(0))
                .use(origins).inSetter(SessionDescription::setOrigin)
                .use(text()).inSetter(SessionDescription::setSessionName)
                .use(text().injectNull(0.7)).inSetter(SessionDescription::setInformation)
                .use(text().injectNull(0.7)).inSetter(SessionDescription::setUri)
                .use(text().list().ofMaxSize(2)).inSetter((s, l) -> l.forEach(s::addEmail))
                .use(text().list().ofMaxSize(2)).inSetter((s, l) -> l.forEach(s::addPhone))
                .use(connection().injectNull(0.7)).inSetter(SessionDescription::setConnection)
                .use(bandwidth().list().ofMaxSize(2)).inSetter((s, l) -> l.forEach(s::addBandwidth))
                .use(times.list().ofMinSize(1).ofMaxSize(3)).inSetter(SessionDescription::setTimeDescriptions)
                .use(text().injectNull(0.8)).inSetter(SessionDescription::setTimeZones)
                .use(text().injectNull(0.8)).inSetter(SessionDescription::setEncryptionKey)
                .use(attribute().list().ofMaxSize(5)).inSetter((s, l) -> l.forEach(s::addAttribute))
                .use(media().list().ofMaxSize(3)).inSetter((s, l) -> l.forEach(s::addMedia))
                .build();
    }

    private static Arbitrary<MediaDescription> media() {
        Arbitrary<String> protocol = token().list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l));
        Arbitrary<MediaDescription> base = Combinators.combine(token(), Arbitraries.integers().between(0, 65535),
                protocol, token().list().ofMinSize(1).ofMaxSize(4)).as(MediaDescription::new);
        return Combinators.combine(base, Arbitraries.integers().between(1, 1000).injectNull(0.8),
                text().injectNull(0.7), connection().list().ofMaxSize(2), bandwidth().list().ofMaxSize(2),
                text().injectNull(0.8), attribute().list().ofMaxSize(8))
                .as((m, ports, info, connections, bandwidths, key, attributes) -> {
                    m.setNumberOfPorts(ports);
                    m.setInformation(info);
                    connections.forEach(m::addConnection);
                    bandwidths.forEach(m::addBandwidth);
                    m.setEncryptionKey(key);
                    attributes.forEach(m::addAttribute);
                    return m;
                });
    }

    private static Arbitrary<SdpAttribute> attribute() {
        Arbitrary<SdpAttribute> unknown = Combinators.combine(
                token().filter(n -> !VALIDATED.contains(n.toLowerCase(java.util.Locale.ROOT))),
                text().injectNull(0.3)).as(SdpAttribute::new);
        Arbitrary<SdpAttribute> known = Arbitraries.oneOf(
                nonWhitespace().map(v -> new SdpAttribute("mid", v)),
                iceChars(4).map(v -> new SdpAttribute("ice-ufrag", v)),
                iceChars(22).map(v -> new SdpAttribute("ice-pwd", v)),
                Arbitraries.integers().between(0, 65535).map(p -> new SdpAttribute("sctp-port", p.toString())),
                Arbitraries.longs().greaterOrEqual(0).map(v -> new SdpAttribute("max-message-size", v.toString())),
                Arbitraries.of("active", "passive", "actpass", "holdconn").map(v -> new SdpAttribute("setup", v)),
                Combinators.combine(token(), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
                        .as((alg, digest) -> new SdpAttribute("fingerprint", Fingerprint.of(alg, digest).toString())),
                token().list().ofMaxSize(3).map(mids -> new SdpAttribute("group", String.join(" ",
                        prepend("BUNDLE", mids)))),
                nonWhitespace().list().ofMinSize(1).ofMaxSize(8)
                        .map(f -> new SdpAttribute("candidate", String.join(" ", f))));
        return Arbitraries.oneOf(unknown, known);
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    private static Arbitrary<String> connection() {
        return Combinators.combine(token(), token(), nonWhitespace()).as((n, a, addr) -> n + " " + a + " " + addr);
    }

    private static Arbitrary<String> bandwidth() {
        return Combinators.combine(token(), digits()).as((t, d) -> t + ":" + d);
    }

    private static Arbitrary<String> token() {
        return Arbitraries.strings().withChars(TOKEN_CHARS).ofMinLength(1).ofMaxLength(8);
    }

    /** RFC 8839 §5.4 ice-chars, from the minimum length to the maximum of 256. */
    private static Arbitrary<String> iceChars(int minLength) {
        return Arbitraries.strings().alpha().numeric().withChars("+/").ofMinLength(minLength).ofMaxLength(256);
    }

    private static Arbitrary<String> digits() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12);
    }

    private static Arbitrary<String> nonWhitespace() {
        return Arbitraries.strings().withCharRange('!', '~').withChars("éü€").ofMinLength(1).ofMaxLength(10);
    }

    /** Anything that may sit on one line: every character but CR, LF and NUL. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().all().excludeChars('\r', '\n', '\0').ofMaxLength(12);
    }
}

package io.jrtc.sdp.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SessionDescription;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Liberal parsing as a property: a corpus description, mangled the way real stacks and hand edits mangle SDP
 * (CRLF, LF or both; blanks before and after lines; blank lines; runs of blanks between the fields of o=, c=, t=,
 * m= and of the attributes with field values; blanks around attribute names; attribute names in another case),
 * parses to the same model as the original, and is written back as the same canonical text.
 */
class LiberalParsingPropertiesTest {
    /** Attributes whose values are fields, where blanks between fields carry no meaning. */
    private static final Set<String> FIELD_ATTRIBUTES = Set.of("candidate", "ice-ufrag", "ice-pwd", "ice-options",
            "fingerprint", "setup", "mid", "group", "sctp-port", "max-message-size", "sctpmap", "rtcp", "rtcp-mux",
            "rtcp-rsize", "rtpmap", "fmtp", "rtcp-fb", "extmap", "extmap-allow-mixed", "msid", "ssrc", "ssrc-group",
            "rid", "simulcast", "sendrecv", "sendonly", "recvonly", "inactive", "end-of-candidates", "bundle-only",
            "ice-lite");
    private static final String[] BLANKS = {" ", "  ", "\t", " \t "};

    @Provide
    Arbitrary<String> corpus() {
        return Arbitraries.of(SdpCorpus.names());
    }

    @Property(tries = 300)
    void whitespaceAndLineEndingMutationsParseToTheSameModel(@ForAll("corpus") String name, @ForAll Random random)
            throws SdpParseException {
        String original = SdpCorpus.load(name);
        SessionDescription expected = SessionDescription.parse(original);

        String mutated = mutate(original, random);
        SessionDescription parsed = SessionDescription.parse(mutated);

        assertThat(parsed).as("%s mutated:%n%s", name, mutated).isEqualTo(expected);
        assertThat(parsed.toString()).isEqualTo(expected.toString());
    }

    @Property(tries = 300)
    void aParseErrorNamesTheLineAsSentWhateverTheBlankLinesAndEndings(@ForAll("corpus") String name,
            @ForAll Random random) {
        String[] lines = SdpCorpus.load(name).split("\r\n");
        int broken = 1 + random.nextInt(lines.length - 1);
        lines[broken] = "garbage without an equals sign";
        StringBuilder sb = new StringBuilder();
        int brokenLineNumber = 0;
        int lineNumber = 0;
        for (int i = 0; i < lines.length; i++) {
            while (random.nextInt(8) == 0) {
                sb.append(blank(random)).append(ending(random));
                lineNumber++;
            }
            sb.append(lines[i]).append(ending(random));
            lineNumber++;
            if (i == broken) {
                brokenLineNumber = lineNumber;
            }
        }

        try {
            SessionDescription.parse(sb.toString());
            throw new AssertionError("parsed with a broken line");
        } catch (SdpParseException e) {
            assertThat(e.lineNumber()).isEqualTo(brokenLineNumber);
            assertThat(e.line()).isEqualTo("garbage without an equals sign");
        }
    }

    static String mutate(String sdp, Random random) {
        StringBuilder sb = new StringBuilder();
        for (String line : sdp.split("\r\n")) {
            while (random.nextInt(10) == 0) {
                sb.append(random.nextBoolean() ? "" : blank(random)).append(ending(random));
            }
            if (random.nextInt(4) == 0) {
                sb.append(blank(random));
            }
            sb.append(mutateLine(line, random));
            if (random.nextInt(3) == 0) {
                sb.append(blank(random));
            }
            sb.append(ending(random));
        }
        return sb.toString();
    }

    private static String mutateLine(String line, Random random) {
        if (line.isEmpty()) {
            return line;
        }
        char type = line.charAt(0);
        if (type == 'o' || type == 'c' || type == 't' || type == 'm') {
            return line.substring(0, 2) + spread(line.substring(2).trim(), random);
        }
        if (type != 'a') {
            return line;
        }
        String text = line.substring(2);
        int colon = text.indexOf(':');
        String name = colon < 0 ? text.trim() : text.substring(0, colon);
        if (!FIELD_ATTRIBUTES.contains(name)) {
            return line;
        }
        String shownName = random.nextInt(4) == 0 ? name.toUpperCase(Locale.ROOT) : name;
        if (colon < 0) {
            return "a=" + shownName;
        }
        String value = text.substring(colon + 1);
        String before = random.nextInt(4) == 0 ? blank(random) : "";
        String after = random.nextInt(4) == 0 ? blank(random) : "";
        return "a=" + shownName + before + ":" + after + spread(value.trim(), random);
    }

    /** Replaces some single spaces between fields with runs of blanks. */
    private static String spread(String fields, Random random) {
        StringBuilder sb = new StringBuilder();
        for (char c : fields.toCharArray()) {
            sb.append(c == ' ' && random.nextInt(3) == 0 ? blank(random) : String.valueOf(c));
        }
        return sb.toString();
    }

    private static String blank(Random random) {
        return BLANKS[random.nextInt(BLANKS.length)];
    }

    private static String ending(Random random) {
        return random.nextInt(3) == 0 ? "\n" : "\r\n";
    }
}

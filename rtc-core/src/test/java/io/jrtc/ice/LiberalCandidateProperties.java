package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Trickled candidates are read as liberally as SDP attribute lines (issue 9): any rendering of a candidate with
 * stray whitespace, another case, an {@code a=} or {@code candidate:} prefix or neither, and unknown extensions
 * parses to the same candidate as its canonical form, and the canonical form is what we write back.
 */
class LiberalCandidateProperties {
    private static final List<String> PREFIXES = List.of("", "candidate:", "a=candidate:", "A=Candidate:",
            "candidate: ", "a=candidate:  ", "CANDIDATE:", "a= candidate:");
    private static final List<String> GAPS = List.of(" ", "  ", "\t", " \t ", "   ");
    private static final List<String> EXTENSIONS = List.of("generation 0", "ufrag EsAw", "network-id 1",
            "network-cost 10", "x-vendor-thing some/opaque+value", "Generation 2");

    @Provide
    Arbitrary<IceCandidate> candidates() {
        return new IceCandidateProperties().candidates();
    }

    @Property(tries = 1000)
    void anyLiberalRenderingParsesToTheCanonicalCandidate(@ForAll("candidates") IceCandidate c,
            @ForAll long seed) throws Exception {
        String liberal = liberal(c, new Random(seed));

        IceCandidate parsed = IceCandidate.parse(liberal);

        assertThat(parsed).as(liberal).isEqualTo(c);
        assertThat(parsed.toSdpValue()).isEqualTo(c.toSdpValue());
        assertThat(IceCandidate.attributeText(liberal)).startsWith("candidate:").doesNotStartWith("candidate: ");
    }

    @Property(tries = 300)
    void theAttributeTextParsesToTheSameCandidate(@ForAll("candidates") IceCandidate c, @ForAll long seed)
            throws Exception {
        String liberal = liberal(c, new Random(seed));
        assertThat(IceCandidate.parse(IceCandidate.attributeText(liberal))).isEqualTo(c);
    }

    private static String liberal(IceCandidate c, Random r) {
        StringBuilder sb = new StringBuilder();
        sb.append(pick(r, List.of("", " ", "\t")));
        sb.append(pick(r, PREFIXES));
        List<String> fields = new java.util.ArrayList<>(List.of(c.foundation(), Integer.toString(c.component()),
                randomCase(r, c.protocol()), Long.toString(c.priority()), c.address(), Integer.toString(c.port()),
                randomCase(r, "typ"), randomCase(r, c.type().toString())));
        if (c.relatedAddress() != null) {
            fields.add(randomCase(r, "raddr"));
            fields.add(c.relatedAddress());
        }
        if (c.relatedPort() != null) {
            fields.add(randomCase(r, "rport"));
            fields.add(Integer.toString(c.relatedPort()));
        }
        if (c.tcpType() != null) {
            fields.add(randomCase(r, "tcptype"));
            fields.add(randomCase(r, c.tcpType()));
        }
        int extensions = r.nextInt(3);
        for (int i = 0; i < extensions; i++) {
            fields.addAll(List.of(pick(r, EXTENSIONS).split(" ")));
        }
        if (r.nextInt(4) == 0) {
            fields.add("dangling-extension-name");
        }
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : pick(r, GAPS)).append(fields.get(i));
        }
        sb.append(pick(r, List.of("", " ", "\r\n", "\n", " \t")));
        return sb.toString();
    }

    private static String randomCase(Random r, String s) {
        return switch (r.nextInt(3)) {
            case 0 -> s.toLowerCase(Locale.ROOT);
            case 1 -> s.toUpperCase(Locale.ROOT);
            default -> s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
        };
    }

    private static String pick(Random r, List<String> options) {
        return options.get(r.nextInt(options.size()));
    }
}

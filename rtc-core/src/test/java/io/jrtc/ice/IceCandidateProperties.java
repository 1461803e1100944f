package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class IceCandidateProperties {
    private static final String VALID = "candidate:842163049 1 udp 1677729535 203.0.113.7 56143 typ srflx "
            + "raddr 10.0.0.1 rport 5000 generation 0 ufrag sXGE";

    @Property(tries = 500)
    void randomTextOnlyThrowsParseException(@ForAll String text) {
        try {
            IceCandidate.parse(text);
        } catch (IceCandidateParseException expected) {
            // the only exception parse may throw
        }
    }

    @Property(tries = 300)
    void truncatedAndMutatedCandidatesOnlyThrowParseException(@ForAll @IntRange(max = 120) int cut,
            @ForAll @IntRange(max = 120) int at, @ForAll char replacement) {
        char[] chars = VALID.toCharArray();
        chars[at % chars.length] = replacement;
        try {
            IceCandidate.parse(new String(chars, 0, Math.min(cut, chars.length)));
        } catch (IceCandidateParseException expected) {
            // the only exception parse may throw
        }
    }

    @Provide
    Arbitrary<IceCandidate> candidates() {
        Arbitrary<String> foundation = Arbitraries.strings().withChars("abcXYZ019+/").ofMinLength(1).ofMaxLength(32);
        Arbitrary<String> address = Arbitraries.of("192.0.2.1", "2001:db8::7", "abc.local", "10.1.2.3");
        Arbitrary<IceCandidateType> type = Arbitraries.of(IceCandidateType.class);
        Arbitrary<Integer> port = Arbitraries.integers().between(0, 65535);
        Arbitrary<Boolean> related = Arbitraries.of(true, false);
        return Combinators.combine(foundation, Arbitraries.integers().between(1, 256),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL), address, port, type, related,
                Arbitraries.of("udp", "tcp")).as((f, comp, prio, addr, p, t, rel, proto) ->
                new IceCandidate(f, comp, proto, prio, addr, p, t, rel ? "10.0.0.1" : null, rel ? 9 : null,
                        proto.equals("tcp") ? "passive" : null));
    }

    @Property(tries = 300)
    void sdpValueRoundTrips(@ForAll("candidates") IceCandidate c) throws Exception {
        assertThat(IceCandidate.parse(c.toSdpValue())).isEqualTo(c);
        assertThat(IceCandidate.parse(c.toSdpValue().substring("candidate:".length()))).isEqualTo(c);
    }
}

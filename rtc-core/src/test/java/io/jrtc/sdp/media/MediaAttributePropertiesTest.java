package io.jrtc.sdp.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Every media attribute parser fails only with SdpParseException, and what parses or is written parses back equal. */
class MediaAttributePropertiesTest {
    /** Characters that make up these attributes, so generated text often gets deep into each parser. */
    private static final String ATTRIBUTE_CHARS = "0123456789 /;=*:,~-_abcdxyzAPT.\t";

    private interface Parser {
        Object parse(String value) throws SdpParseException;
    }

    private record NamedParser(String name, Parser parser, java.util.function.Function<Object, String> writer) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<NamedParser> PARSERS = List.of(
            new NamedParser("rtpmap", RtpMap::parse, o -> ((RtpMap) o).toValue()),
            new NamedParser("fmtp", Fmtp::parse, o -> ((Fmtp) o).toValue()),
            new NamedParser("rtcp-fb", RtcpFeedback::parse, o -> ((RtcpFeedback) o).toValue()),
            new NamedParser("extmap", ExtMap::parse, o -> ((ExtMap) o).toValue()),
            new NamedParser("ssrc", SsrcAttribute::parse, o -> ((SsrcAttribute) o).toValue()),
            new NamedParser("ssrc-group", SsrcGroup::parse, o -> ((SsrcGroup) o).toValue()),
            new NamedParser("msid", Msid::parse, o -> ((Msid) o).toValue()),
            new NamedParser("rid", Rid::parse, o -> ((Rid) o).toValue()),
            new NamedParser("simulcast", Simulcast::parse, o -> ((Simulcast) o).toValue()),
            new NamedParser("direction", Direction::parse, o -> ((Direction) o).attributeName()));

    @Property(tries = 500)
    void anyTextFailsOnlyWithSdpParseException(@ForAll("parsers") NamedParser parser, @ForAll String text) {
        parseOrReject(parser, text);
        parseOrReject(parser, null);
    }

    @Property(tries = 1000)
    void attributeShapedTextFailsCleanlyOrRoundTrips(@ForAll("parsers") NamedParser parser,
            @ForAll("attributeShaped") String text) {
        parseOrReject(parser, text);
    }

    @Property(tries = 300)
    void truncationsOfRealValuesFailCleanlyOrRoundTrip(@ForAll("realValues") Map.Entry<NamedParser, String> real) {
        String value = real.getValue();
        for (int cut = 0; cut <= value.length(); cut++) {
            parseOrReject(real.getKey(), value.substring(0, cut));
        }
    }

    @Property(tries = 300)
    void writtenSectionsParseBackEqual(@ForAll("sections") RtpMediaSection section) throws SdpParseException {
        MediaDescription written = section.toMediaDescription();
        assertThat(RtpMediaSection.parse(written)).isEqualTo(section);
        String text = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n" + written;
        assertThat(RtpMediaSection.parse(SessionDescription.parse(text).media().get(0))).isEqualTo(section);
    }

    @Property(tries = 500)
    void mutatedRealOffersFailCleanlyOrRoundTrip(@ForAll("offers") String offer,
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll("attributeShaped") String insert,
            @ForAll @IntRange(min = 0, max = 3) int removed) {
        int at = position % offer.length();
        String mutated = offer.substring(0, at) + insert + offer.substring(Math.min(offer.length(), at + removed));
        List<MediaDescription> sections;
        try {
            sections = SessionDescription.parse(mutated).media();
        } catch (SdpParseException notAnSdp) {
            return;
        }
        for (MediaDescription m : sections) {
            RtpMediaSection typed;
            try {
                typed = RtpMediaSection.parse(m);
            } catch (SdpParseException rejected) {
                continue;
            }
            MediaDescription rewritten = m.copy();
            typed.writeTo(rewritten);
            try {
                assertThat(RtpMediaSection.parse(rewritten)).isEqualTo(typed);
            } catch (SdpParseException e) {
                throw new AssertionError("rewritten section does not parse: " + rewritten, e);
            }
        }
    }

    @Provide
    Arbitrary<String> offers() {
        return Arbitraries.of(RtpSdpSamples.CHROMIUM_AUDIO_VIDEO_OFFER, RtpSdpSamples.AIORTC_AUDIO_VIDEO_OFFER);
    }

    private static void parseOrReject(NamedParser parser, String text) {
        Object parsed;
        try {
            parsed = parser.parser().parse(text);
        } catch (SdpParseException expected) {
            return;
        }
        try {
            assertThat(parser.parser().parse(parser.writer().apply(parsed))).isEqualTo(parsed);
        } catch (SdpParseException e) {
            throw new AssertionError(parser + " wrote '" + parser.writer().apply(parsed) + "' that does not parse", e);
        }
    }

    @Provide
    Arbitrary<NamedParser> parsers() {
        return Arbitraries.of(PARSERS);
    }

    @Provide
    Arbitrary<String> attributeShaped() {
        return Arbitraries.strings().withChars(ATTRIBUTE_CHARS).ofMaxLength(40);
    }

    @Provide
    Arbitrary<Map.Entry<NamedParser, String>> realValues() {
        List<String> values = List.of("111 opus/48000/2", "100 level-asymmetry-allowed=1;packetization-mode=1",
                "96 nack pli", "3/recvonly urn:ietf:params:rtp-hdrext:encrypt urn:x", "2001 msid:stream1 track",
                "FID 2001 2002", "stream1 track-audio", "hi send pt=96;max-width=1280", "send hi;mid,~lo recv r",
                "sendonly");
        return Arbitraries.integers().between(0, PARSERS.size() - 1)
                .map(i -> Map.entry(PARSERS.get(i), values.get(i)));
    }

    @Provide
    Arbitrary<RtpMediaSection> sections() {
        Arbitrary<String> kind = Arbitraries.of("audio", "video");
        Arbitrary<String> mid = Arbitraries.strings().withChars("abc019-").ofMinLength(1).ofMaxLength(4)
                .injectNull(0.2);
        Arbitrary<List<RtpCodec>> codecs = codec().list().ofMinSize(1).ofMaxSize(6).map(this::distinctTypes);
        Arbitrary<List<ExtMap>> extensions = Combinators.combine(Arbitraries.integers().between(1, 14),
                Arbitraries.of("urn:ietf:params:rtp-hdrext:sdes:mid", "urn:x:y"),
                Arbitraries.of(Direction.class).injectNull(0.7)).as((id, uri, dir) -> new ExtMap(id, dir, uri, null))
                .list().ofMaxSize(3);
        Arbitrary<Msid> msid = Combinators.combine(Arbitraries.strings().withChars("st-1").ofMinLength(1)
                .ofMaxLength(5), Arbitraries.strings().withChars("tr2").ofMinLength(1).ofMaxLength(5).injectNull(0.3))
                .as(Msid::new);
        Arbitrary<List<RtpSource>> sources = Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), msid.injectNull(0.5))
                .as(RtpSource::new).list().ofMaxSize(3).uniqueElements(RtpSource::ssrc);
        Arbitrary<List<SsrcGroup>> groups = Arbitraries.longs().between(0, 0xFFFF_FFFFL).list().ofMinSize(1)
                .ofMaxSize(3).map(ssrcs -> new SsrcGroup("FID", ssrcs)).list().ofMaxSize(2);
        Arbitrary<Simulcast> simulcast = Arbitraries.of("send a;b", "recv x,~y send z").map(v -> {
            try {
                return Simulcast.parse(v);
            } catch (SdpParseException e) {
                throw new AssertionError(e);
            }
        }).injectNull(0.7);
        return Combinators.combine(kind, mid, Arbitraries.of(Direction.class), codecs, extensions, sources, groups,
                msid.list().ofMaxSize(2)).as((k, m, d, c, e, s, g, ms) -> new Object[] {k, m, d, c, e, s, g, ms})
                .flatMap(p -> Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                        simulcast).as((mux, rsize, sim) -> section(p, mux, rsize, sim)));
    }

    @SuppressWarnings("unchecked")
    private static RtpMediaSection section(Object[] p, boolean mux, boolean rsize, Simulcast simulcast) {
        String kind = (String) p[0];
        List<RtpCodec> codecs = new ArrayList<>();
        for (RtpCodec c : (List<RtpCodec>) p[3]) {
            codecs.add(new RtpCodec(c.payloadType(), kind + "/" + c.encodingName(), c.clockRate(),
                    kind.equals("audio") ? c.channels() : 0, c.parameters(), c.rtcpFeedback()));
        }
        List<Rid> rids = simulcast == null ? List.of() : List.of(new Rid("a", true, "pt=96"));
        return new RtpMediaSection(kind, (String) p[1], (Direction) p[2], codecs, (List<ExtMap>) p[4],
                (List<RtpSource>) p[5], (List<SsrcGroup>) p[6], (List<Msid>) p[7], mux, rsize, rids, simulcast);
    }

    private Arbitrary<RtpCodec> codec() {
        Arbitrary<Map<String, String>> parameters = Combinators.combine(
                Arbitraries.strings().withChars("abc-").ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().withChars("0123456789abcdef/").ofMinLength(1).ofMaxLength(6).injectNull(0.2))
                .as(java.util.AbstractMap.SimpleEntry::new).list().ofMaxSize(3).map(entries -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    entries.forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
                    return map;
                });
        Arbitrary<List<RtcpFeedback.Mechanism>> feedback = Arbitraries.of(new RtcpFeedback.Mechanism("nack", null),
                new RtcpFeedback.Mechanism("nack", "pli"), new RtcpFeedback.Mechanism("ccm", "fir"),
                new RtcpFeedback.Mechanism("transport-cc", null)).list().ofMaxSize(4).uniqueElements();
        return Combinators.combine(Arbitraries.integers().between(0, 127),
                Arbitraries.of("opus", "VP8", "H264", "rtx", "PCMU", "x-Foo.1"),
                Arbitraries.of(8000, 48000, 90000), Arbitraries.integers().between(1, 8), parameters, feedback)
                .as((pt, name, rate, ch, params, fb) -> new RtpCodec(pt, "audio/" + name, rate, ch, params, fb));
    }

    private List<RtpCodec> distinctTypes(List<RtpCodec> codecs) {
        Set<Integer> used = new HashSet<>();
        List<RtpCodec> result = new ArrayList<>();
        for (RtpCodec c : codecs) {
            if (used.add(c.payloadType())) {
                result.add(c);
            }
        }
        return result;
    }
}

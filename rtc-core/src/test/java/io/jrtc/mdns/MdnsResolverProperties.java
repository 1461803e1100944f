package io.jrtc.mdns;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MdnsResolverProperties {
    private static final byte[] CHROMIUM = HexFormat.of().parseHex(DnsMessageTest.CHROMIUM_RESPONSE_HEX);

    @Property(tries = 500)
    void randomDatagramsNeverThrow(@ForAll @Size(max = 200) byte[] data) {
        MdnsResolver resolver = new MdnsResolver();
        resolver.resolve(0, DnsMessageTest.NAME);
        resolver.handleReceive(1, data, 0, data.length);
    }

    @Property(tries = 500)
    void corruptedResponsesNeverThrow(@ForAll @IntRange(min = 0, max = 69) int at, @ForAll byte value,
                                      @ForAll @IntRange(min = 0, max = 70) int length) {
        byte[] copy = CHROMIUM.clone();
        copy[Math.min(at, copy.length - 1)] = value;
        MdnsResolver resolver = new MdnsResolver();
        resolver.resolve(0, DnsMessageTest.NAME);
        resolver.handleReceive(1, copy, 0, Math.min(length, copy.length));
    }
}

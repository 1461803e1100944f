package io.jrtc.mdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsMessageTest {
    static final String NAME = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b.local";
    /** The name on the wire: a 36-octet label, "local", the root. */
    static final String NAME_HEX = "24" + "31663265336434632d356236612d343937382d386139622d306331643265336634613562"
            + "05" + "6c6f63616c" + "00";
    /** The shape of Chromium's answer: response + authoritative, one A record, cache-flush, TTL 120. */
    static final String CHROMIUM_RESPONSE_HEX = "0000" + "8400" + "0000" + "0001" + "0000" + "0000"
            + NAME_HEX + "0001" + "8001" + "00000078" + "0004" + "c6120001";

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void queryEncodesAsRfc6762OneShotQuery() {
        DnsMessage query = DnsMessage.query(List.of(new DnsQuestion(NAME, DnsRecord.TYPE_A, DnsRecord.CLASS_IN)));

        assertThat(HexFormat.of().formatHex(query.encode()))
                .isEqualTo("000000000001000000000000" + NAME_HEX + "0001" + "0001");
    }

    @Test
    void queryRoundTrips() throws Exception {
        byte[] wire = hex("000000000001000000000000" + NAME_HEX + "001c" + "8001");

        DnsMessage parsed = DnsMessage.parse(wire, 0, wire.length);

        assertThat(parsed.isResponse()).isFalse();
        assertThat(parsed.questions()).containsExactly(new DnsQuestion(NAME, DnsRecord.TYPE_AAAA, 0x8001));
        assertThat(parsed.questions().get(0).unicastResponse()).isTrue();
        assertThat(parsed.encode()).isEqualTo(wire);
    }

    @Test
    void chromiumResponseParsesAndRoundTrips() throws Exception {
        byte[] wire = hex(CHROMIUM_RESPONSE_HEX);

        DnsMessage parsed = DnsMessage.parse(wire, 0, wire.length);

        assertThat(parsed.isResponse()).isTrue();
        assertThat(parsed.flags()).isEqualTo(0x8400);
        assertThat(parsed.questions()).isEmpty();
        DnsRecord answer = parsed.answers().get(0);
        assertThat(answer.name()).isEqualTo(NAME);
        assertThat(answer.cacheFlush()).isTrue();
        assertThat(answer.ttl()).isEqualTo(120);
        assertThat(answer.address()).isEqualTo(InetAddress.getByName("198.18.0.1"));
        assertThat(parsed.encode()).isEqualTo(wire);
    }

    @Test
    void compressedNamesAreExpandedFromAnOffsetInsideTheMessage() throws Exception {
        // The additional AAAA record names its owner by a pointer to offset 12, the answer's name.
        byte[] wire = hex("0000" + "8400" + "0000" + "0001" + "0000" + "0001"
                + NAME_HEX + "0001" + "8001" + "00000078" + "0004" + "c6120001"
                + "c00c" + "001c" + "8001" + "00000078" + "0010" + "fe800000000000000000000000000001");

        DnsMessage parsed = DnsMessage.parse(wire, 0, wire.length);

        DnsRecord additional = parsed.additionals().get(0);
        assertThat(additional.name()).isEqualTo(NAME);
        assertThat(additional.address()).isEqualTo(InetAddress.getByName("fe80::1"));
    }

    @Test
    void parsesAtAnOffsetIntoALargerBuffer() throws Exception {
        byte[] wire = hex("ffff" + CHROMIUM_RESPONSE_HEX + "ffff");

        DnsMessage parsed = DnsMessage.parse(wire, 2, wire.length - 4);

        assertThat(parsed.answers()).hasSize(1);
    }

    @Test
    void otherRecordTypesAreKeptAsBytesWithoutAnAddress() throws Exception {
        byte[] wire = hex("0000840000000001000000000000" + "10" + "0001" + "00000078" + "0003" + "024869");

        DnsRecord txt = DnsMessage.parse(wire, 0, wire.length).answers().get(0);

        assertThat(txt.name()).isEmpty();
        assertThat(txt.type()).isEqualTo(16);
        assertThat(txt.rdata()).containsExactly(2, 'H', 'i');
        assertThat(txt.address()).isNull();
    }

    @Test
    void aPointerThatLoopsIsRejected() {
        byte[] selfPointer = hex("000084000000000100000000" + "c00c" + "00010001000000780004c6120001");
        byte[] forward = hex("000084000000000100000000" + "c00e" + "00" + "00010001000000780004c6120001");

        assertThatThrownBy(() -> DnsMessage.parse(selfPointer, 0, selfPointer.length))
                .isInstanceOf(DnsParseException.class);
        assertThatThrownBy(() -> DnsMessage.parse(forward, 0, forward.length))
                .isInstanceOf(DnsParseException.class);
    }

    @Test
    void aNameLongerThan255OctetsIsRejected() {
        StringBuilder hexName = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            hexName.append("3f").append("61".repeat(63));
        }
        byte[] wire = hex("000084000000000100000000" + hexName + "00" + "00010001000000780004c6120001");

        assertThatThrownBy(() -> DnsMessage.parse(wire, 0, wire.length)).isInstanceOf(DnsParseException.class)
                .hasMessageContaining("255");
    }

    @Test
    void truncatedMessagesAndImpossibleCountsAreRejected() {
        byte[] wire = hex(CHROMIUM_RESPONSE_HEX);
        byte[] manyAnswers = hex("00008400" + "0000" + "ffff" + "0000" + "0000" + "00");

        assertThatThrownBy(() -> DnsMessage.parse(wire, 0, wire.length - 1)).isInstanceOf(DnsParseException.class);
        assertThatThrownBy(() -> DnsMessage.parse(wire, 0, 11)).isInstanceOf(DnsParseException.class);
        assertThatThrownBy(() -> DnsMessage.parse(manyAnswers, 0, manyAnswers.length))
                .isInstanceOf(DnsParseException.class);
    }

    @Test
    void encodingRefusesLabelsDnsCannotCarry() {
        DnsMessage longLabel = DnsMessage.query(List.of(new DnsQuestion("a".repeat(64) + ".local", 1, 1)));
        DnsMessage emptyLabel = DnsMessage.query(List.of(new DnsQuestion("a..local", 1, 1)));

        assertThatThrownBy(longLabel::encode).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(emptyLabel::encode).isInstanceOf(IllegalArgumentException.class);
    }
}

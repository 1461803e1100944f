package io.jrtc.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DcepWireTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    @Test
    void reliableOpenAsBrowsersSendIt() throws Exception {
        // type 03, channel type 00, priority 0x0100, reliability 0, label length 4, protocol length 0, "chat"
        byte[] wire = hex("03 00 0100 00000000 0004 0000 63686174");
        DcepOpen open = new DcepOpen(DcepChannelType.RELIABLE, 256, 0, "chat", "");

        assertThat(DcepMessage.parse(wire)).isEqualTo(open);
        assertThat(open.encode()).isEqualTo(wire);
    }

    @ParameterizedTest
    @CsvSource({
            "RELIABLE,                          00, 0",
            "RELIABLE_UNORDERED,                80, 0",
            "PARTIAL_RELIABLE_REXMIT,           01, 3",
            "PARTIAL_RELIABLE_REXMIT_UNORDERED, 81, 0",
            "PARTIAL_RELIABLE_TIMED,            02, 1500",
            "PARTIAL_RELIABLE_TIMED_UNORDERED,  82, 4294967295"})
    void everyChannelTypeWithItsReliabilityParameter(DcepChannelType type, String code, long parameter)
            throws Exception {
        byte[] wire = hex("03" + code + "0200" + String.format("%08x", parameter) + "0001 0003 6c 707274");
        DcepOpen open = new DcepOpen(type, 512, parameter, "l", "prt");

        assertThat(DcepOpen.parse(wire)).isEqualTo(open);
        assertThat(open.encode()).isEqualTo(wire);
        assertThat(type.code()).isEqualTo(Integer.parseInt(code, 16));
        assertThat(DcepChannelType.fromCode(type.code())).isEqualTo(type);
    }

    @Test
    void labelAndProtocolAreUtf8() throws Exception {
        // "é" is C3 A9; U+1F680 is F0 9F 9A 80
        byte[] wire = hex("03 00 0100 00000000 0002 0004 c3a9 f09f9a80");
        DcepOpen open = new DcepOpen(DcepChannelType.RELIABLE, 256, 0, "é", "\uD83D\uDE80");

        assertThat(DcepOpen.parse(wire)).isEqualTo(open);
        assertThat(open.encode()).isEqualTo(wire);
    }

    @Test
    void ack() throws Exception {
        assertThat(DcepMessage.parse(hex("02"))).isEqualTo(DcepAck.INSTANCE);
        assertThat(DcepAck.INSTANCE.encode()).isEqualTo(hex("02"));
    }

    @ParameterizedTest
    @CsvSource({
            "'',                                      empty",
            "07,                                      unknown DCEP message type",
            "0200,                                    exactly one byte",
            "03 00 0100 00000000 0004,                12-byte header",
            "03 03 0100 00000000 0000 0000,           unknown channel type",
            "03 00 0100 00000000 0004 0000 636861,    does not match",
            "03 00 0100 00000000 0001 0000 636861,    does not match",
            "03 00 0100 00000000 0001 0000 ff,        label is not valid UTF-8",
            "03 00 0100 00000000 0000 0002 c328,      protocol is not valid UTF-8"})
    void rejectsMalformedMessages(String wire, String reason) {
        assertThatThrownBy(() -> DcepMessage.parse(hex(wire))).isInstanceOf(DcepParseException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refusesValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new DcepOpen(DcepChannelType.RELIABLE, 65536, 0, "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DcepOpen(DcepChannelType.RELIABLE, 0, 1L << 32, "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DcepOpen(DcepChannelType.RELIABLE, 0, 0, "x".repeat(65536), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DcepOpen(DcepChannelType.RELIABLE, 0, 0, "\uD800", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelTypeFromW3cSettings() {
        assertThat(DcepChannelType.of(true, null, null)).isEqualTo(DcepChannelType.RELIABLE);
        assertThat(DcepChannelType.of(false, null, null)).isEqualTo(DcepChannelType.RELIABLE_UNORDERED);
        assertThat(DcepChannelType.of(true, 2, null)).isEqualTo(DcepChannelType.PARTIAL_RELIABLE_REXMIT);
        assertThat(DcepChannelType.of(false, 0, null)).isEqualTo(DcepChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED);
        assertThat(DcepChannelType.of(true, null, 100)).isEqualTo(DcepChannelType.PARTIAL_RELIABLE_TIMED);
        assertThat(DcepChannelType.of(false, null, 100))
                .isEqualTo(DcepChannelType.PARTIAL_RELIABLE_TIMED_UNORDERED);
        assertThat(DcepChannelType.fromCode(0x03)).isNull();
    }
}

package io.jrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** ChannelData (RFC 8656 §12.4) against byte literals. */
class ChannelDataTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s+", ""));
    }

    @Test
    void encodesWithoutPaddingAndParsesBack() throws Exception {
        byte[] wire = hex("4001 0003 616263");
        ChannelData cd = new ChannelData(0x4001, hex("616263"));

        assertThat(cd.encode()).isEqualTo(wire);
        assertThat(ChannelData.parse(wire, 0, wire.length)).isEqualTo(cd);
        assertThat(ChannelData.encode(0x4FFF, hex("ff616263ff"), 1, 3)).isEqualTo(hex("4fff 0003 616263"));
    }

    @Test
    void acceptsPaddingToFourBytesAndEmptyData() throws Exception {
        byte[] padded = hex("4000 0003 616263 00");
        assertThat(ChannelData.parse(padded, 0, padded.length)).isEqualTo(new ChannelData(0x4000, hex("616263")));
        byte[] empty = hex("4000 0000");
        assertThat(ChannelData.parse(empty, 0, empty.length).data()).isEmpty();
    }

    @Test
    void rejectsShortLongAndOutOfRange() {
        assertThatThrownBy(() -> ChannelData.parse(hex("4000 0004 616263"), 0, 7))
                .isInstanceOf(TurnParseException.class);
        assertThatThrownBy(() -> ChannelData.parse(hex("4000 0000 00000000"), 0, 8))
                .isInstanceOf(TurnParseException.class);
        assertThatThrownBy(() -> ChannelData.parse(hex("5000 0000"), 0, 4)).isInstanceOf(TurnParseException.class);
        assertThatThrownBy(() -> ChannelData.parse(hex("4000 00"), 0, 3)).isInstanceOf(TurnParseException.class);
        assertThatThrownBy(() -> new ChannelData(0x3FFF, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void demultiplexesOnTheFirstByte() {
        assertThat(ChannelData.isChannelData(hex("4000 0000"), 0, 4)).isTrue();
        assertThat(ChannelData.isChannelData(hex("4f00 0000"), 0, 4)).isTrue();
        assertThat(ChannelData.isChannelData(hex("0001 0000"), 0, 4)).as("STUN").isFalse();
        assertThat(ChannelData.isChannelData(hex("1600 0000"), 0, 4)).as("DTLS").isFalse();
        assertThat(ChannelData.isChannelData(hex("8000 0000"), 0, 4)).as("RTP").isFalse();
        assertThat(ChannelData.isChannelData(hex("4000 00"), 0, 3)).as("short").isFalse();
    }
}

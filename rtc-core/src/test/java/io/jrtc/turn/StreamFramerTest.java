package io.jrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8656 §3.1 and §12.5 framing on a stream, on byte literals. */
class StreamFramerTest {
    private static final HexFormat HEX = HexFormat.of();
    /** A Binding request with no attributes: type 0x0001, length 0, magic cookie, transaction id 1..12. */
    private static final byte[] BINDING = HEX.parseHex("000100002112a442" + "0102030405060708090a0b0c");
    /** ChannelData on 0x4001 with three data bytes, then one byte of padding on the stream. */
    private static final byte[] CHANNEL_DATA = HEX.parseHex("40010003aabbcc");
    private static final byte[] CHANNEL_DATA_PADDED = HEX.parseHex("40010003aabbcc00");

    @Test
    void splitsAStunMessageAndPaddedChannelDataFedByteByByte() throws Exception {
        StreamFramer framer = new StreamFramer();
        byte[] stream = concat(BINDING, CHANNEL_DATA_PADDED, BINDING);
        List<byte[]> frames = new java.util.ArrayList<>();
        for (byte b : stream) {
            framer.feed(new byte[] {b}, 0, 1);
            for (byte[] f = framer.next(); f != null; f = framer.next()) {
                frames.add(f);
            }
        }
        assertThat(frames).containsExactly(BINDING, CHANNEL_DATA, BINDING);
        assertThat(framer.buffered()).isZero();
        assertThat(StunMessage.parse(frames.get(0), 0, frames.get(0).length).method()).isEqualTo(StunMethod.BINDING);
    }

    @Test
    void waitsForTheChannelDataPaddingBeforeYieldingIt() throws Exception {
        StreamFramer framer = new StreamFramer();
        framer.feed(CHANNEL_DATA, 0, CHANNEL_DATA.length);
        assertThat(framer.next()).isNull();
        framer.feed(new byte[1], 0, 1);
        assertThat(framer.next()).isEqualTo(CHANNEL_DATA);
    }

    @Test
    void padsOutgoingChannelDataAndLeavesStunAlone() {
        assertThat(StreamFramer.toStream(CHANNEL_DATA)).isEqualTo(CHANNEL_DATA_PADDED);
        assertThat(StreamFramer.toStream(BINDING)).isSameAs(BINDING);
        byte[] aligned = HEX.parseHex("4ffe0004deadbeef");
        assertThat(StreamFramer.toStream(aligned)).isSameAs(aligned);
        byte[] request = new StunMessage(StunMethod.ALLOCATE, StunClass.REQUEST, new byte[12], List.of()).encode();
        assertThat(StreamFramer.toStream(request)).isSameAs(request);
    }

    @Test
    void aDesynchronisedStreamIsReportedAndStaysSo() throws Exception {
        StreamFramer framer = new StreamFramer();
        // A TLS alert record, as a TLS listener answers a client that speaks plain TURN to it.
        byte[] tlsAlert = HEX.parseHex("15030300020228");
        framer.feed(BINDING, 0, BINDING.length);
        framer.feed(tlsAlert, 0, tlsAlert.length);
        assertThat(framer.next()).isEqualTo(BINDING);
        assertThatThrownBy(framer::next).isInstanceOf(TurnParseException.class).hasMessageContaining("desynchronised");
        assertThat(framer.isDesynchronised()).isTrue();
        framer.feed(BINDING, 0, BINDING.length);
        assertThatThrownBy(framer::next).isInstanceOf(TurnParseException.class);
    }

    @Test
    void aStunHeaderWithoutTheMagicCookieOrWithAnUnalignedLengthDesynchronises() {
        StreamFramer noCookie = new StreamFramer();
        byte[] bad = HEX.parseHex("000100002112a443" + "0102030405060708090a0b0c");
        noCookie.feed(bad, 0, bad.length);
        assertThatThrownBy(noCookie::next).isInstanceOf(TurnParseException.class).hasMessageContaining("cookie");
        StreamFramer unaligned = new StreamFramer();
        byte[] odd = HEX.parseHex("000100052112a442");
        unaligned.feed(odd, 0, odd.length);
        assertThatThrownBy(unaligned::next).isInstanceOf(TurnParseException.class);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

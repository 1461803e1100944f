package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.media.ColorSpace;
import io.jrtc.media.HdrMetadata;
import org.junit.jupiter.api.Test;

/** The colour-space element of libwebrtc's docs (rtp-hdrext/color-space), on byte literals. */
class ColorSpaceExtensionTest {

    @Test
    void bt709LimitedRangeWithoutHdrIsFourBytes() throws Exception {
        byte[] value = Hex.bytes("01 01 01 | 10");
        ColorSpace parsed = ColorSpaceExtension.parse(value, 0, value.length);
        assertThat(parsed).isEqualTo(ColorSpace.BT709_LIMITED);
        assertThat(ColorSpaceExtension.toBytes(parsed)).isEqualTo(value);
    }

    @Test
    void rangeAndChromaSitingShareTheFourthByte() throws Exception {
        // full range (2 << 4), horizontal siting co-located (1 << 2), vertical half (2)
        byte[] value = Hex.bytes("06 06 06 | 26");
        ColorSpace parsed = ColorSpaceExtension.parse(value, 0, value.length);
        assertThat(parsed.range()).isEqualTo(ColorSpace.Range.FULL);
        assertThat(parsed.horizontalSiting()).isEqualTo(ColorSpace.SITING_COLLOCATED);
        assertThat(parsed.verticalSiting()).isEqualTo(ColorSpace.SITING_HALF);
        assertThat(parsed.isFullRange()).isTrue();
        assertThat(parsed.isBt709()).isFalse();
        assertThat(ColorSpaceExtension.toBytes(parsed)).isEqualTo(value);
    }

    @Test
    void hdrMetadataFollowsAsTwelveBigEndianShorts() throws Exception {
        // BT.2020 PQ: 1000 nits max, 0.005 nit min, the BT.2020 primaries and D65 in 1/50000, MaxCLL 1000, MaxFALL 400
        byte[] value = Hex.bytes("09 10 09 10 | 03e8 0032 | 8a48 3908 2134 9baa 1996 08fc 3d13 4042 | 03e8 0190");
        ColorSpace parsed = ColorSpaceExtension.parse(value, 0, value.length);
        assertThat(parsed.hdr()).isEqualTo(new HdrMetadata(1000, 50, 35400, 14600, 8500, 39850, 6550, 2300, 15635,
                16450, 1000, 400));
        assertThat(ColorSpaceExtension.toBytes(parsed)).isEqualTo(value);
    }

    @Test
    void readsTheElementOutOfAPacketHeader() throws Exception {
        RtpHeaderWriter writer = new RtpHeaderWriter().payloadType(96).marker(true);
        ColorSpaceExtension.write(writer, 9, ColorSpace.BT601_FULL);
        byte[] packet = new byte[64];
        int length = writer.write(packet, 0, new byte[] {1, 2, 3}, 0, 3, 0);
        RtpHeader header = RtpHeader.parse(packet, 0, length);
        assertThat(ColorSpaceExtension.read(header, 9)).isEqualTo(ColorSpace.BT601_FULL);
        assertThat(ColorSpaceExtension.read(header, 10)).isNull();
    }

    @Test
    void malformedElementsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ColorSpaceExtension.parse(Hex.bytes("010101"), 0, 3))
                .isInstanceOf(RtpParseException.class).hasMessageContaining("4 or 28 bytes, not 3");
        assertThatThrownBy(() -> ColorSpaceExtension.parse(Hex.bytes("03010110"), 0, 4))
                .isInstanceOf(RtpParseException.class).hasMessageContaining("primaries 3 is not");
        assertThatThrownBy(() -> ColorSpaceExtension.parse(Hex.bytes("01010310"), 0, 4))
                .isInstanceOf(RtpParseException.class).hasMessageContaining("matrix coefficients 3 is not");
        assertThatThrownBy(() -> ColorSpaceExtension.parse(Hex.bytes("01010150"), 0, 4))
                .isInstanceOf(RtpParseException.class).hasMessageContaining("top two bits");
        assertThatThrownBy(() -> ColorSpaceExtension.parse(Hex.bytes("0101011c"), 0, 4))
                .isInstanceOf(RtpParseException.class).hasMessageContaining("siting 3");
        byte[] redXAboveOne = Hex.bytes("09100910 03e8 0032 ffff 3908 2134 9baa 1996 08fc 3d13 4042 03e8 0190");
        assertThatThrownBy(() -> ColorSpaceExtension.parse(redXAboveOne, 0, redXAboveOne.length))
                .isInstanceOf(RtpParseException.class).hasMessageContaining("at most 1.0");
        assertThatThrownBy(() -> ColorSpaceExtension.parse(new byte[4], 2, 4))
                .isInstanceOf(RtpParseException.class).hasMessageContaining("outside the buffer");
    }
}

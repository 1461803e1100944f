package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** ISO/IEC 14496-15 avcC records and length-prefixed samples into Annex B access units. */
class AvcToAnnexBTest {
    private static final HexFormat HEX = HexFormat.of();
    // version 1, profile 42, compat e0, level 1e, 4-byte lengths (ff), one SPS (e1) of 4 bytes, one PPS of 2
    private static final byte[] AVCC = HEX.parseHex("0142e01effe1000467420a1e01000268ce");

    @Test
    void aKeyframeGetsTheParameterSetsAndStartCodes() throws Exception {
        AvcToAnnexB converter = AvcToAnnexB.fromExtradata(AVCC);
        byte[] idr = HEX.parseHex("0000000365888400000002" + "0601");
        assertThat(HEX.formatHex(converter.accessUnit(idr, true)))
                .isEqualTo("0000000167420a1e" + "0000000168ce" + "00000001658884" + "000000010601");
        assertThat(HEX.formatHex(converter.accessUnit(HEX.parseHex("00000002419a"), false)))
                .isEqualTo("00000001419a");
    }

    @Test
    void aKeyframeCarryingItsOwnSpsIsLeftAsItIs() throws Exception {
        AvcToAnnexB converter = AvcToAnnexB.fromExtradata(AVCC);
        byte[] sample = HEX.parseHex("0000000267aa" + "0000000165");
        assertThat(HEX.formatHex(converter.accessUnit(sample, true))).isEqualTo("0000000167aa0000000165");
    }

    @Test
    void annexBExtradataMeansSamplesPassThrough() throws Exception {
        AvcToAnnexB converter = AvcToAnnexB.fromExtradata(HEX.parseHex("0000000167420a1e0000000168ce"));
        assertThat(converter.lengthPrefixed()).isFalse();
        byte[] unit = HEX.parseHex("00000001419a");
        assertThat(converter.accessUnit(unit, false)).isEqualTo(unit);
    }

    @Test
    void lengthsPastTheSampleAndCutRecordsAreFormatErrors() throws Exception {
        AvcToAnnexB converter = AvcToAnnexB.fromExtradata(AVCC);
        assertThatThrownBy(() -> converter.accessUnit(HEX.parseHex("ffffffff65"), false))
                .isInstanceOf(MediaFileFormatException.class);
        assertThatThrownBy(() -> converter.accessUnit(HEX.parseHex("000000"), false))
                .isInstanceOf(MediaFileFormatException.class);
        assertThatThrownBy(() -> AvcToAnnexB.fromExtradata(HEX.parseHex("0142e01effe10009")))
                .isInstanceOf(MediaFileFormatException.class);
    }
}

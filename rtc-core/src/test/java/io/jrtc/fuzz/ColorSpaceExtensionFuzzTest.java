package io.jrtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.media.ColorSpace;
import io.jrtc.rtp.ColorSpaceExtension;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpParseException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The colour-space header extension (libwebrtc's rtp-hdrext/color-space) from arbitrary bytes, as an element value
 * and inside an RTP packet under every id: only {@link RtpParseException} may leave the parser, and what parses
 * writes back to the same bytes.
 */
class ColorSpaceExtensionFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void element(byte[] input) throws Exception {
        InputBudget.within(() -> {
            elementValue(input);
            RtpHeader packet;
            try {
                packet = RtpHeader.parse(input, 0, input.length);
            } catch (RtpParseException notRtp) {
                return;
            }
            for (int id = 1; id < 256; id++) {
                try {
                    ColorSpaceExtension.read(packet, id);
                } catch (RtpParseException expected) {
                    // a malformed element: the one acceptable failure
                }
            }
        });
    }

    private static void elementValue(byte[] input) {
        ColorSpace parsed;
        try {
            parsed = ColorSpaceExtension.parse(input, 0, input.length);
        } catch (RtpParseException expected) {
            return;
        }
        byte[] written = ColorSpaceExtension.toBytes(parsed);
        if (!Arrays.equals(written, input)) {
            throw new AssertionError(HexFormat.of().formatHex(input) + " parsed as " + parsed + " but wrote "
                    + HexFormat.of().formatHex(written));
        }
    }
}

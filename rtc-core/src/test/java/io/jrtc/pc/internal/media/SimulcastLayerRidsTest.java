package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpHeaderWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rid each simulcast SSRC sent under (RFC 8852 §3.1), which its inbound-rtp stats report. */
class SimulcastLayerRidsTest {
    private static final int RID_EXTENSION = 10;
    private static final int REPAIRED_RID_EXTENSION = 11;

    @Test
    void anSsrcKeepsTheRidItFirstNamedAndAnUnknownSsrcHasNone() throws Exception {
        SimulcastLayers layers = new SimulcastLayers(List.of("q", "h", "f"), RID_EXTENSION, REPAIRED_RID_EXTENSION);
        assertThat(layers.layerOf(packet(0x1111, "h"), false)).isEqualTo(1);
        assertThat(layers.layerOf(packet(0x2222, "f"), false)).isEqualTo(2);

        assertThat(layers.ridOf(0x1111)).isEqualTo("h");
        assertThat(layers.ridOf(0x2222)).isEqualTo("f");
        assertThat(layers.ridOf(0x3333)).isNull();
    }

    private static RtpHeader packet(int ssrc, String rid) throws Exception {
        byte[] value = rid.getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[100];
        int length = new RtpHeaderWriter().reset().payloadType(96).ssrc(ssrc)
                .addExtension(RID_EXTENSION, value, 0, value.length).write(buffer, 0, new byte[] {1}, 0, 1, 0);
        return RtpHeader.parse(buffer, 0, length);
    }
}

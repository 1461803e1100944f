package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.pc.RTCCodecStats;
import io.jrtc.pc.RTCStats;
import io.jrtc.sdp.media.RtpCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** W3C codec stats: one per payload type, transport and direction, with the fmtp parameters as SDP writes them. */
class CodecStatsTest {
    @Test
    void opusHasItsChannelsAndFmtpLineAndTheDirectionInItsId() {
        Map<String, String> fmtp = new LinkedHashMap<>();
        fmtp.put("minptime", "10");
        fmtp.put("useinbandfec", "1");
        RtpCodec opus = new RtpCodec(111, "audio/opus", 48_000, 2, fmtp, List.of());
        List<RTCStats> stats = new ArrayList<>();

        assertThat(CodecStats.add(stats, 1.0, "T01", opus, true)).isEqualTo("CIT01_111");
        assertThat(CodecStats.add(stats, 1.0, "T01", opus, false)).isEqualTo("COT01_111");
        RTCCodecStats codec = (RTCCodecStats) stats.get(0);
        assertThat(codec.getType()).isEqualTo("codec");
        assertThat(codec.getPayloadType()).isEqualTo(111);
        assertThat(codec.getMimeType()).isEqualTo("audio/opus");
        assertThat(codec.getClockRate()).isEqualTo(48_000);
        assertThat(codec.getChannels()).isEqualTo(2);
        assertThat(codec.getSdpFmtpLine()).isEqualTo("minptime=10;useinbandfec=1");
        assertThat(codec.getTransportId()).isEqualTo("T01");
    }

    @Test
    void videoWithoutParametersHasNeitherChannelsNorFmtpLine() {
        List<RTCStats> stats = new ArrayList<>();
        CodecStats.add(stats, 1.0, "T01", new RtpCodec(96, "video/VP8", 90_000, 0, Map.of(), List.of()), true);
        assertThat(stats.get(0).toMap()).doesNotContainKeys("channels", "sdpFmtpLine");
    }
}

package io.jrtc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** RFC 7587: one Opus packet per payload, marker on talkspurt starts, 48 kHz timestamps. */
class OpusPayloadFormatTest {
    @Test
    void markerOnlyOnTheFirstPacketAfterDtx() {
        OpusPacketizer packetizer = new OpusPacketizer();
        byte[] audio = {0x78, 1, 2, 3, 4};
        byte[] dtx = {0x78};
        assertThat(packetizer.packetize(audio, 0, audio.length).marker()).isFalse();
        assertThat(packetizer.packetize(audio, 0, audio.length).marker()).isFalse();
        assertThat(packetizer.packetize(dtx, 0, dtx.length).marker()).isFalse();
        assertThat(packetizer.packetize(dtx, 0, dtx.length).marker()).isFalse();
        RtpPayload resumed = packetizer.packetize(audio, 1, 3);
        assertThat(resumed.marker()).isTrue();
        assertThat(resumed.data()).containsExactly(1, 2, 3);
        assertThat(packetizer.packetize(audio, 0, audio.length).marker()).isFalse();
    }

    @Test
    void eachPayloadIsOneFrame() {
        FrameAssembler assembler = new FrameAssembler(new OpusPayloadFormat());
        assembler.receive(0, 100, 960, true, new byte[] {0x78, 9}, 0, 2);
        assembler.receive(0, 101, 1920, false, new byte[] {0x78, 8, 7}, 0, 3);
        MediaFrame first = assembler.poll();
        MediaFrame second = assembler.poll();
        assertThat(first.data()).containsExactly(0x78, 9);
        assertThat(first.rtpTimestamp()).isEqualTo(960);
        assertThat(second.data()).containsExactly(0x78, 8, 7);
        assertThat(second.firstSequenceNumber()).isEqualTo(second.lastSequenceNumber()).isEqualTo(101);
        assertThat(assembler.poll()).isNull();
    }

    @Test
    void samplesFollowTheTocByte() throws Exception {
        // config 1 (SILK NB 20 ms), code 0: one frame of 960 samples at 48 kHz
        assertThat(OpusPayloadFormat.samplesAt48kHz(new byte[] {0x08}, 0, 1)).isEqualTo(960);
        // config 15 (hybrid FB 20 ms), code 1: two frames
        assertThat(OpusPayloadFormat.samplesAt48kHz(new byte[] {0x79}, 0, 1)).isEqualTo(1920);
        // config 31 (CELT FB 20 ms) code 3 with M=3 frames in the count byte (v=0 p=0 M=000011)
        assertThat(OpusPayloadFormat.samplesAt48kHz(new byte[] {(byte) 0xFB, 0x03}, 0, 2)).isEqualTo(2880);
        // config 16 (CELT NB 2.5 ms): 120 samples
        assertThat(OpusPayloadFormat.samplesAt48kHz(new byte[] {(byte) 0x80}, 0, 1)).isEqualTo(120);
        assertThatThrownBy(() -> OpusPayloadFormat.samplesAt48kHz(new byte[] {(byte) 0xFB}, 0, 1))
                .isInstanceOf(CodecParseException.class);
        // config 3 (SILK 60 ms) code 3 with 3 frames = 180 ms: over the 120 ms limit of RFC 6716 §3.2.5
        assertThatThrownBy(() -> OpusPayloadFormat.samplesAt48kHz(new byte[] {0x1B, 0x03}, 0, 2))
                .isInstanceOf(CodecParseException.class);
        assertThat(OpusPayloadFormat.CLOCK_RATE).isEqualTo(48_000);
    }
}

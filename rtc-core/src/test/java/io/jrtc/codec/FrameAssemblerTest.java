package io.jrtc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ordering, loss handling, NACK lists and bounds of the {@link FrameAssembler}, with VP8 and Opus payloads. */
class FrameAssemblerTest {
    private static final byte[] DELTA_START = {0x10, 0x01, 'a'};   // S=1 PID=0, payload header P=1
    private static final byte[] KEY_START = {0x10, 0x00, 'k'};     // S=1 PID=0, P=0
    private static final byte[] MIDDLE = {0x00, 'm'};              // S=0
    private static final long MILLIS_10 = 10_000_000L;
    private static final long MILLIS_100 = 100_000_000L;
    private final FrameAssembler assembler = new FrameAssembler(new Vp8PayloadFormat(), 64, 16);

    private void receive(int seq, int ts, boolean marker, byte[] payload) {
        assembler.receive(0, seq, ts, marker, payload, 0, payload.length);
    }

    private List<MediaFrame> drain() {
        List<MediaFrame> out = new ArrayList<>();
        for (MediaFrame f = assembler.poll(); f != null; f = assembler.poll()) {
            out.add(f);
        }
        return out;
    }

    @Test
    void framesComeOutInOrderAcrossTheSequenceNumberWrap() {
        receive(65535, 1, false, KEY_START);
        receive(1, 2, true, DELTA_START);
        assertThat(drain()).isEmpty();
        assertThat(assembler.missingSequenceNumbers()).containsExactly(0);
        receive(0, 1, true, MIDDLE);
        List<MediaFrame> frames = drain();
        assertThat(frames).extracting(MediaFrame::rtpTimestamp).containsExactly(1, 2);
        assertThat(frames.get(0).keyframe()).isTrue();
        assertThat(frames.get(0).data()).containsExactly(0x00, 'k', 'm');
        assertThat(frames.get(0).firstSequenceNumber()).isEqualTo(65535);
        assertThat(frames.get(1).firstSequenceNumber()).isEqualTo(65537);
        assertThat(frames.get(1).keyframe()).isFalse();
        assertThat(assembler.missingSequenceNumbers()).isEmpty();
    }

    @Test
    void missingSequenceNumbersListTheHolesForNack() {
        receive(10, 1, false, KEY_START);
        receive(13, 1, false, MIDDLE);
        receive(15, 1, true, MIDDLE);
        assertThat(assembler.missingSequenceNumbers()).containsExactly(11, 12, 14);
        receive(12, 1, false, MIDDLE);
        assertThat(assembler.missingSequenceNumbers()).containsExactly(11, 14);
    }

    @Test
    void aNewerCompleteKeyframeEndsTheWaitForAnOlderFrame() {
        receive(10, 1, false, DELTA_START);
        receive(12, 1, true, MIDDLE);          // 11 lost
        receive(13, 2, true, DELTA_START);     // complete, but behind the incomplete frame
        assertThat(drain()).isEmpty();
        receive(14, 3, true, KEY_START);
        assertThat(drain()).extracting(MediaFrame::rtpTimestamp).containsExactly(2, 3);
        assertThat(assembler.droppedFrames()).isEqualTo(1);
        receive(11, 1, false, MIDDLE);
        assertThat(assembler.latePackets()).isEqualTo(1);
        assertThat(drain()).isEmpty();
    }

    @Test
    void theHeadFrameIsGivenUpAfterMaxWaitPackets() {
        receive(0, 0, false, DELTA_START);     // 1 lost
        receive(2, 0, true, MIDDLE);
        int seq = 3;
        for (; seq <= 16; seq++) {
            receive(seq, seq, true, DELTA_START);
        }
        assertThat(drain()).isEmpty();
        receive(seq, seq, true, DELTA_START);  // now 16 past the hole at 1
        assertThat(drain()).hasSize(15).extracting(MediaFrame::rtpTimestamp).startsWith(3).endsWith(17);
        assertThat(assembler.droppedFrames()).isEqualTo(1);
    }

    @Test
    void aBurstOfLaterPacketsDoesNotGiveUpAFrameBeforeItsWaitInTime() {
        FrameAssembler timed = new FrameAssembler(new Vp8PayloadFormat(), 64, 16, MILLIS_100);
        timed.receive(0, 0, 0, false, DELTA_START, 0, DELTA_START.length);   // 1 lost, noticed at 10 ms
        timed.receive(MILLIS_10, 2, 0, true, MIDDLE, 0, MIDDLE.length);
        for (int seq = 3; seq <= 30; seq++) {                                 // a starved reader's backlog
            timed.receive(MILLIS_10, seq, seq, true, DELTA_START, 0, DELTA_START.length);
        }
        assertThat(timed.poll()).as("28 packets past the hole, but no time").isNull();

        timed.receive(109_999_999L, 31, 31, true, DELTA_START, 0, DELTA_START.length);
        assertThat(timed.poll()).isNull();
        timed.receive(110_000_010L, 32, 32, true, DELTA_START, 0, DELTA_START.length);

        assertThat(timed.poll().rtpTimestamp()).isEqualTo(3);
        assertThat(timed.droppedFrames()).isEqualTo(1);
    }

    @Test
    void aRetransmissionThatComesWithinTheWaitCompletesTheFrame() {
        FrameAssembler timed = new FrameAssembler(new Vp8PayloadFormat(), 64, 16, MILLIS_100);
        timed.receive(0, 0, 0, false, DELTA_START, 0, DELTA_START.length);
        timed.receive(0, 2, 0, true, MIDDLE, 0, MIDDLE.length);
        for (int seq = 3; seq <= 30; seq++) {
            timed.receive(1_000_000L, seq, seq, true, DELTA_START, 0, DELTA_START.length);
        }
        timed.receive(90_000_000L, 1, 0, false, MIDDLE, 0, MIDDLE.length);

        List<MediaFrame> frames = new ArrayList<>();
        for (MediaFrame f = timed.poll(); f != null; f = timed.poll()) {
            frames.add(f);
        }
        assertThat(frames).hasSize(29).first().extracting(MediaFrame::rtpTimestamp).isEqualTo(0);
        assertThat(timed.droppedFrames()).isZero();
    }

    @Test
    void timeAloneDoesNotGiveUpAFrameOfASlowStream() {
        FrameAssembler timed = new FrameAssembler(new Vp8PayloadFormat(), 64, 16, MILLIS_100);
        timed.receive(0, 0, 0, false, DELTA_START, 0, DELTA_START.length);
        timed.receive(0, 2, 0, true, MIDDLE, 0, MIDDLE.length);
        for (int seq = 3; seq < 17; seq++) {                                  // 14 packets over 14 s
            timed.receive(seq * 1_000_000_000L, seq, seq, true, DELTA_START, 0, DELTA_START.length);
        }
        assertThat(timed.poll()).isNull();

        timed.receive(17_000_000_000L, 17, 17, true, DELTA_START, 0, DELTA_START.length);  // 16 past the hole
        assertThat(timed.poll().rtpTimestamp()).isEqualTo(3);
    }

    @Test
    void skipIncompleteFrameReleasesFramesBehindIt() {
        receive(0, 0, false, DELTA_START);
        receive(2, 1, true, DELTA_START);
        assertThat(drain()).isEmpty();
        assertThat(assembler.skipIncompleteFrame()).isTrue();
        assertThat(drain()).extracting(MediaFrame::rtpTimestamp).containsExactly(1);
        assertThat(assembler.skipIncompleteFrame()).isFalse();
    }

    @Test
    void givingUpTheHeadKeepsTheNextFramesPacketsThatWaitForTheirStart() {
        receive(0, 0, false, DELTA_START);     // 1 lost
        receive(2, 0, true, MIDDLE);
        receive(4, 1, true, MIDDLE);           // 3, the start of the next frame, still on its way
        assertThat(assembler.skipIncompleteFrame()).isTrue();
        assertThat(assembler.missingSequenceNumbers()).containsExactly(3);
        receive(3, 1, false, DELTA_START);
        assertThat(drain()).extracting(MediaFrame::rtpTimestamp).containsExactly(1);
    }

    @Test
    void aStreamWhoseSequenceNumbersJumpBackIsFollowedAfterMaxWaitLatePackets() {
        receive(100, 0, true, KEY_START);
        assertThat(drain()).hasSize(1);
        int seq = 40_000;                      // 25636 behind 100 the shorter way round: looks late
        for (int i = 0; i < 15; i++) {
            receive(seq + i, 10 + i, true, KEY_START);
        }
        assertThat(drain()).isEmpty();
        assertThat(assembler.latePackets()).isEqualTo(15);
        receive(seq + 15, 25, true, KEY_START);
        receive(seq + 16, 26, true, DELTA_START);
        assertThat(drain()).extracting(MediaFrame::rtpTimestamp).containsExactly(25, 26);
    }

    @Test
    void duplicatesAndMalformedPayloadsAreCountedAndDropped() {
        receive(0, 0, false, KEY_START);
        receive(0, 0, false, KEY_START);
        receive(1, 0, true, MIDDLE);
        receive(2, 1, true, new byte[] {(byte) 0x90});   // X=1 but no X byte
        receive(3, 2, true, new byte[0]);
        assertThat(drain()).hasSize(1);
        assertThat(assembler.duplicatePackets()).isEqualTo(1);
        assertThat(assembler.malformedPackets()).isEqualTo(2);
    }

    @Test
    void aFrameThatDoesNotStartWithAStartPacketIsNeverEmitted() {
        // joined mid-frame: 5 is a continuation; the frame at 6 is the first complete one
        receive(5, 0, true, MIDDLE);
        receive(6, 1, true, DELTA_START);
        assertThat(drain()).isEmpty();         // 5's start may still come, reordered
        assertThat(assembler.skipIncompleteFrame()).isTrue();
        assertThat(drain()).extracting(MediaFrame::rtpTimestamp).containsExactly(1);
    }

    @Test
    void memoryStaysBoundedWhenTheStreamRunsFarAhead() {
        receive(0, 0, false, KEY_START);
        for (int seq = 1; seq < 1000; seq++) {
            receive(seq, 0, false, MIDDLE);     // a frame that never ends
        }
        assertThat(assembler.missingSequenceNumbers()).isEmpty();
        receive(1000, 1, true, KEY_START);
        assertThat(drain()).extracting(MediaFrame::rtpTimestamp).containsExactly(1);
    }

    @Test
    void opusFramesSurviveLossWithTheFollowingOnesIntact() {
        FrameAssembler opus = new FrameAssembler(new OpusPayloadFormat(), 64, 4);
        OpusPacketizer packetizer = new OpusPacketizer();
        List<byte[]> frames = new ArrayList<>();
        List<SentPacket> arriving = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] frame = {0x78, (byte) i, (byte) (i * 7)};
            RtpPayload p = packetizer.packetize(frame, 0, frame.length);
            if (i % 9 == 4) {
                continue;
            }
            frames.add(frame);
            arriving.add(new SentPacket(i, 960 * i, p.marker(), p.data(), i));
        }
        // swap neighbours: reordering inside the wait window
        for (int i = 1; i + 1 < arriving.size(); i += 5) {
            arriving.set(i, arriving.set(i + 1, arriving.get(i)));
        }
        arriving.add(0, arriving.get(0));
        List<byte[]> received = SentPacket.drain(opus, arriving);
        assertThat(SentPacket.digests(received)).containsExactlyElementsOf(SentPacket.digests(frames));
    }

    @Test
    void badConfigurationIsApiMisuse() {
        Vp8PayloadFormat vp8 = new Vp8PayloadFormat();
        assertThatThrownBy(() -> new FrameAssembler(vp8, 100, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameAssembler(vp8, 64, 65)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameAssembler(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameAssembler(vp8, 64, 16, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}

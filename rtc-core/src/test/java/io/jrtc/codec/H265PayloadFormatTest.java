package io.jrtc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** H.265 (RFC 7798): single NAL unit packets (§4.4.1), APs (§4.4.2), FUs (§4.4.3) and IRAP keyframes. */
class H265PayloadFormatTest {
    private static final byte[] VPS = {0x40, 0x01, 0x0C, 0x01};              // Type 32, LayerId 0, TID 1
    private static final byte[] SPS = {0x42, 0x01, 0x01, 0x01};              // Type 33
    private static final byte[] PPS = {0x44, 0x01, (byte) 0xC1, 0x72};       // Type 34
    private static final byte[] IDR = {0x28, 0x01, (byte) 0xAF, 0x05, 0x06}; // Type 20 IDR_N_LP, first slice

    /** §4.4.2: the AP's payload header has type 48 and the lowest LayerId and TID; each unit its 16-bit size. */
    @Test
    void smallNalUnitsAreAggregatedIntoOneAp() {
        List<RtpPayload> payloads = new H265Packetizer(1200).packetize(List.of(VPS, SPS, PPS));
        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0).data()).containsExactly(0x60, 0x01, 0x00, 0x04, 0x40, 0x01, 0x0C, 0x01,
                0x00, 0x04, 0x42, 0x01, 0x01, 0x01, 0x00, 0x04, 0x44, 0x01, 0xC1, 0x72);
        assertThat(H265PayloadFormat.isKeyframeStart(payloads.get(0).data(), 0, 20)).isTrue();
    }

    /** §4.4.3: payload header type 49 with the NAL's LayerId and TID, FU header S/E and the NAL type 20. */
    @Test
    void largeNalUnitsAreCutIntoFus() throws CodecParseException {
        byte[] idr = {0x28, 0x01, (byte) 0xAF, 0x05, 0x06, 0x07, 0x08};
        List<RtpPayload> payloads = new H265Packetizer(5).packetize(List.of(idr));
        assertThat(payloads).extracting(RtpPayload::marker).containsExactly(false, false, true);
        // five body bytes over three FUs of at most two: 2, 2, 1
        assertThat(payloads.get(0).data()).containsExactly(0x62, 0x01, 0x94, 0xAF, 0x05);   // S=1 type 20
        assertThat(payloads.get(1).data()).containsExactly(0x62, 0x01, 0x14, 0x06, 0x07);   // S=0 E=0
        assertThat(payloads.get(2).data()).containsExactly(0x62, 0x01, 0x54, 0x08);         // E=1
        H265PayloadFormat format = new H265PayloadFormat();
        assertThat(format.inspect(payloads.get(0).data(), 0, 5)).isEqualTo(Depacketizer.KEYFRAME);
        assertThat(format.startsKeyframe(payloads.get(0).data(), 0, 5)).isTrue();
        assertThat(format.startsKeyframe(payloads.get(1).data(), 0, 4)).isFalse();
    }

    @Test
    void malformedPacketsAreRefused() {
        H265PayloadFormat format = new H265PayloadFormat();
        byte[] paci = {0x64, 0x01, 0x00};
        assertThatThrownBy(() -> format.inspect(paci, 0, paci.length)).hasMessageContaining("50");
        byte[] apOfOne = {0x60, 0x01, 0x00, 0x02, 0x40, 0x01};
        assertThatThrownBy(() -> format.inspect(apOfOne, 0, apOfOne.length)).hasMessageContaining("two");
        byte[] fuStartAndEnd = {0x62, 0x01, (byte) 0xD4, 0x00};
        assertThatThrownBy(() -> format.inspect(fuStartAndEnd, 0, 4)).hasMessageContaining("both S and E");
        assertThat(H265PayloadFormat.isKeyframeStart(new byte[] {0x60, 0x01, 0x7F}, 0, 3)).isFalse();
    }

    @Test
    void aRealKeyframeComesBackAsTheSameAccessUnit() {
        byte[] stream = CodecSamples.load(CodecSamples.H265_KEYFRAME);
        List<byte[]> nalUnits = H264NalUnits.splitAnnexB(stream, 0, stream.length);
        assertThat(nalUnits).extracting(n -> H265NalUnits.type(n[0])).containsExactly(32, 33, 34, 39, 20);
        byte[] accessUnit = H264NalUnits.joinAnnexB(nalUnits);
        List<RtpPayload> payloads = new H265Packetizer(1100).packetizeAnnexB(stream, 0, stream.length);
        assertThat(H265PayloadFormat.isKeyframeStart(payloads.get(0).data(), 0, payloads.get(0).data().length))
                .isTrue();
        List<SentPacket> sent = SentPacket.send(List.of(accessUnit), f -> payloads, 100, 0);
        FrameAssembler assembler = new FrameAssembler(new H265PayloadFormat());
        for (SentPacket p : sent) {
            assembler.receive(0, p.sequenceNumber(), p.timestamp(), p.marker(), p.payload(), 0, p.payload().length);
        }
        MediaFrame frame = assembler.poll();
        assertThat(frame.keyframe()).isTrue();
        assertThat(frame.data()).isEqualTo(accessUnit);
    }

    @Property(tries = 60)
    void accessUnitsSurvivePacketizationAtAnySize(@ForAll long seed,
                                                  @ForAll @IntRange(min = 100, max = 1300) int mtu) {
        Random random = new Random(seed);
        List<byte[]> units = new ArrayList<>();
        units.add(H264NalUnits.joinAnnexB(List.of(VPS, SPS, PPS, IDR)));
        for (int i = 0; i < 15; i++) {
            List<byte[]> slices = new ArrayList<>();
            for (int s = 0, n = 1 + random.nextInt(3); s < n; s++) {
                byte[] slice = new byte[3 + random.nextInt(3000)];
                random.nextBytes(slice);
                slice[0] = 0x02;                                  // TRAIL_R
                slice[1] = 0x01;
                slice[2] = (byte) (s == 0 ? slice[2] | 0x80 : slice[2] & 0x7F | 0x01);
                for (int k = 3; k < slice.length; k++) {
                    slice[k] = slice[k] == 0 ? 1 : slice[k];      // no start code emulation
                }
                slices.add(slice);
            }
            units.add(H264NalUnits.joinAnnexB(slices));
        }
        H265Packetizer packetizer = new H265Packetizer(mtu);
        List<SentPacket> sent = SentPacket.send(units, u -> packetizer.packetizeAnnexB(u, 0, u.length),
                random.nextInt(65536), random.nextInt());
        List<byte[]> received = SentPacket.drain(new FrameAssembler(new H265PayloadFormat()), sent);
        assertThat(SentPacket.digests(received)).containsExactlyElementsOf(SentPacket.digests(units));
        assertThat(sent.stream().filter(p -> H265PayloadFormat.isKeyframeStart(p.payload(), 0, p.payload().length)))
                .hasSize(1);
    }
}

package io.jrtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.codec.Av1PayloadFormat;
import io.jrtc.codec.CodecParseException;
import io.jrtc.codec.Depacketizer;
import io.jrtc.codec.FrameAssembler;
import io.jrtc.codec.H264PayloadFormat;
import io.jrtc.codec.H265PayloadFormat;
import io.jrtc.codec.MediaFrame;
import io.jrtc.codec.Vp8PayloadFormat;
import io.jrtc.codec.Vp9PayloadDescriptor;
import io.jrtc.codec.Vp9PayloadFormat;
import java.util.Arrays;
import java.util.List;

/**
 * Video RTP payloads (VP8 RFC 7741, VP9 RFC 9628, H.264 RFC 6184, H.265 RFC 7798, AV1 RTP specification) as any
 * publisher may send them: the input is cut into packets (a length byte each, the first payload byte choosing the
 * marker bit) and fed to each format's jitter buffer. Nothing may throw but {@link CodecParseException} from
 * {@code inspect}; {@code startsKeyframe} never throws; a packet said to start a keyframe must parse; a VP9
 * descriptor that parses survives writing and reading.
 */
class VideoPayloadFuzzTest {
    private static final List<Depacketizer> FORMATS = List.of(new Vp8PayloadFormat(), new Vp9PayloadFormat(),
            new H264PayloadFormat(), new H265PayloadFormat(), new Av1PayloadFormat());

    @FuzzTest(maxDuration = "5s")
    void packets(byte[] data) throws Exception {
        InputBudget.within(() -> {
            for (Depacketizer format : FORMATS) {
                run(format, data);
            }
        });
    }

    private static void run(Depacketizer format, byte[] data) throws Exception {
        FrameAssembler assembler = new FrameAssembler(format, 64, 16);
        int seq = 65_530;
        int at = 0;
        while (at < data.length) {
            int len = Math.min(data[at] & 0xFF, data.length - at - 1);
            byte[] payload = Arrays.copyOfRange(data, at + 1, at + 1 + len);
            at += 1 + len;
            boolean keyStart = format.startsKeyframe(payload, 0, payload.length);
            try {
                format.inspect(payload, 0, payload.length);
            } catch (CodecParseException malformed) {
                if (keyStart && !(format instanceof H264PayloadFormat) && !(format instanceof H265PayloadFormat)) {
                    throw new AssertionError(format + " calls a malformed packet a keyframe start");
                }
            }
            checkVp9Descriptor(payload);
            boolean marker = len > 0 && (payload[0] & 1) != 0;
            assembler.receive(0, seq++ & 0xFFFF, seq / 4, marker, payload, 0, payload.length);
            for (MediaFrame frame = assembler.poll(); frame != null; frame = assembler.poll()) {
                if (frame.data() == null) {
                    throw new AssertionError("frame without data");
                }
            }
        }
        while (assembler.skipIncompleteFrame()) {
            assembler.poll();
        }
    }

    private static void checkVp9Descriptor(byte[] payload) {
        try {
            Vp9PayloadDescriptor parsed = Vp9PayloadDescriptor.parse(payload, 0, payload.length);
            byte[] written = new byte[parsed.length()];
            parsed.encode(written, 0);
            if (!parsed.equals(Vp9PayloadDescriptor.parse(written, 0, written.length))) {
                throw new AssertionError(parsed + " does not survive writing and reading");
            }
        } catch (CodecParseException malformed) {
            // refused, as it should be
        }
    }
}

package io.jrtc.media.file;

import io.jrtc.codec.H264NalUnits;
import io.jrtc.codec.OpusEncoder;
import io.jrtc.codec.Vp8PayloadFormat;
import io.jrtc.media.AudioFrame;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One track's way into a {@link ContainerRecordingSink}: learns the track's format from its first usable frame
 * (video: a keyframe, whose picture size and H.264 parameter sets the container header needs), turns RTP
 * timestamps into a timeline starting at the track's first arrival (unwrapped across 2^32), encodes raw audio to
 * Opus in 20 ms packets, and holds back each packet until the next one says how long it lasted.
 */
final class RecordingLane {
    private static final int OPUS_RATE = 48_000;
    private static final int BITRATE_PER_CHANNEL = 48_000;
    private static final byte[] START_CODE = {0, 0, 0, 1};

    /** A coded frame placed on the file's timeline, in ticks of the lane's clock. */
    record Packet(RecordingLane lane, byte[] data, long ticks, long duration, boolean keyframe) {
        Packet withTiming(long newTicks, long newDuration) {
            return new Packet(lane, data, newTicks, newDuration, keyframe);
        }
    }

    private final MediaKind kind;
    private ContainerMuxer.Stream stream;
    private int streamIndex = -1;
    // timeline
    private boolean timed;
    private long offsetTicks;
    private long lastRtp;
    private long unwrapped;
    // raw audio encoded here
    private OpusEncoder encoder;
    private PcmFrames pcm;
    // the packet waiting for its duration
    private Packet held;
    private long lastDuration;

    RecordingLane(MediaKind kind) {
        this.kind = kind;
    }

    MediaKind kind() {
        return kind;
    }

    boolean ready() {
        return stream != null;
    }

    ContainerMuxer.Stream stream() {
        return stream;
    }

    int streamIndex() {
        return streamIndex;
    }

    void streamIndex(int index) {
        streamIndex = index;
    }

    String waitingFor() {
        return ready() ? "a frame in another format than " + stream.mimeType() : kind == MediaKind.VIDEO
                ? "waiting for a keyframe of a known size" : "waiting for audio";
    }

    /**
     * The packets a frame gives (none while raw audio fills a 20 ms packet), or null when the frame cannot be
     * recorded (before the first keyframe, or in another format than the first).
     *
     * @param sinceStartNanos when the frame arrived, from the recording's first frame
     */
    List<Packet> take(Frame frame, long sinceStartNanos) throws MediaFileFormatException {
        if (frame instanceof AudioFrame audio) {
            return encode(audio, sinceStartNanos);
        }
        EncodedFrame coded = (EncodedFrame) frame;
        if (encoder != null || coded.data().length == 0) {
            return null;
        }
        if (stream == null && !learn(coded)) {
            return null;
        }
        if (!coded.mimeType().equalsIgnoreCase(stream.mimeType())) {
            return null;
        }
        if (!timed) {
            timed = true;
            lastRtp = coded.timestamp();
            offsetTicks = sinceStartNanos * stream.clockRate() / 1_000_000_000L;
        }
        unwrapped += (int) (coded.timestamp() - lastRtp);
        lastRtp = coded.timestamp();
        return List.of(new Packet(this, coded.data(), offsetTicks + unwrapped, 0, isKeyframe(coded)));
    }

    private boolean learn(EncodedFrame coded) throws MediaFileFormatException {
        String mime = canonical(coded.mimeType());
        if (mime == null) {
            return false;
        }
        if (kind == MediaKind.AUDIO) {
            // RFC 6716 §3.1: the TOC's s bit says whether the packet is stereo
            int channels = (coded.data()[0] & 0x04) != 0 ? 2 : 1;
            stream = new ContainerMuxer.Stream(kind, mime, OPUS_RATE,
                    new OpusHead(channels, 0, OPUS_RATE, 0).encode(), 0, 0, channels);
            return true;
        }
        if (!isKeyframe(coded)) {
            return false;
        }
        int[] size = PictureSize.of(mime, coded.data());
        if (size == null) {
            return false;
        }
        byte[] extradata = mime.equals(FrameSources.H264) ? parameterSets(coded.data()) : new byte[0];
        stream = new ContainerMuxer.Stream(kind, mime, 90_000, extradata, size[0], size[1], 0);
        return true;
    }

    /** The RTP MIME type as this package spells it, or null for a codec the containers do not take. */
    private String canonical(String mimeType) {
        for (String known : kind == MediaKind.AUDIO ? List.of(FrameSources.OPUS)
                : List.of(FrameSources.H264, FrameSources.VP8, FrameSources.VP9, FrameSources.AV1)) {
            if (known.equalsIgnoreCase(mimeType)) {
                return known;
            }
        }
        return null;
    }

    private static boolean isKeyframe(EncodedFrame coded) {
        byte[] data = coded.data();
        if (coded.mimeType().equalsIgnoreCase(FrameSources.VP8)) {
            return Vp8PayloadFormat.isKeyframe(data, 0, data.length);
        }
        if (coded.mimeType().equalsIgnoreCase(FrameSources.H264)) {
            return coded.keyframe() || FrameSources.AnnexB.holdsIdrSlice(data);
        }
        return coded.keyframe();
    }

    /** The SPS and PPS of an Annex B access unit, in Annex B: what the muxer turns into avcC. */
    private static byte[] parameterSets(byte[] accessUnit) {
        ByteArrayOutputStream sets = new ByteArrayOutputStream();
        for (byte[] nal : H264NalUnits.splitAnnexB(accessUnit, 0, accessUnit.length)) {
            int type = H264NalUnits.type(nal[0]);
            if (type == H264NalUnits.TYPE_SPS || type == H264NalUnits.TYPE_PPS) {
                sets.writeBytes(START_CODE);
                sets.writeBytes(nal);
            }
        }
        return sets.toByteArray();
    }

    private List<Packet> encode(AudioFrame audio, long sinceStartNanos) {
        if (kind != MediaKind.AUDIO || (stream != null && encoder == null)) {
            return null;  // coded audio came first
        }
        if (encoder == null) {
            encoder = new OpusEncoder(audio.sampleRate(), audio.channels(), BITRATE_PER_CHANNEL * audio.channels());
            pcm = new PcmFrames(audio.sampleRate(), audio.channels(), audio.sampleRate() / 50);
            int preSkip = (int) ((long) encoder.lookahead() * OPUS_RATE / audio.sampleRate());
            stream = new ContainerMuxer.Stream(kind, FrameSources.OPUS, OPUS_RATE,
                    new OpusHead(audio.channels(), preSkip, audio.sampleRate(), 0).encode(), 0, 0, audio.channels());
            offsetTicks = sinceStartNanos * OPUS_RATE / 1_000_000_000L;
        }
        if (audio.sampleRate() != encoder.sampleRate() || audio.channels() != encoder.channels()) {
            return null;
        }
        pcm.add(audio.samples());
        List<Packet> packets = new ArrayList<>();
        for (AudioFrame chunk = pcm.poll(); chunk != null; chunk = pcm.poll()) {
            byte[] coded = encoder.encode(chunk.samples(), chunk.samplesPerChannel());
            long ticks = offsetTicks + chunk.pts() * OPUS_RATE / audio.sampleRate();
            packets.add(new Packet(this, coded, ticks, 0, true));
        }
        return packets;
    }

    /** Holds {@code packet} back; returns the one held before, its duration now known. */
    Packet hold(Packet packet) {
        Packet previous = held;
        if (previous != null && packet.ticks() <= previous.ticks()) {
            packet = packet.withTiming(previous.ticks() + 1, 0);  // containers need rising timestamps
        }
        held = packet;
        if (previous == null) {
            return null;
        }
        lastDuration = packet.ticks() - previous.ticks();
        return previous.withTiming(previous.ticks(), lastDuration);
    }

    /** The packet still held at the end, lasting as long as the one before it (20 ms or a 30 fps frame at first). */
    Packet flush() {
        Packet last = held;
        held = null;
        if (last == null) {
            return null;
        }
        long duration = lastDuration > 0 ? lastDuration : kind == MediaKind.AUDIO ? OPUS_RATE / 50 : 90_000 / 30;
        return last.withTiming(last.ticks(), duration);
    }
}

package io.jrtc.media.file;

import io.jrtc.media.AudioFrame;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Audio and video muxed into one MP4 or WebM/Matroska file through FFmpeg ({@link ContainerMuxer}): coded frames
 * as they are (H.264, VP8, VP9, AV1 video; Opus audio), raw audio encoded to Opus here. A container header names
 * every stream with its codec and picture size, so the file is created once each expected track has shown its
 * format (video: its first keyframe; audio: its first frame), or after {@link #WAIT_FOR_TRACKS_NANOS} without that,
 * with the tracks that have; audio that came earlier waits in memory meanwhile. Timestamps come from each track's
 * RTP time, unwrapped, placed on the file's timeline by when the track's first frame arrived, so that the file
 * starts at zero and audio and video start as they arrived. Used on the I/O executor only.
 */
final class ContainerRecordingSink extends RecordingSink {
    private static final System.Logger LOG = System.getLogger(ContainerRecordingSink.class.getName());
    static final long WAIT_FOR_TRACKS_NANOS = 10_000_000_000L;

    private final Path file;
    private final String muxerName;
    private final Map<MediaKind, RecordingLane> lanes = new EnumMap<>(MediaKind.class);
    private final List<RecordingLane.Packet> waiting = new ArrayList<>();
    private ContainerMuxer muxer;
    private boolean started;
    private long startNanos;

    ContainerRecordingSink(Path file, String muxerName, Set<MediaKind> kinds) {
        super(null);
        this.file = file;
        this.muxerName = muxerName;
        for (MediaKind kind : kinds) {
            lanes.put(kind, new RecordingLane(kind));
        }
    }

    /** Without arrival times every track starts at zero. */
    @Override
    protected boolean write(Frame frame) throws IOException {
        return write(frame, 0);
    }

    @Override
    protected boolean write(Frame frame, long arrivalNanos) throws IOException {
        MediaKind kind = frame instanceof AudioFrame ? MediaKind.AUDIO : ((EncodedFrame) frame).kind();
        RecordingLane lane = lanes.get(kind);
        if (lane == null || (muxer != null && lane.streamIndex() < 0)) {
            dropped(frame, "no " + kind + " stream in this recording");
            return false;
        }
        if (!started) {
            started = true;
            startNanos = arrivalNanos;
        }
        List<RecordingLane.Packet> packets = lane.take(frame, arrivalNanos - startNanos);
        if (packets == null) {
            dropped(frame, lane.waitingFor());
            return false;
        }
        if (muxer == null) {
            waiting.addAll(packets);
            if (lanes.values().stream().allMatch(RecordingLane::ready)
                    || arrivalNanos - startNanos > WAIT_FOR_TRACKS_NANOS) {
                openMuxer();
            }
            return true;
        }
        for (RecordingLane.Packet packet : packets) {
            write(packet);
        }
        return true;
    }

    private void openMuxer() throws IOException {
        List<ContainerMuxer.Stream> streams = new ArrayList<>();
        for (RecordingLane lane : lanes.values()) {
            if (lane.ready()) {
                lane.streamIndex(streams.size());
                streams.add(lane.stream());
            } else {
                LOG.log(System.Logger.Level.WARNING, "recording " + file + " without " + lane.kind()
                        + ": " + lane.waitingFor() + " after " + WAIT_FOR_TRACKS_NANOS / 1_000_000_000L + " s");
            }
        }
        muxer = ContainerMuxer.open(file, muxerName, streams);
        for (RecordingLane.Packet packet : waiting) {
            write(packet);
        }
        waiting.clear();
    }

    private void write(RecordingLane.Packet packet) throws IOException {
        RecordingLane.Packet previous = packet.lane().hold(packet);
        if (previous != null) {
            muxer.write(previous.lane().streamIndex(), previous.data(), previous.ticks(), previous.duration(),
                    previous.keyframe());
        }
    }

    /** Writes what waits (a file of audio only when video never came), the held frames and the trailer. */
    @Override
    public void close() throws IOException {
        try {
            if (muxer == null && lanes.values().stream().anyMatch(RecordingLane::ready)) {
                openMuxer();
            }
            if (muxer == null) {
                LOG.log(System.Logger.Level.INFO, "nothing recorded into " + file + ": no track showed its format");
                return;
            }
            for (RecordingLane lane : lanes.values()) {
                RecordingLane.Packet last = lane.flush();
                if (last != null && lane.streamIndex() >= 0) {
                    muxer.write(lane.streamIndex(), last.data(), last.ticks(), last.duration(), last.keyframe());
                }
            }
        } finally {
            if (muxer != null) {
                muxer.close();
            }
        }
    }
}

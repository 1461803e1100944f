package io.jrtc.pc.internal.media;

import io.jrtc.codec.Av1PayloadFormat;
import io.jrtc.codec.CodecParseException;
import io.jrtc.codec.Depacketizer;
import io.jrtc.codec.FrameAssembler;
import io.jrtc.codec.G711;
import io.jrtc.codec.G711PayloadFormat;
import io.jrtc.codec.H264PayloadFormat;
import io.jrtc.codec.H265PayloadFormat;
import io.jrtc.codec.MediaFrame;
import io.jrtc.codec.OpusDecoder;
import io.jrtc.codec.OpusPayloadFormat;
import io.jrtc.codec.Vp8PayloadFormat;
import io.jrtc.codec.Vp9PayloadFormat;
import io.jrtc.media.AudioFrame;
import io.jrtc.media.BufferedTrack;
import io.jrtc.media.ColorSpace;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.pc.RtpSettings;
import io.jrtc.pc.internal.config.ProtocolConfigs;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.sdp.media.RtcpFeedback;
import io.jrtc.sdp.media.RtpCodec;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * The receive side of one negotiated codec: reassembles frames from RTP (reordering, loss and duplicates handled by
 * the {@link FrameAssembler}), decodes audio to PCM, and pushes the frames into the receiver's track. Video is
 * pushed coded, as {@link EncodedFrame}s, with the colour space its sender stated ({@link ReceivedColorSpaces}).
 */
final class FrameDepacketizer {
    private static final System.Logger LOG = System.getLogger(FrameDepacketizer.class.getName());

    private final RtpCodec codec;
    private final String encoding;
    private final FrameAssembler assembler;
    private final FrameArrivals arrivals = new FrameArrivals();
    private final ReceivedFrames counters;
    private final ReceivedColorSpaces colorSpaces;
    private OpusDecoder opus;
    private double lastAudioLevel;
    private long samplesDecoded;
    private boolean started;
    private long firstTimestamp;
    private long lastTimestamp;

    private final boolean decodeAudio;

    /**
     * {@code decodeAudio} false: audio frames go into the track coded, as video does. A frame waits for a missing
     * packet for as many later packets as {@code settings} give its kind (the jitter buffer's depth), and a video
     * frame whose codec has NACK also for as long as a retransmission of it can still come back: NACKs ask for it
     * during the NACK generator's max age, and the sender holds it for the NACK history age. Counted in packets
     * alone, a receiver that a starved CPU runs only now and then gave frames up within one burst of its socket's
     * backlog, before the NACK for them had even left. The frames delivered are counted into the receiver's
     * {@code counters}. {@code colorSpaceExtensionId} is the negotiated colour-space extension's id or
     * {@link NegotiatedParameters#NO_EXTENSION}.
     */
    FrameDepacketizer(RtpCodec codec, boolean decodeAudio, RtpSettings settings, ReceivedFrames counters,
            int colorSpaceExtensionId) {
        this.codec = codec;
        this.counters = counters;
        this.colorSpaces = new ReceivedColorSpaces(colorSpaceExtensionId);
        this.decodeAudio = decodeAudio;
        this.encoding = codec.encodingName().toLowerCase(Locale.ROOT);
        // Audio frames are single packets: by default a lost one is given up after 100 ms of later ones, not 2.5 s.
        int depth = codec.kind().equals("audio") ? settings.audioJitterBufferPackets()
                : settings.videoJitterBufferPackets();
        this.assembler = new FrameAssembler(payloadFormat(encoding), FrameAssembler.DEFAULT_CAPACITY, depth,
                retransmissionWait(codec, settings));
    }

    private static long retransmissionWait(RtpCodec codec, RtpSettings settings) {
        boolean nack = codec.rtcpFeedback().contains(new RtcpFeedback.Mechanism("nack", null));
        if (!nack || !codec.kind().equals("video")) {
            return 0;
        }
        return ProtocolConfigs.nack(settings).maxAge().plus(settings.nackHistoryAge()).toNanos();
    }

    RtpCodec codec() {
        return codec;
    }

    /** The level of the last decoded audio frame, 0 to 1 (W3C audioLevel); 0 for video. */
    double lastAudioLevel() {
        return lastAudioLevel;
    }

    /** Audio samples (per channel) decoded so far. */
    long samplesDecoded() {
        return samplesDecoded;
    }

    /** Frames given up because packets of them never came. */
    long droppedFrames() {
        return assembler.droppedFrames();
    }

    /** Takes one packet that arrived at {@code now}; returns how many frames it completed into the track. */
    int receive(long now, RtpHeader packet, BufferedTrack track) {
        arrivals.onPacket(now, packet.timestamp());
        colorSpaces.onPacket(packet);
        assembler.receive(now, packet);
        int delivered = 0;
        for (MediaFrame frame = assembler.poll(); frame != null; frame = assembler.poll()) {
            try {
                Frame decoded = decode(frame);
                if (decoded instanceof AudioFrame audio) {
                    lastAudioLevel = audio.rmsLevel();
                    samplesDecoded += audio.samplesPerChannel();
                }
                track.push(decoded);
                delivered++;
                counters.onFrame(now, arrivals.firstArrival(frame.rtpTimestamp(), now), codec.mimeType(), frame,
                        decoded);
            } catch (CodecParseException corrupt) {
                LOG.log(Level.DEBUG, () -> "dropping an undecodable " + codec.mimeType() + " frame: "
                        + corrupt.getMessage());
            }
        }
        return delivered;
    }

    private Frame decode(MediaFrame frame) throws CodecParseException {
        long pts = presentationTime(frame.rtpTimestamp());
        if (!decodeAudio) {
            return coded(frame, pts);
        }
        return switch (encoding) {
            case "opus" -> {
                short[] pcm = opus().decode(frame.data(), 0, frame.data().length);
                yield new AudioFrame(pcm, OpusPayloadFormat.CLOCK_RATE, channels(), pts);
            }
            case "pcmu" -> new AudioFrame(G711.decodeMuLaw(frame.data(), 0, frame.data().length),
                    G711PayloadFormat.CLOCK_RATE, 1, pts);
            case "pcma" -> new AudioFrame(G711.decodeALaw(frame.data(), 0, frame.data().length),
                    G711PayloadFormat.CLOCK_RATE, 1, pts);
            default -> coded(frame, pts);
        };
    }

    private EncodedFrame coded(MediaFrame frame, long pts) {
        ColorSpace colorSpace = codec.kind().equals("video")
                ? colorSpaces.ofFrame(frame.rtpTimestamp(), frame.keyframe()) : null;
        return new EncodedFrame(codec.mimeType(), codec.clockRate(), frame.data(), pts, frame.keyframe(), colorSpace);
    }

    /** RTP timestamps extended past their 32-bit wrap, counted from the first frame (RFC 3550 §5.1). */
    private long presentationTime(int rtpTimestamp) {
        long unsigned = Integer.toUnsignedLong(rtpTimestamp);
        if (!started) {
            started = true;
            firstTimestamp = unsigned;
            lastTimestamp = unsigned;
            return 0;
        }
        long delta = (int) (unsigned - (lastTimestamp & 0xFFFF_FFFFL));
        lastTimestamp += delta;
        return lastTimestamp - firstTimestamp;
    }

    private OpusDecoder opus() {
        if (opus == null) {
            opus = new OpusDecoder(OpusPayloadFormat.CLOCK_RATE, channels());
        }
        return opus;
    }

    private int channels() {
        return Math.max(1, codec.channels());
    }

    static Depacketizer payloadFormat(String encoding) {
        return switch (encoding) {
            case "opus" -> new OpusPayloadFormat();
            case "pcmu", "pcma" -> new G711PayloadFormat();
            case "vp8" -> new Vp8PayloadFormat();
            case "h264" -> new H264PayloadFormat();
            case "vp9" -> new Vp9PayloadFormat();
            case "av1" -> new Av1PayloadFormat();
            case "h265" -> new H265PayloadFormat();
            default -> throw new IllegalArgumentException("no payload format for " + encoding);
        };
    }
}

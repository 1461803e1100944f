package io.jrtc.pc.internal.media;

import io.jrtc.codec.Av1Packetizer;
import io.jrtc.codec.G711;
import io.jrtc.codec.H264Packetizer;
import io.jrtc.codec.H265Packetizer;
import io.jrtc.codec.OpusEncoder;
import io.jrtc.codec.OpusPacketizer;
import io.jrtc.codec.RtpPayload;
import io.jrtc.codec.Vp8Packetizer;
import io.jrtc.codec.Vp9Packetizer;
import io.jrtc.media.AudioFrame;
import io.jrtc.media.ColorSpace;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.VideoStreamTrack;
import io.jrtc.sdp.media.RtpCodec;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Turns a track's frames into RTP payloads of one negotiated codec: PCM audio is encoded (Opus, or G.711 from 8 kHz
 * or 48 kHz PCM), raw pictures are encoded with the codec off the connection's loop ({@link #encode}: the coded
 * frame comes back through the constructor's {@code encodedPictures} and is packetized as any coded frame; needs
 * the optional FFmpeg dependency), an already coded frame of the same format is packetized as it is (what a relay forwards).
 * {@link #close()} frees the video encoder's native memory.
 */
final class FramePacketizer implements AutoCloseable {
    /** Room for the RTP header with extensions and the SRTP tag inside a 1200-byte datagram. */
    static final int MAX_PAYLOAD = 1100;
    private static final int OPUS_BITRATE = 64_000;
    /** Opus's lowest useful rate (RFC 6716 §2.1.1: 6 kbit/s narrowband speech). */
    private static final int OPUS_MIN_BITRATE = 6_000;
    /** A new target closer than this share to the encoder's rate does not restart the encoder. */
    private static final double OPUS_RETARGET_SHARE = 0.2;

    private final RtpCodec codec;
    private final String encoding;
    private final OpusPacketizer opusPacketizer = new OpusPacketizer();
    private Vp8Packetizer vp8;
    private H264Packetizer h264;
    private Vp9Packetizer vp9;
    private Av1Packetizer av1;
    private H265Packetizer h265;
    private OpusEncoder opus;
    private int opusSampleRate;
    private int opusChannels;
    private int opusBitrate = OPUS_BITRATE;
    private final BiConsumer<FramePacketizer, EncodedFrame> encodedPictures;
    private RawVideoEncoding video;
    /** The bitrate raw pictures are encoded at once an encoder exists; 0: the encoder's default. */
    private int videoBitrate;

    /**
     * A frame's payloads, its RTP timestamp (before the stream's random offset), for PCM its level in -dBov
     * (RFC 6464: 0 loudest, 127 silence) or {@link #NO_LEVEL}, and for a video keyframe whose colours are known the
     * colour space its last packet states (libwebrtc's colour-space extension), else null.
     */
    record Packets(List<RtpPayload> payloads, long timestamp, int audioLevel, ColorSpace colorSpace) {
        Packets(List<RtpPayload> payloads, long timestamp, int audioLevel) {
            this(payloads, timestamp, audioLevel, null);
        }
    }

    static final int NO_LEVEL = -1;
    private static final int SILENCE_DBOV = 127;

    /** @param encodedPictures takes the coded frames of {@link #encode}, on a codec thread */
    FramePacketizer(RtpCodec codec, BiConsumer<FramePacketizer, EncodedFrame> encodedPictures) {
        this.codec = codec;
        this.encodedPictures = encodedPictures;
        this.encoding = codec.encodingName().toLowerCase(Locale.ROOT);
    }

    RtpCodec codec() {
        return codec;
    }

    /**
     * The bitrate this stream may use from now on: the transport's bandwidth estimate (or its share of it). Raw
     * pictures are encoded at it; Opus between 6 and 64 kbit/s (audio goes first, as in libwebrtc), with a new
     * encoder, since it has no rate setter, and only for a change of more than {@link #OPUS_RETARGET_SHARE}: a
     * restart costs a frame of prediction. Coded frames pass as they are.
     */
    void setTargetBitrate(long bitrate) {
        if (codec.kind().equals("video")) {
            videoBitrate = (int) Math.min(Integer.MAX_VALUE, bitrate);
            if (video != null) {
                video.setTargetBitrate(videoBitrate);
            }
            return;
        }
        int wanted = (int) Math.max(OPUS_MIN_BITRATE, Math.min(OPUS_BITRATE, bitrate));
        if (Math.abs(wanted - opusBitrate) > OPUS_RETARGET_SHARE * opusBitrate) {
            opusBitrate = wanted;
            opus = null;
        }
    }

    /** The rate Opus encodes at, bit/s. */
    int opusBitrate() {
        return opusBitrate;
    }

    /**
     * Whether this codec carries the frame: PCM for an audio codec, a raw picture for a video codec we packetize
     * and can encode, a coded frame of its own format.
     */
    boolean carries(Frame frame) {
        if (frame instanceof AudioFrame) {
            return encoding.equals("opus") || encoding.equals("pcmu") || encoding.equals("pcma");
        }
        if (frame instanceof VideoFrame) {
            return encodesRaw() && RawVideoEncoding.canEncode(codec.mimeType());
        }
        return frame instanceof EncodedFrame coded && coded.mimeType().equalsIgnoreCase(codec.mimeType());
    }

    /**
     * Whether raw pictures go out in this codec: VP8, H.264 in any profile (OpenH264's Constrained Baseline decodes
     * in all of them), VP9 profile 0 (libvpx-vp9 encodes 8-bit 4:2:0 here) and AV1 main profile (libaom).
     */
    private boolean encodesRaw() {
        return switch (encoding) {
            case "vp8", "h264" -> true;
            case "vp9" -> profileZero("profile-id");
            case "av1" -> profileZero("profile");
            default -> false;
        };
    }

    /** Whether the profile parameter is absent or 0, which RFC 9628 §6 and the AV1 RTP specification default to. */
    private boolean profileZero(String parameter) {
        String profile = codec.parameter(parameter);
        return profile == null || profile.equals("0");
    }

    /**
     * What a disabled track sends instead of its frame (W3C mediacapture: silence, black): silence for PCM, black
     * for a raw picture; a coded picture cannot be blackened without decoding, so nothing (null).
     */
    static Frame silenced(Frame frame) {
        if (frame instanceof AudioFrame audio) {
            return new AudioFrame(new short[audio.samples().length], audio.sampleRate(), audio.channels(),
                    audio.pts());
        }
        if (frame instanceof VideoFrame picture) {
            // black in the picture's own range, so that the encoder keeps its colour space (no reopening)
            int black = picture.colorSpace().isFullRange() ? 0 : 16;
            return picture.withI420(VideoStreamTrack.solidI420(picture.width(), picture.height(), black, 128, 128));
        }
        return null;
    }

    /**
     * Encodes a raw picture off the loop; its coded frame goes to the constructor's {@code encodedPictures}, for
     * {@link #packetize} on the loop.
     *
     * @return whether an older picture still waiting for the encoder was dropped for this one
     */
    boolean encode(VideoFrame picture) {
        return video().submit(picture);
    }

    /** The frame's payloads, or null when this codec cannot carry it (a raw picture goes to {@link #encode}). */
    Packets packetize(Frame frame) {
        if (frame instanceof AudioFrame audio) {
            return encodeAudio(audio);
        }
        if (frame instanceof EncodedFrame coded && coded.mimeType().equalsIgnoreCase(codec.mimeType())) {
            return packetizeVideo(coded);
        }
        return null;
    }

    /**
     * A coded frame's packets; a keyframe states its colour space, as libwebrtc sends it: receivers keep it for
     * the frames that follow.
     */
    private Packets packetizeVideo(EncodedFrame coded) {
        return new Packets(packetizeCoded(coded.data()), coded.timestamp(), NO_LEVEL,
                coded.keyframe() ? coded.colorSpace() : null);
    }

    /** The remote asked for a keyframe: the next raw picture is encoded as one. */
    void requestKeyframe() {
        if (video != null) {
            video.requestKeyframe();
        }
    }

    private RawVideoEncoding video() {
        if (video == null) {
            video = new RawVideoEncoding(codec.mimeType(), coded -> encodedPictures.accept(this, coded));
            if (videoBitrate > 0) {
                video.setTargetBitrate(videoBitrate);
            }
        }
        return video;
    }

    @Override
    public void close() {
        if (video != null) {
            video.close();
        }
    }

    private Packets encodeAudio(AudioFrame frame) {
        return switch (encoding) {
            case "opus" -> encodeOpus(frame);
            case "pcmu", "pcma" -> encodeG711(frame);
            default -> null;
        };
    }

    private Packets encodeOpus(AudioFrame frame) {
        if (opus == null || opusSampleRate != frame.sampleRate() || opusChannels != frame.channels()) {
            opus = new OpusEncoder(frame.sampleRate(), frame.channels(), opusBitrate);
            opusSampleRate = frame.sampleRate();
            opusChannels = frame.channels();
        }
        byte[] packet = opus.encode(frame.samples(), frame.samplesPerChannel());
        long timestamp = frame.pts() * codec.clockRate() / frame.sampleRate();
        return new Packets(List.of(opusPacketizer.packetize(packet, 0, packet.length)), timestamp, level(frame));
    }

    /** G.711 runs at 8 kHz mono; 48 kHz PCM is averaged down six to one, channels mixed. */
    private Packets encodeG711(AudioFrame frame) {
        int step = frame.sampleRate() / 8000;
        if (step * 8000 != frame.sampleRate() || step < 1) {
            return null;
        }
        int channels = frame.channels();
        int count = frame.samplesPerChannel() / step;
        short[] mono = new short[count];
        short[] in = frame.samples();
        for (int i = 0; i < count; i++) {
            int sum = 0;
            for (int k = 0; k < step * channels; k++) {
                sum += in[i * step * channels + k];
            }
            mono[i] = (short) (sum / (step * channels));
        }
        byte[] coded = encoding.equals("pcmu") ? G711.encodeMuLaw(mono) : G711.encodeALaw(mono);
        return new Packets(List.of(new RtpPayload(coded, false)), frame.pts() / step, level(frame));
    }

    /** RFC 6464 §3: the frame's level in -dBov, 0 to 127. */
    static int level(AudioFrame frame) {
        double rms = frame.rmsLevel();
        if (rms <= 0) {
            return SILENCE_DBOV;
        }
        return (int) Math.max(0, Math.min(SILENCE_DBOV, Math.round(-20 * Math.log10(rms))));
    }

    /** A frame its packetizer refuses (an empty H.264 access unit, bytes that are no AV1 OBUs) is not sent. */
    private List<RtpPayload> packetizeCoded(byte[] data) {
        try {
            return packetizeCodedFrame(data);
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }

    private List<RtpPayload> packetizeCodedFrame(byte[] data) {
        return switch (encoding) {
            case "opus" -> List.of(opusPacketizer.packetize(data, 0, data.length));
            case "pcmu", "pcma" -> List.of(new RtpPayload(data, false));
            case "vp8" -> vp8().packetize(data, 0, data.length);
            case "h264" -> h264().packetizeAnnexB(data, 0, data.length);
            case "vp9" -> vp9().packetize(data, 0, data.length);
            case "av1" -> av1().packetize(data, 0, data.length);
            case "h265" -> h265().packetizeAnnexB(data, 0, data.length);
            default -> List.of();
        };
    }

    private Vp8Packetizer vp8() {
        if (vp8 == null) {
            vp8 = new Vp8Packetizer(MAX_PAYLOAD, 0);
        }
        return vp8;
    }

    private H264Packetizer h264() {
        if (h264 == null) {
            h264 = new H264Packetizer(MAX_PAYLOAD, "0".equals(codec.parameter("packetization-mode")) ? 0 : 1);
        }
        return h264;
    }

    private Vp9Packetizer vp9() {
        if (vp9 == null) {
            vp9 = new Vp9Packetizer(MAX_PAYLOAD, 0);
        }
        return vp9;
    }

    private Av1Packetizer av1() {
        if (av1 == null) {
            av1 = new Av1Packetizer(MAX_PAYLOAD);
        }
        return av1;
    }

    private H265Packetizer h265() {
        if (h265 == null) {
            h265 = new H265Packetizer(MAX_PAYLOAD);
        }
        return h265;
    }
}

package io.jrtc.spring.autoconfigure.whip;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.video.TranscodingVideoTrack;
import io.jrtc.pc.RTCRtpCodecParameters;

/**
 * Published video re-coded for WHEP viewers that cannot decode the publisher's codec: one
 * {@link TranscodingVideoTrack} per stream and target format, fed by a relay proxy of the publisher's track and
 * fanned out to its viewers through the stream's relay, so a hundred H.264 viewers of a VP8 stream cost one decode
 * and one encode. The first viewer of a format starts its transcode (which asks the publisher for a keyframe); a
 * viewer's keyframe request forces one in the transcode's encoder; the last viewer leaving, or the publisher's
 * track ending, stops it. Thread-safe.
 */
final class VideoTranscodes {
    private static final System.Logger LOG = System.getLogger(VideoTranscodes.class.getName());

    private record Key(String streamId, MediaStreamTrack publisherVideo, String format) {
    }

    /** One running transcode: what it reads from the publisher, what it hands out, and how many viewers watch. */
    private static final class Transcode {
        final MediaStreamTrack publisherProxy;
        final TranscodingVideoTrack track;
        int viewers;

        Transcode(MediaStreamTrack publisherProxy, String mimeType) {
            this.publisherProxy = publisherProxy;
            this.track = new TranscodingVideoTrack(publisherProxy, mimeType);
        }

        void stop() {
            track.stop();
            publisherProxy.stop();
        }
    }

    private final Map<Key, Transcode> running = new HashMap<>();

    /**
     * A viewer's track of {@code publisherVideo} re-coded to {@code target}: a proxy of the shared transcode, whose
     * end (the viewer's session ending) counts the viewer out.
     */
    synchronized MediaStreamTrack subscribe(PublishedStream stream, MediaStreamTrack publisherVideo,
            RTCRtpCodecParameters target) {
        Key key = new Key(stream.streamId(), publisherVideo, format(target));
        Transcode transcode = running.get(key);
        if (transcode == null) {
            transcode = new Transcode(stream.relay().subscribe(publisherVideo), target.mimeType());
            running.put(key, transcode);
            LOG.log(Level.DEBUG, "stream {0}: transcoding {1} to {2}", stream.streamId(),
                    stream.videoCodec() == null ? "video" : stream.videoCodec().mimeType(), key.format());
        }
        transcode.viewers++;
        MediaStreamTrack proxy = stream.relay().subscribe(transcode.track);
        Transcode joined = transcode;
        proxy.onEnded(() -> left(key, joined));
        return proxy;
    }

    /** Transcodes running now. */
    synchronized int count() {
        return running.size();
    }

    /** Viewers of the transcodes of a stream, all formats together. */
    synchronized int viewers(String streamId) {
        return running.entrySet().stream().filter(entry -> entry.getKey().streamId().equals(streamId))
                .mapToInt(entry -> entry.getValue().viewers).sum();
    }

    private synchronized void left(Key key, Transcode transcode) {
        transcode.viewers--;
        if (transcode.viewers == 0 && running.remove(key, transcode)) {
            transcode.stop();
            LOG.log(Level.DEBUG, "stream {0}: transcode to {1} stopped", key.streamId(), key.format());
        }
    }

    /** A format by what tells formats apart in an answer: the MIME type and its parameters. */
    private static String format(RTCRtpCodecParameters codec) {
        return codec.mimeType() + " " + new TreeMap<>(codec.parameters());
    }
}

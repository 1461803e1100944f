package io.jrtc.pc.internal.media;

import io.jrtc.media.AudioFrame;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.VideoFrame;
import io.jrtc.pc.RTCMediaSourceStats;
import io.jrtc.pc.RTCStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sender's frames say of the track they come from, for its media-source stats (W3C RTCAudioSourceStats and
 * RTCVideoSourceStats): audio level and energy of PCM, picture size and rate of video. A sender that forwards the
 * publisher's packets takes no frames, so its source reports only the track. On the sender's loop.
 */
final class MediaSourceCounters {
    private final FramesPerSecond rate = new FramesPerSecond();
    private long frames;
    private boolean heardAudio;
    private double audioLevel;
    private double totalAudioEnergy;
    private double totalSamplesDuration;
    private int[] pictureSize;

    /** The sender took this frame from its track at {@code now}. */
    void onFrame(long now, Frame frame) {
        if (frame instanceof AudioFrame audio) {
            onAudio(audio);
        } else if (frame instanceof VideoFrame picture) {
            onPicture(now);
            pictureSize = new int[] {picture.width(), picture.height()};
        } else if (frame instanceof EncodedFrame coded && coded.mimeType().regionMatches(true, 0, "video/", 0, 6)) {
            onPicture(now);
            int[] size = coded.keyframe() ? PictureSizes.ofKeyframe(coded.mimeType(), coded.data()) : null;
            pictureSize = size == null ? pictureSize : size;
        }
    }

    /** W3C: energy is the sum over samples of duration times level squared, which the frame's RMS gives at once. */
    private void onAudio(AudioFrame audio) {
        double seconds = audio.samplesPerChannel() / (double) audio.sampleRate();
        heardAudio = true;
        audioLevel = audio.rmsLevel();
        totalAudioEnergy += audioLevel * audioLevel * seconds;
        totalSamplesDuration += seconds;
    }

    private void onPicture(long now) {
        frames++;
        rate.onFrame(now);
    }

    /** Adds the media-source stats of {@code track} under {@code id}. */
    void addStats(List<RTCStats> stats, double timestamp, long now, String id, MediaStreamTrack track) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("trackIdentifier", track.getId());
        s.put("kind", track.getKind().toString());
        if (heardAudio) {
            s.put("audioLevel", audioLevel);
            s.put("totalAudioEnergy", totalAudioEnergy);
            s.put("totalSamplesDuration", totalSamplesDuration);
        }
        if (pictureSize != null) {
            s.put("width", (long) pictureSize[0]);
            s.put("height", (long) pictureSize[1]);
        }
        if (frames > 0) {
            s.put("frames", frames);
            s.put("framesPerSecond", (double) rate.at(now));
        }
        stats.add(new RTCMediaSourceStats(id, timestamp, s));
    }
}

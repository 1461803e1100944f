package io.jrtc.pc.internal.media;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.MediaKind;
import io.jrtc.pc.RTCAudioPlayoutStats;
import io.jrtc.pc.RTCStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The playout of the audio a receiver decodes (W3C media-playout): the application reading the track, as no device
 * plays it here; nothing is synthesized, as no loss is concealed.
 */
final class AudioPlayoutStats {
    private AudioPlayoutStats() {
    }

    /** Adds the playout stats of {@code track} and returns their id, for the stream's {@code playoutId}. */
    static String add(List<RTCStats> stats, double timestamp, MediaKind kind, BufferedTrack track) {
        String id = "AP" + track.getId();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", kind.toString());
        p.put("synthesizedSamplesDuration", 0.0);
        p.put("synthesizedSamplesEvents", 0L);
        p.put("totalSamplesDuration", track.audioNanosRead() / 1e9);
        p.put("totalSamplesCount", track.audioSamplesRead());
        stats.add(new RTCAudioPlayoutStats(id, timestamp, p));
        return id;
    }
}

package io.jrtc.pc;

import java.util.Map;

/**
 * A local track a sender takes frames from (W3C RTCMediaSourceStats with its audio and video members), referenced
 * by outbound-rtp's {@code mediaSourceId}. Audio: {@code audioLevel}, {@code totalAudioEnergy},
 * {@code totalSamplesDuration}; video: {@code width}, {@code height}, {@code frames}, {@code framesPerSecond}; each
 * once a frame told it.
 */
public final class RTCMediaSourceStats extends RTCStats {
    /** A media source's stats as the stack reports them. */
    public RTCMediaSourceStats(String id, double timestamp, Map<String, Object> members) {
        super("media-source", id, timestamp, members);
    }

    public String getTrackIdentifier() {
        return (String) get("trackIdentifier");
    }

    /** "audio" or "video". */
    public String getKind() {
        return (String) get("kind");
    }

    /** Video frames taken from the track. */
    public long getFrames() {
        return longMember("frames");
    }

    /** Audio: seconds of audio taken from the track. */
    public double getTotalSamplesDuration() {
        return doubleMember("totalSamplesDuration");
    }
}

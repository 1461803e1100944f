package io.jrtc.pc;

import java.util.Map;

/**
 * Where received audio goes (W3C RTCAudioPlayoutStats), referenced by inbound-rtp's {@code playoutId}. The stack
 * has no audio device: its playout is the application reading decoded frames from the receiver's track, so
 * {@code totalSamplesCount} and {@code totalSamplesDuration} count what was read, and nothing is synthesized (the
 * stack conceals no loss: {@code synthesizedSamplesDuration} and {@code synthesizedSamplesEvents} stay 0).
 */
public final class RTCAudioPlayoutStats extends RTCStats {
    /** A playout's stats as the stack reports them. */
    public RTCAudioPlayoutStats(String id, double timestamp, Map<String, Object> members) {
        super("media-playout", id, timestamp, members);
    }

    /** Samples (per channel) the application read from the track. */
    public long getTotalSamplesCount() {
        return longMember("totalSamplesCount");
    }

    public double getTotalSamplesDuration() {
        return doubleMember("totalSamplesDuration");
    }
}

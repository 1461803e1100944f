package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.PublishedStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The viewers of edge links that ended with their publisher (it left, or its node did), kept for {@code
 * rtc.cluster.republish-grace} in case the stream is published again: they still play the ended link's stream,
 * and move to the new one when it comes, without new sessions. Thread-safe.
 */
final class WaitingViewers {
    /** The ended stream a stream id's viewers still play, and since when, in the clock's millis. */
    record Waiting(PublishedStream stream, long sinceMillis) {
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** Keeps {@code stream}'s viewers waiting from {@code nowMillis}; a stream already waiting keeps its start. */
    void hold(PublishedStream stream, long nowMillis) {
        waiting.putIfAbsent(stream.streamId(), new Waiting(stream, nowMillis));
    }

    /** The streams waiting, as they are now. */
    List<Waiting> all() {
        return List.copyOf(waiting.values());
    }

    /** Stops waiting for {@code waited}'s stream; false when another call already did. */
    boolean release(Waiting waited) {
        return waiting.remove(waited.stream().streamId(), waited);
    }

    /** Streams whose viewers wait. */
    int size() {
        return waiting.size();
    }
}

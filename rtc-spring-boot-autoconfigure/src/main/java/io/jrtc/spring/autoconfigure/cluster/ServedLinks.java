package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import java.util.HashMap;
import java.util.Map;

/**
 * The links this node serves to other nodes, per stream (each is a WHEP session on the internal endpoint), so it
 * can hold them to {@code rtc.cluster.max-links-per-stream}: a slot is reserved before the session is made, so two
 * edges asking at once cannot both take the last one.
 */
public final class ServedLinks implements WhipSessions.ViewerListener {
    private final Map<String, String> streamBySession = new HashMap<>();
    private final Map<String, Integer> reserved = new HashMap<>();

    /** Takes a slot for a link of {@code streamId}; false when {@code maxLinks} (0: no limit) are taken. */
    synchronized boolean reserve(String streamId, int maxLinks) {
        int taken = count(streamId);
        if (maxLinks > 0 && taken >= maxLinks) {
            return false;
        }
        reserved.merge(streamId, 1, Integer::sum);
        return true;
    }

    /** The reserved slot is now the session {@code sessionId}. */
    synchronized void served(String streamId, String sessionId) {
        unreserve(streamId);
        streamBySession.put(sessionId, streamId);
    }

    /** The reserved slot was not used (the session could not be made). */
    synchronized void unreserve(String streamId) {
        reserved.computeIfPresent(streamId, (id, count) -> count > 1 ? count - 1 : null);
    }

    /** Links of {@code streamId} served or being set up. */
    synchronized int count(String streamId) {
        int served = (int) streamBySession.values().stream().filter(streamId::equals).count();
        return served + reserved.getOrDefault(streamId, 0);
    }

    @Override
    public void publicationEnded(String sessionId) {
        // viewerEnded follows for the same session.
    }

    @Override
    public synchronized void viewerEnded(String sessionId) {
        streamBySession.remove(sessionId);
    }
}

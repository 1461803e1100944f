package io.jrtc.sctp;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Streams whose received messages the user holds back, because its reader cannot keep up. Their messages wait here
 * and still count as undelivered, so the advertised receive window closes as they pile up and the peer's sender
 * waits for the reader (RFC 9260 §6.2 flow control) instead of the user buffering without limit. A pause holds
 * messages only: SACKs, window updates and the other streams go on.
 */
final class PausedStreams {
    private final Map<Integer, ArrayDeque<SctpEvent.MessageReceived>> held = new HashMap<>();

    void pause(int streamId) {
        held.putIfAbsent(streamId, new ArrayDeque<>());
    }

    boolean isPaused(int streamId) {
        return held.containsKey(streamId);
    }

    /** Keeps {@code message} when its stream is paused; false when it should be delivered now. */
    boolean hold(SctpEvent.MessageReceived message) {
        ArrayDeque<SctpEvent.MessageReceived> queue = held.get(message.streamId());
        if (queue == null) {
            return false;
        }
        queue.add(message);
        return true;
    }

    /** Ends the stream's pause and hands back what it held, oldest first. */
    ArrayDeque<SctpEvent.MessageReceived> resume(int streamId) {
        ArrayDeque<SctpEvent.MessageReceived> queue = held.remove(streamId);
        return queue == null ? new ArrayDeque<>() : queue;
    }

    /** Ends every pause (a reset of all streams): what they held, stream by stream, each oldest first. */
    ArrayDeque<SctpEvent.MessageReceived> resumeAll() {
        ArrayDeque<SctpEvent.MessageReceived> all = new ArrayDeque<>();
        held.values().forEach(all::addAll);
        held.clear();
        return all;
    }
}

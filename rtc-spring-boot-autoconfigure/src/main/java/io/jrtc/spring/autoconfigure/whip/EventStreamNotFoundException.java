package io.jrtc.spring.autoconfigure.whip;

/** A WHEP event stream that does not exist, or no longer: deleted, or its session ended (404). */
public class EventStreamNotFoundException extends WhipException {
    public EventStreamNotFoundException(String eventStreamId) {
        super(404, "event-stream-not-found", "Unknown event stream", "no event stream '" + eventStreamId + "'");
    }
}

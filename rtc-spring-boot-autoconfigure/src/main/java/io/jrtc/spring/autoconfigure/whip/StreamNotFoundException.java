package io.jrtc.spring.autoconfigure.whip;

/** WHEP asked for a stream nobody publishes (404). */
public class StreamNotFoundException extends WhipException {
    public StreamNotFoundException(String streamId) {
        super(404, "stream-not-found", "Stream not published", "no stream '" + streamId + "' is published");
    }
}

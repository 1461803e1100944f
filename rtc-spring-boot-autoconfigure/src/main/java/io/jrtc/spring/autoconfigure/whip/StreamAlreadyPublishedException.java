package io.jrtc.spring.autoconfigure.whip;

/** WHIP asked to publish a stream id that another session publishes (409). */
public class StreamAlreadyPublishedException extends WhipException {
    public StreamAlreadyPublishedException(String streamId) {
        super(409, "stream-already-published", "Stream already published",
                "stream '" + streamId + "' is already published; end that session first");
    }
}

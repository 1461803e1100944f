package io.jrtc.spring.autoconfigure.service;

/** A message was offered to a data channel that is not open (still connecting, closing or closed). */
public class DataChannelNotOpenException extends RuntimeException {
    private final String channelId;
    private final String readyState;

    public DataChannelNotOpenException(String channelId, String readyState) {
        super("Data channel '" + channelId + "' is " + readyState + ", not open");
        this.channelId = channelId;
        this.readyState = readyState;
    }

    public String getChannelId() {
        return channelId;
    }

    public String getReadyState() {
        return readyState;
    }
}

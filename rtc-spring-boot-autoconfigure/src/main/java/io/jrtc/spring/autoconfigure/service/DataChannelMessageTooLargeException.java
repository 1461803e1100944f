package io.jrtc.spring.autoconfigure.service;

/** A message larger than the service accepts, or than the remote peer's max-message-size (RFC 8841 section 6). */
public class DataChannelMessageTooLargeException extends RuntimeException {
    private final long limit;

    public DataChannelMessageTooLargeException(long size, long limit, String whose) {
        super("A message of " + (size < 0 ? "more than " + limit : size) + " bytes exceeds " + whose + " of "
                + limit + " bytes");
        this.limit = limit;
    }

    public long getLimit() {
        return limit;
    }
}

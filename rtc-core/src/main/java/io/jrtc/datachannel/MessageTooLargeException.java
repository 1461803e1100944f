package io.jrtc.datachannel;

/** A message larger than the peer's {@code a=max-message-size} (RFC 8841 §6), refused before it is queued. */
public final class MessageTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long limit;

    public MessageTooLargeException(long size, long limit) {
        super("message of " + size + " bytes exceeds the remote maximum message size of " + limit + " bytes");
        this.size = size;
        this.limit = limit;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}

package io.jrtc.spring.autoconfigure.service;

/** Creating one more peer connection would exceed {@code rtc.limits.max-peer-connections}. */
public class PeerConnectionLimitExceededException extends RuntimeException {
    private final int limit;

    public PeerConnectionLimitExceededException(int limit) {
        super("The limit of " + limit + " open peer connections is reached; retry when one has closed");
        this.limit = limit;
    }

    public int getLimit() {
        return limit;
    }
}

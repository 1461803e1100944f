package io.jrtc.spring.autoconfigure.service;

/** A session description larger than {@code rtc.limits.max-sdp-bytes}. */
public class SdpTooLargeException extends RuntimeException {
    private final long size;
    private final long limit;

    public SdpTooLargeException(long size, long limit) {
        super(size < 0
                ? "The session description is larger than the limit of " + limit + " bytes"
                : "The session description has " + size + " bytes, more than the limit of " + limit + " bytes");
        this.size = size;
        this.limit = limit;
    }

    /** Size in bytes, or -1 when reading stopped at the limit. */
    public long getSize() {
        return size;
    }

    public long getLimit() {
        return limit;
    }
}

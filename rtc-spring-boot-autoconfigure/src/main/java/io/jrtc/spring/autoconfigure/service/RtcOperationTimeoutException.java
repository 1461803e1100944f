package io.jrtc.spring.autoconfigure.service;

/** A signalling operation did not finish within {@code rtc.limits.operation-timeout}. */
public class RtcOperationTimeoutException extends RuntimeException {
    public RtcOperationTimeoutException(String operation, java.time.Duration timeout) {
        super(operation + " did not finish within " + timeout.toMillis() + " ms");
    }
}

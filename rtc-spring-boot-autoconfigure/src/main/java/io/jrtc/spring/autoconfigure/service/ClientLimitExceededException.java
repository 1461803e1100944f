package io.jrtc.spring.autoconfigure.service;

/**
 * One client asked for more than its share: too many connections open at once, or too many creates per second,
 * counted per address or per credential ({@link ClientLimits}). Answered with 429 and Retry-After.
 */
public class ClientLimitExceededException extends RuntimeException {
    private final String property;
    private final int limit;
    private final long retryAfterSeconds;

    /**
     * @param property          the {@code rtc.limits.client.*} property that set the bound
     * @param limit             its value
     * @param retryAfterSeconds when to try again, at least 1
     */
    public ClientLimitExceededException(String property, int limit, long retryAfterSeconds, String message) {
        super(message);
        this.property = property;
        this.limit = limit;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public String getProperty() {
        return property;
    }

    public int getLimit() {
        return limit;
    }

    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }
}

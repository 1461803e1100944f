package io.jrtc.spring.autoconfigure.diagnostics;

/** The configured UDP port range is invalid or has no port that can be bound on a bind address. */
public class PortRangeUnavailableException extends RuntimeException {
    private final int min;
    private final int max;
    private final String address;
    private final String reason;

    public PortRangeUnavailableException(int min, int max, String address, String reason, Throwable cause) {
        super("UDP port range " + min + "-" + max + " cannot be bound on " + address + ": " + reason, cause);
        this.min = min;
        this.max = max;
        this.address = address;
        this.reason = reason;
    }

    public int getMin() {
        return min;
    }

    public int getMax() {
        return max;
    }

    public String getAddress() {
        return address;
    }

    public String getReason() {
        return reason;
    }
}

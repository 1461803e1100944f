package io.jrtc.spring.autoconfigure;

/** {@code rtc.port-range.*}: the UDP ports ICE binds its sockets to. */
public class PortRangeProperties {

    /**
     * Lowest UDP port to bind; 0 (with max 0) lets the operating system choose ephemeral ports.
     */
    private int min = 0;

    /**
     * Highest UDP port to bind; 0 (with min 0) lets the operating system choose ephemeral ports.
     */
    private int max = 0;

    public int getMin() {
        return min;
    }

    public void setMin(int min) {
        this.min = min;
    }

    public int getMax() {
        return max;
    }

    public void setMax(int max) {
        this.max = max;
    }
}

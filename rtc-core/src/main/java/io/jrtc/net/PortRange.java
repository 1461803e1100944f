package io.jrtc.net;

/** An inclusive UDP port range; {@code 0..0} means ephemeral ports chosen by the OS. */
public record PortRange(int min, int max) {
    public static final PortRange EPHEMERAL = new PortRange(0, 0);

    public PortRange {
        if (min < 0 || max > 65535 || min > max || (min == 0) != (max == 0)) {
            throw new IllegalArgumentException("invalid UDP port range " + min + ".." + max
                    + ": need 1 <= min <= max <= 65535, or 0..0 for ephemeral ports");
        }
    }

    public boolean isEphemeral() {
        return min == 0;
    }

    @Override
    public String toString() {
        return isEphemeral() ? "ephemeral ports" : min + ".." + max;
    }
}

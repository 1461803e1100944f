package io.jrtc.ice;

/** Protocol time for simulations: nanoseconds that only move when the test moves them, never backwards. */
public final class VirtualClock {
    private long now;

    public VirtualClock(long start) {
        this.now = start;
    }

    public long now() {
        return now;
    }

    public void advanceTo(long time) {
        now = Math.max(now, time);
    }
}

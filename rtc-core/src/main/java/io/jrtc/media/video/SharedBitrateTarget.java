package io.jrtc.media.video;

import java.util.HashMap;
import java.util.Map;

/**
 * The bitrate one encoder shared by several readers aims at (a transcode that every viewer of a codec watches):
 * the lowest of the readers' targets, so the most constrained viewer is not flooded, held between a floor (one
 * viewer on a poor link must not drag every other one to nothing) and a ceiling. Hysteresis keeps one viewer's dip
 * from thrashing the encoder, whose every retune costs a keyframe for all: a move counts only past
 * {@link #MOVE_SHARE} of the current rate, and only once it has lasted {@link #DOWN_HOLD_NANOS} (down) or
 * {@link #UP_HOLD_NANOS} (up); a new reader counts after {@link #READER_SETTLE_NANOS}, as its estimate still ramps
 * up from its start value. Time is the media time of the pictures encoded, so no clock is read. Thread-safe.
 */
public final class SharedBitrateTarget {
    public static final long DEFAULT_FLOOR = 150_000;
    public static final long DEFAULT_CEILING = 2_500_000;
    /** A wanted rate within this share of the current one is no move. */
    static final double MOVE_SHARE = 0.15;
    static final long DOWN_HOLD_NANOS = 1_000_000_000L;
    /** Longer than down: an estimate recovering overshoots less when it is trusted late. */
    static final long UP_HOLD_NANOS = 4_000_000_000L;
    /** GCC starts at 300 kbit/s; its probes and increases take a few seconds to reach a good link's rate. */
    static final long READER_SETTLE_NANOS = 5_000_000_000L;

    private static final long NOT_SEEN = Long.MIN_VALUE;

    /** A reader's last target and when (media time) it was first taken into account. */
    private static final class Reader {
        long bitsPerSecond;
        long firstSeen = NOT_SEEN;
    }

    private final long floor;
    private final long ceiling;
    private final Map<Object, Reader> readers = new HashMap<>();
    private long current;
    private long moveSince = NOT_SEEN;
    private boolean movingDown;

    /** Between the default floor and ceiling, starting at {@link VideoCodecs#DEFAULT_BITRATE}. */
    public SharedBitrateTarget() {
        this(DEFAULT_FLOOR, DEFAULT_CEILING, VideoCodecs.DEFAULT_BITRATE);
    }

    /** @throws IllegalArgumentException unless MIN_BITRATE <= floor <= initial <= ceiling */
    public SharedBitrateTarget(long floor, long ceiling, long initial) {
        if (floor < VideoCodecs.MIN_BITRATE || floor > initial || initial > ceiling) {
            throw new IllegalArgumentException("want " + VideoCodecs.MIN_BITRATE + " <= floor " + floor
                    + " <= initial " + initial + " <= ceiling " + ceiling);
        }
        this.floor = floor;
        this.ceiling = ceiling;
        this.current = initial;
    }

    public synchronized void report(Object reader, long bitsPerSecond) {
        readers.computeIfAbsent(reader, r -> new Reader()).bitsPerSecond = bitsPerSecond;
    }

    public synchronized void forget(Object reader) {
        readers.remove(reader);
    }

    /** Readers reporting now. */
    public synchronized int readers() {
        return readers.size();
    }

    /** The rate to encode the picture of media time {@code nowNanos} at, bit/s. */
    public synchronized int at(long nowNanos) {
        long wanted = wanted(nowNanos);
        if (wanted < 0 || Math.abs(wanted - current) <= MOVE_SHARE * current) {
            moveSince = NOT_SEEN;
            return (int) current;
        }
        boolean down = wanted < current;
        // A new direction, or media time that went back (a restarted source), starts the hold again.
        if (moveSince == NOT_SEEN || down != movingDown || nowNanos < moveSince) {
            moveSince = nowNanos;
            movingDown = down;
        }
        if (nowNanos - moveSince >= (down ? DOWN_HOLD_NANOS : UP_HOLD_NANOS)) {
            current = wanted;
            moveSince = NOT_SEEN;
        }
        return (int) current;
    }

    /** The lowest settled reader's target within the bounds, or -1 while no reader has settled. */
    private long wanted(long nowNanos) {
        long lowest = Long.MAX_VALUE;
        for (Reader reader : readers.values()) {
            if (reader.firstSeen == NOT_SEEN || nowNanos < reader.firstSeen) {
                reader.firstSeen = nowNanos;
            }
            if (nowNanos - reader.firstSeen >= READER_SETTLE_NANOS) {
                lowest = Math.min(lowest, reader.bitsPerSecond);
            }
        }
        return lowest == Long.MAX_VALUE ? -1 : Math.max(floor, Math.min(ceiling, lowest));
    }
}

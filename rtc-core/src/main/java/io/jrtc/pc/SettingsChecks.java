package io.jrtc.pc;

import java.time.Duration;
import java.util.Objects;

/** The validation the engine's settings records share: one message shape for every knob. */
final class SettingsChecks {
    private SettingsChecks() {
    }

    static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    static Duration notNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    static long range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
        }
        return value;
    }

    static void ordered(String smaller, Duration a, String larger, Duration b) {
        if (a.compareTo(b) > 0) {
            throw new IllegalArgumentException(smaller + " (" + a + ") must not exceed " + larger + " (" + b + ")");
        }
    }
}

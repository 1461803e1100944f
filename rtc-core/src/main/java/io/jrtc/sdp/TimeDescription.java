package io.jrtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A {@code t=} line with the {@code r=} lines that follow it (RFC 8866 §5.9, §5.10), single-spaced. */
public record TimeDescription(String timing, List<String> repeats) {

    public TimeDescription {
        Objects.requireNonNull(timing, "timing");
        String[] f = SdpSyntax.fields(SdpSyntax.requireLineText(timing, "t= value"), "t= value");
        if (f.length != 2 || !SdpSyntax.isDigits(f[0]) || !SdpSyntax.isDigits(f[1])) {
            throw new IllegalArgumentException("t= needs <start-time> <stop-time> as decimal numbers");
        }
        timing = f[0] + " " + f[1];
        repeats = SdpSyntax.requireLineTexts(repeats, "r= value").stream().map(SdpSyntax::stripEnd).toList();
    }

    /** A time description without repeats, such as {@code "0 0"} (an unbounded session). */
    public static TimeDescription of(String timing) {
        return new TimeDescription(timing, List.of());
    }

    TimeDescription withRepeat(String repeat) {
        List<String> all = new ArrayList<>(repeats);
        all.add(repeat);
        return new TimeDescription(timing, all);
    }
}

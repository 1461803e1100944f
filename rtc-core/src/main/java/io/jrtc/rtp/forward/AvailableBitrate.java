package io.jrtc.rtp.forward;

/**
 * How many bits per second the path to one viewer carries now, as the {@link LayerSelector} consumes it. Today
 * a connection feeds it from the viewer's REMB (draft-alvestrand-rmcat-remb); a send-side estimator (transport-wide
 * feedback, delay and loss based) replaces that source through {@code RtpSession#setAvailableBitrate}.
 */
@FunctionalInterface
public interface AvailableBitrate {
    /** The estimate is not known (yet): the selector keeps what it has. */
    long UNKNOWN = -1;

    /** Bits per second, or {@link #UNKNOWN}. */
    long bitsPerSecond();
}

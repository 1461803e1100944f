package io.jrtc.rtp.cc;

import java.util.List;

/**
 * The delay-based half of the estimator (draft-ietf-rmcat-gcc-02 §5): each feedback's received packets, in
 * sending order, go through {@link InterArrival} and the {@link TrendlineEstimator}; the resulting signal and the
 * acknowledged rate drive the {@link AimdRateControl}.
 */
final class DelayBasedEstimator {
    private final InterArrival interArrival = new InterArrival();
    private final TrendlineEstimator trendline = new TrendlineEstimator();
    private final AcknowledgedBitrate acknowledged = new AcknowledgedBitrate();
    private final AimdRateControl rateControl;

    DelayBasedEstimator(long startBitrate, long minBitrate, long maxBitrate) {
        rateControl = new AimdRateControl(startBitrate, minBitrate, maxBitrate);
    }

    /** Applies one feedback's packets (in sequence order); returns the new estimate in bit/s. */
    long onPacketResults(long now, List<PacketResult> results) {
        boolean any = false;
        for (PacketResult result : results) {
            if (!result.received()) {
                continue;
            }
            any = true;
            acknowledged.onReceived(result.receiveTime(), result.size());
            InterArrival.Deltas deltas = interArrival.onPacket(result.sendTime(), result.receiveTime());
            if (deltas != null) {
                trendline.update(deltas.arrivalDelta() / 1e6, deltas.sendDelta() / 1e6, deltas.arrivalTime() / 1e6);
            }
        }
        return any ? rateControl.update(now, trendline.state(), acknowledged.bitrate()) : rateControl.bitrate();
    }

    long bitrate() {
        return rateControl.bitrate();
    }

    long acknowledgedBitrate() {
        return acknowledged.bitrate();
    }

    BandwidthUsage usage() {
        return trendline.state();
    }

    void setRoundTripTime(long nanos) {
        rateControl.setRoundTripTime(nanos);
    }

    /** A probe leaves now; see {@link AimdRateControl#onProbeStarted}. */
    void onProbeStarted(long now) {
        rateControl.onProbeStarted(now);
    }

    /** A probe got {@code bitrate} through; see {@link AimdRateControl#onProbeResult}. */
    void onProbeResult(long now, long bitrate, boolean restorable) {
        rateControl.onProbeResult(now, bitrate, restorable);
    }
}

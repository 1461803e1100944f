/**
 * Send-side congestion control, sans-IO: a Google Congestion Control style estimator
 * (draft-ietf-rmcat-gcc-02) fed by transport-wide CC feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01)
 * and RTCP loss reports, with a pacer. Every input carries its time in the clock's nanoseconds; nothing here reads
 * a clock, opens a socket or starts a thread.
 * <ul>
 * <li>{@link io.jrtc.rtp.cc.SentPacketHistory} numbers what we send and matches feedback to it.</li>
 * <li>Delay-based (gcc-02 §5): {@link io.jrtc.rtp.cc.InterArrival} groups packets sent within 5 ms,
 * {@link io.jrtc.rtp.cc.TrendlineEstimator} fits the queuing-delay trend (libwebrtc's trendline filter in place of
 * gcc-02's Kalman filter), {@link io.jrtc.rtp.cc.OveruseDetector} compares it with an adaptive threshold (§5.4),
 * {@link io.jrtc.rtp.cc.AimdRateControl} turns the signal into a rate (§5.5).</li>
 * <li>Loss-based (gcc-02 §6): {@link io.jrtc.rtp.cc.LossBasedEstimator}.</li>
 * <li>Probing for ramp-up: {@link io.jrtc.rtp.cc.ProbeController} asks for clusters,
 * {@link io.jrtc.rtp.cc.ProbeResultEstimator} reads the rate they got through.</li>
 * <li>{@link io.jrtc.rtp.cc.Pacer}: sends in 5 ms budgets and pads for probes.</li>
 * <li>{@link io.jrtc.rtp.cc.SendSideBandwidthEstimator} ties them together: the target is the smallest of the
 * delay-based estimate, the loss-based estimate and a peer's REMB (draft-alvestrand-rmcat-remb-03).</li>
 * </ul>
 */
package io.jrtc.rtp.cc;

/**
 * The one source of time of the stack. {@link io.jrtc.time.RtcClock} gives a monotonic reading for timers, a
 * wall-clock reading for what needs one (RTCP sender-report NTP time, stats timestamps, certificate validity) and a
 * scheduler; {@link io.jrtc.time.RtcClock#system()} is the only code in rtc-core that reads the real clock.
 * An {@link io.jrtc.pc.RtcEngine} is created with one, and everything it runs reads time from it;
 * {@link io.jrtc.time.VirtualClock} moves only when a test says so.
 */
package io.jrtc.time;

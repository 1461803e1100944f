package io.jrtc.pc;

import static io.jrtc.pc.SettingsChecks.notNegative;
import static io.jrtc.pc.SettingsChecks.positive;
import static io.jrtc.pc.SettingsChecks.range;

import java.time.Duration;

/**
 * RTP knobs of every sender and receiver of an engine (RFC 3550, RFC 4585, RFC 4588).
 *
 * @param nackHistoryPackets     packets a sender keeps per stream to resend when a NACK asks (RFC 4588); 1,024
 * @param nackHistoryAge         how long a sent packet stays resendable at least; 1 s (three round-trip times
 *                               when that is longer, within nackHistoryPackets)
 * @param nackReorderDelay       how long a receiver lets a gap be reordering before it sends a NACK; 10 ms
 * @param audioJitterBufferPackets how many later packets an audio frame waits for a missing one before it is given
 *                               up (each packet is 20 ms of audio); 5
 * @param videoJitterBufferPackets the same for video frames, which span many packets; 128
 * @param retransmissionBudget   the bytes a sender may resend on NACKs, as a ratio of the media bytes it sent (a
 *                               token bucket filled by media, holding at most that ratio of the history); 1.0, so
 *                               NACKs at most double what a stream sends; 0 resends nothing
 */
public record RtpSettings(int nackHistoryPackets, Duration nackHistoryAge, Duration nackReorderDelay,
                          int audioJitterBufferPackets, int videoJitterBufferPackets, double retransmissionBudget) {
    /** The most packets a jitter buffer holds (the frame assembler's capacity). */
    public static final int MAX_JITTER_BUFFER_PACKETS = 512;
    /** The largest retransmission budget: resending each media byte a hundred times is no cap at all. */
    public static final double MAX_RETRANSMISSION_BUDGET = 100;

    public RtpSettings {
        range("rtp nackHistoryPackets", nackHistoryPackets, 1, 32768);
        positive("rtp nackHistoryAge", nackHistoryAge);
        notNegative("rtp nackReorderDelay", nackReorderDelay);
        range("rtp audioJitterBufferPackets", audioJitterBufferPackets, 1, MAX_JITTER_BUFFER_PACKETS);
        range("rtp videoJitterBufferPackets", videoJitterBufferPackets, 1, MAX_JITTER_BUFFER_PACKETS);
        if (!(retransmissionBudget >= 0 && retransmissionBudget <= MAX_RETRANSMISSION_BUDGET)) {
            throw new IllegalArgumentException("rtp retransmissionBudget must be between 0 and "
                    + MAX_RETRANSMISSION_BUDGET + " (a ratio of the media bytes), was " + retransmissionBudget);
        }
    }

    public static RtpSettings defaults() {
        return new RtpSettings(1024, Duration.ofSeconds(1), Duration.ofMillis(10), 5, 128, 1.0);
    }

    public RtpSettings withNackHistory(int packets, Duration age) {
        return new RtpSettings(packets, age, nackReorderDelay, audioJitterBufferPackets, videoJitterBufferPackets,
                retransmissionBudget);
    }

    public RtpSettings withNackReorderDelay(Duration delay) {
        return new RtpSettings(nackHistoryPackets, nackHistoryAge, delay, audioJitterBufferPackets,
                videoJitterBufferPackets, retransmissionBudget);
    }

    public RtpSettings withJitterBufferPackets(int audio, int video) {
        return new RtpSettings(nackHistoryPackets, nackHistoryAge, nackReorderDelay, audio, video,
                retransmissionBudget);
    }

    public RtpSettings withRetransmissionBudget(double ratio) {
        return new RtpSettings(nackHistoryPackets, nackHistoryAge, nackReorderDelay, audioJitterBufferPackets,
                videoJitterBufferPackets, ratio);
    }
}

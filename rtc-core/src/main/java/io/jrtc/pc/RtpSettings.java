package io.jrtc.pc;

import static io.jrtc.pc.SettingsChecks.notNegative;
import static io.jrtc.pc.SettingsChecks.positive;
import static io.jrtc.pc.SettingsChecks.range;

import java.time.Duration;

/**
 * RTP knobs of every sender and receiver of an engine (RFC 3550, RFC 4585, RFC 4588).
 *
 * @param nackHistoryPackets     packets a sender keeps per stream to resend when a NACK asks (RFC 4588); 1,024
 * @param nackHistoryAge         how long a sent packet stays resendable; 1 s
 * @param nackReorderDelay       how long a receiver lets a gap be reordering before it sends a NACK; 10 ms
 * @param audioJitterBufferPackets how many later packets an audio frame waits for a missing one before it is given
 *                               up (each packet is 20 ms of audio); 5
 * @param videoJitterBufferPackets the same for video frames, which span many packets; 128
 */
public record RtpSettings(int nackHistoryPackets, Duration nackHistoryAge, Duration nackReorderDelay,
                          int audioJitterBufferPackets, int videoJitterBufferPackets) {
    /** The most packets a jitter buffer holds (the frame assembler's capacity). */
    public static final int MAX_JITTER_BUFFER_PACKETS = 512;

    public RtpSettings {
        range("rtp nackHistoryPackets", nackHistoryPackets, 1, 32768);
        positive("rtp nackHistoryAge", nackHistoryAge);
        notNegative("rtp nackReorderDelay", nackReorderDelay);
        range("rtp audioJitterBufferPackets", audioJitterBufferPackets, 1, MAX_JITTER_BUFFER_PACKETS);
        range("rtp videoJitterBufferPackets", videoJitterBufferPackets, 1, MAX_JITTER_BUFFER_PACKETS);
    }

    public static RtpSettings defaults() {
        return new RtpSettings(1024, Duration.ofSeconds(1), Duration.ofMillis(10), 5, 128);
    }

    public RtpSettings withNackHistory(int packets, Duration age) {
        return new RtpSettings(packets, age, nackReorderDelay, audioJitterBufferPackets, videoJitterBufferPackets);
    }

    public RtpSettings withNackReorderDelay(Duration delay) {
        return new RtpSettings(nackHistoryPackets, nackHistoryAge, delay, audioJitterBufferPackets,
                videoJitterBufferPackets);
    }

    public RtpSettings withJitterBufferPackets(int audio, int video) {
        return new RtpSettings(nackHistoryPackets, nackHistoryAge, nackReorderDelay, audio, video);
    }
}

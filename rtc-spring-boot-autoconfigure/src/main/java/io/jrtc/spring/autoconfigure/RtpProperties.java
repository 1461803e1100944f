package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.RtpSettings;
import java.time.Duration;

/** {@code rtc.rtp.*}: retransmission history and budget, and jitter buffers of every RTP sender and receiver. */
public class RtpProperties {
    private static final RtpSettings DEFAULTS = RtpSettings.defaults();

    /** Packets a sender keeps per stream to resend on a NACK. */
    private int nackHistoryPackets = DEFAULTS.nackHistoryPackets();

    /** How long a sent packet stays resendable at least (three round-trip times when that is longer). */
    private Duration nackHistoryAge = DEFAULTS.nackHistoryAge();

    /** How long a receiver lets a gap be reordering before it sends a NACK. */
    private Duration nackReorderDelay = DEFAULTS.nackReorderDelay();

    /** Later packets an audio frame waits for a missing one before it is given up. */
    private int audioJitterBufferPackets = DEFAULTS.audioJitterBufferPackets();

    /** Later packets a video frame waits for a missing one before it is given up. */
    private int videoJitterBufferPackets = DEFAULTS.videoJitterBufferPackets();

    /** Bytes a sender may resend on NACKs, as a ratio of the media bytes it sent (0 resends nothing). */
    private double retransmissionBudget = DEFAULTS.retransmissionBudget();

    RtpSettings toSettings() {
        return new RtpSettings(nackHistoryPackets, nackHistoryAge, nackReorderDelay, audioJitterBufferPackets,
                videoJitterBufferPackets, retransmissionBudget);
    }

    public double getRetransmissionBudget() {
        return retransmissionBudget;
    }

    public void setRetransmissionBudget(double retransmissionBudget) {
        this.retransmissionBudget = retransmissionBudget;
    }

    public int getNackHistoryPackets() {
        return nackHistoryPackets;
    }

    public void setNackHistoryPackets(int nackHistoryPackets) {
        this.nackHistoryPackets = nackHistoryPackets;
    }

    public Duration getNackHistoryAge() {
        return nackHistoryAge;
    }

    public void setNackHistoryAge(Duration nackHistoryAge) {
        this.nackHistoryAge = nackHistoryAge;
    }

    public Duration getNackReorderDelay() {
        return nackReorderDelay;
    }

    public void setNackReorderDelay(Duration nackReorderDelay) {
        this.nackReorderDelay = nackReorderDelay;
    }

    public int getAudioJitterBufferPackets() {
        return audioJitterBufferPackets;
    }

    public void setAudioJitterBufferPackets(int audioJitterBufferPackets) {
        this.audioJitterBufferPackets = audioJitterBufferPackets;
    }

    public int getVideoJitterBufferPackets() {
        return videoJitterBufferPackets;
    }

    public void setVideoJitterBufferPackets(int videoJitterBufferPackets) {
        this.videoJitterBufferPackets = videoJitterBufferPackets;
    }
}

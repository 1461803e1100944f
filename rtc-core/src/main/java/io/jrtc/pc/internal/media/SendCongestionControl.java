package io.jrtc.pc.internal.media;

import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpParseException;
import io.jrtc.rtp.TransportSequenceNumberExtension;
import io.jrtc.rtp.TransportWideFeedback;
import io.jrtc.rtp.cc.Pacer;
import io.jrtc.rtp.cc.ProbeCluster;
import io.jrtc.rtp.cc.SendSideBandwidthEstimator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * The send side of one transport's congestion control: once a sender negotiated transport-wide sequence numbers
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01), every RTP packet of the session (media, RTX, padding) goes
 * through the {@link Pacer}, gets the transport's next sequence number written into its extension and is noted by
 * the {@link SendSideBandwidthEstimator}, which feedback, REMB and report blocks drive. Listeners hear the target
 * when it moves. On the connection's loop, except for the published {@link #targetBitrate()}.
 */
final class SendCongestionControl {
    /** A move of the target smaller than this share is not worth telling the listeners. */
    private static final double PUBLISH_CHANGE = 0.05;
    private static final long PUBLISH_INTERVAL_NANOS = 1_000_000_000L;

    /** Where paced packets go out, and who writes padding. */
    interface Output {
        /** Protects and sends a plain RTP packet now. */
        void sendNow(byte[] packet, int length);

        /** Writes a padding-only packet of about {@code size} padding bytes into {@code dst}; 0 if none can. */
        int writePadding(byte[] dst, int size);
    }

    private final SendSideBandwidthEstimator estimator;
    private final Pacer pacer;
    private final Output output;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final byte[] padding = new byte[1500];
    private int extensionId = NegotiatedParameters.NO_EXTENSION;
    private volatile long published = -1;
    private long lastPublished = Long.MIN_VALUE;

    SendCongestionControl(SendSideBandwidthEstimator.Settings settings, Output output) {
        this.estimator = new SendSideBandwidthEstimator(settings);
        this.pacer = new Pacer(settings.startBitrate());
        this.output = output;
    }

    /** A sender negotiated transport-wide sequence numbers with this id (the bundle shares it, RFC 8843 §9.2). */
    void useExtension(int id) {
        if (id != NegotiatedParameters.NO_EXTENSION) {
            extensionId = id;
            if (published < 0) {
                published = estimator.targetBitrate();  // the start rate, until feedback says more
            }
        }
    }

    boolean active() {
        return extensionId != NegotiatedParameters.NO_EXTENSION;
    }

    /** The extension id packets are numbered in, or {@link NegotiatedParameters#NO_EXTENSION}. */
    int extensionId() {
        return extensionId;
    }

    /**
     * Paces a packet, copied with {@code room} spare bytes (for SRTP's tag): it leaves now if the budget allows,
     * else from {@link #onTimeout}.
     */
    void send(long now, byte[] packet, int length, int room) {
        pacer.enqueue(packet, length, room);
        drain(now);
    }

    void onTimeout(long now) {
        if (estimator.pollTimeout() <= now) {
            estimator.handleTimeout(now);
        }
        drain(now);
    }

    long deadline() {
        return active() ? Math.min(pacer.pollTimeout(), estimator.pollTimeout()) : Long.MAX_VALUE;
    }

    void onFeedback(long now, TransportWideFeedback feedback) {
        estimator.handleFeedback(now, feedback);
        update(now);
    }

    void onRemb(long now, long bitrate) {
        estimator.handleRemb(bitrate);
        update(now);
    }

    void onReportBlock(long now, int fractionLost, long roundTripTime) {
        estimator.handleRoundTripTime(roundTripTime);
        estimator.handleReportBlock(now, fractionLost, 1);
        update(now);
    }

    /** The target in bit/s, or -1 while no sender negotiated transport-wide feedback; any thread. */
    long targetBitrate() {
        return published;
    }

    void addListener(LongConsumer listener) {
        listeners.add(listener);
        if (published >= 0) {
            listener.accept(published);
        }
    }

    void removeListener(LongConsumer listener) {
        listeners.remove(listener);
    }

    private void drain(long now) {
        for (ProbeCluster probe = estimator.pollProbe(); probe != null; probe = estimator.pollProbe()) {
            pacer.addProbe(probe);
        }
        for (Pacer.Outgoing out = pacer.poll(now); out != null; out = pacer.poll(now)) {
            if (out.isPadding()) {
                int length = output.writePadding(padding, out.length());
                if (length > 0) {
                    number(now, padding, length, out.probeClusterId());
                    output.sendNow(padding, length);
                }
            } else {
                number(now, out.packet(), out.length(), out.probeClusterId());
                output.sendNow(out.packet(), out.length());
            }
        }
        update(now);
    }

    /** Writes the transport's next sequence number into the packet's extension element, where it has one. */
    private void number(long now, byte[] packet, int length, int probeClusterId) {
        try {
            RtpHeader header = RtpHeader.parse(packet, 0, length);
            int at = header.extensionOffset(extensionId);
            if (at >= 0 && header.extensionLength(extensionId) == TransportSequenceNumberExtension.LENGTH) {
                int sequence = estimator.onPacketSent(now, length, probeClusterId);
                packet[at] = (byte) (sequence >>> 8);
                packet[at + 1] = (byte) sequence;
            }
        } catch (RtpParseException notRtp) {
            // only packets our senders wrote come here
        }
    }

    private void update(long now) {
        if (!active()) {
            return;
        }
        long target = estimator.targetBitrate();
        pacer.setTargetBitrate(target);
        long previous = published;
        if (previous < 0 || Math.abs(target - previous) > PUBLISH_CHANGE * previous
                || now - lastPublished >= PUBLISH_INTERVAL_NANOS) {
            published = target;
            lastPublished = now;
            if (target != previous) {
                listeners.forEach(listener -> listener.accept(target));
            }
        }
    }

    /** Packets fed back as lost over all fed back. */
    double lossFraction() {
        return estimator.lossFraction();
    }
}

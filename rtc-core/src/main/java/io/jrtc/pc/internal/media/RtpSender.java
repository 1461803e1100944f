package io.jrtc.pc.internal.media;

import io.jrtc.codec.RtpPayload;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.VideoFrame;
import io.jrtc.pc.InvalidStateError;
import io.jrtc.pc.RTCRtcpParameters;
import io.jrtc.pc.RTCRtpParameters;
import io.jrtc.pc.RTCStats;
import io.jrtc.pc.TypeError;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.rtp.GenericNack;
import io.jrtc.rtp.NtpTimestamp;
import io.jrtc.rtp.ReportBlock;
import io.jrtc.rtp.SendStatistics;
import io.jrtc.rtp.SenderReport;
import io.jrtc.sdp.media.ExtMap;
import io.jrtc.sdp.media.RtpCodec;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Encodes and sends one track's media (behind the API's RTCRtpSender). Once a negotiation says we send and DTLS is
 * up, it asks the track for one frame at a time ({@link MediaStreamTrack#recv()}), packetizes it on the
 * connection's loop and asks for the next: no thread waits for media, and a slow track only delays itself. A raw
 * picture is handed to its codec's encoder off the loop (pictures it has no time for are dropped there), and the
 * coded frame comes back to the loop to be packetized.
 */
public final class RtpSender {
    private static final System.Logger LOG = System.getLogger(RtpSender.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectionContext context;
    private final MediaKind kind;
    private final int ssrc = RANDOM.nextInt();
    private final int rtxSsrc = RANDOM.nextInt();
    private final String cname;
    private final String streamId;
    /** The msid track id while no track is attached, the same in every description (RFC 8830 §2). */
    private final String placeholderTrackId = UUID.randomUUID().toString();
    private final SenderPacketWriter writer = new SenderPacketWriter(ssrc);
    /** Forwards the publisher's packets when the track offers them in a negotiated codec; on the loop. */
    private final ForwardingSender forwarding = new ForwardingSender(this);
    private volatile MediaStreamTrack track;
    /** What is read for {@link #track}: itself, or its video re-coded to a negotiated codec; on the loop. */
    private final SentTrack sentTrack = new SentTrack();
    /** The bundle's RTP session; null until the connection has a DTLS transport. */
    private volatile RtpSession session;
    private volatile boolean stopped;
    private volatile List<RtpCodec> sendCodecs = List.of();
    private volatile List<ExtMap> sendExtensions = List.of();
    // On the loop.
    /** One per negotiated codec we can send, in the negotiation's preference order. */
    private List<FramePacketizer> packetizers = List.of();
    private FramePacketizer lastUsed;
    /** What raw video is encoded at, bits per second; 0 until {@link #setTargetBitrate} (the codec's default). */
    private int targetBitrate;
    private volatile String mid;
    private boolean sending;
    /** The track an unanswered recv() was asked of, or null: one frame at a time per track. */
    private MediaStreamTrack pullingFrom;
    private SendStatistics statistics;
    private Retransmissions retransmissions;
    /** The RTX payload type for each media payload type, as {@link #retransmissions} was made for. */
    private Map<Integer, Integer> retransmissionTypes = Map.of();
    private final OutboundRtpStats outboundStats = new OutboundRtpStats();
    /** What the last onTargetBitrate gave the encoder, bit/s; 0: nothing yet. */
    private long encoderBitrate;
    /** Whether the last frame sent was raw (encoded here), not a coded one passed through. */
    private boolean encodedLast;

    /** A sender of a kind with a track or none; {@link #attach} gives it the RTP session it sends over. */
    public RtpSender(ConnectionContext context, MediaKind kind, MediaStreamTrack track, String cname, String streamId) {
        this.context = context;
        this.kind = kind;
        this.track = track;
        this.cname = cname;
        this.streamId = streamId;
    }

    public ConnectionContext context() {
        return context;
    }

    /** The track being sent, or null. */
    public MediaStreamTrack track() {
        return track;
    }

    /** The RTP session the media goes over; null before the connection has a DTLS transport. */
    public RtpSession session() {
        return session;
    }

    /**
     * Sends another track (or none) from now on, without renegotiation (W3C replaceTrack). The new track must be
     * of the sender's kind.
     */
    public CompletableFuture<Void> replaceTrack(MediaStreamTrack newTrack) {
        if (newTrack != null && newTrack.getKind() != kind) {
            return CompletableFuture.failedFuture(new TypeError("a " + newTrack.getKind() + " track cannot replace "
                    + "the " + kind + " track of this sender"));
        }
        return context.onLoop(() -> {
            if (stopped) {
                throw new InvalidStateError("the sender is stopped");
            }
            track = newTrack;
            pullNext();
            return null;
        });
    }

    /**
     * Starts sending with these parameters (the reference's send): the first codec that is not a repair format
     * is sent with its payload type, RTX for it when listed, the header extensions with their ids, and the MID
     * ({@code muxId}) in each packet when the MID extension is listed. Sending begins once DTLS is connected.
     */
    public CompletableFuture<Void> send(RTCRtpParameters parameters) {
        List<RtpCodec> codecs = NegotiatedParameters.codecs(parameters);
        List<ExtMap> extensions = NegotiatedParameters.extensions(parameters);
        return context.onLoop(() -> {
            if (stopped) {
                throw new InvalidStateError("the sender is stopped");
            }
            configure(parameters.muxId().isEmpty() ? null : parameters.muxId(), codecs, extensions, true);
            return null;
        });
    }

    /** The negotiated sending parameters: codecs, header extensions, and RTCP with our SSRC and CNAME. */
    public RTCRtpParameters parameters() {
        return NegotiatedParameters.of(sendCodecs, sendExtensions, mid,
                new RTCRtcpParameters(cname, true, Integer.toUnsignedLong(ssrc)));
    }

    /** Stops sending for good. */
    public CompletableFuture<Void> stop() {
        return context.onLoop(() -> {
            stopOnLoop();
            return null;
        });
    }

    void stopOnLoop() {
        stopped = true;
        sending = false;
        forwarding.close();
        packetizers.forEach(FramePacketizer::close);
        sentTrack.close();
    }

    /**
     * Caps the bitrate raw video is encoded at, in bits per second (0: no cap); below it, the encoder follows the
     * send-side bandwidth estimate. Coded frames (forwarded) are not affected.
     */
    public void setTargetBitrate(int bitsPerSecond) {
        context.onLoop(() -> {
            targetBitrate = bitsPerSecond;
            RtpSession rtp = session;
            onTargetBitrate(rtp == null ? -1 : rtp.availableOutgoingBitrate());
            return null;
        });
    }

    MediaKind kind() {
        return kind;
    }

    int ssrc() {
        return ssrc;
    }

    String cname() {
        return cname;
    }

    String streamId() {
        return streamId;
    }

    /**
     * The track id our descriptions signal in {@code a=msid} and {@code a=ssrc:... msid} (RFC 8830 §2, RFC 8829
     * §5.2.1): the track's, or a random one of this sender's while it has none, so that a sender without a track
     * does not look like a new track to the remote in each description.
     */
    String signalledTrackId() {
        MediaStreamTrack current = track;
        return current == null ? placeholderTrackId : current.getId();
    }

    /** Sends over this RTP session from now on; on the loop. */
    public void attach(RtpSession rtp) {
        this.session = rtp;
        rtp.add(this);
        rtp.useTransportSequenceNumbers(writer.transportCcExtensionId());
        rtp.addBandwidthListener(this::onTargetBitrate);
    }

    /**
     * The transport's estimate moved (-1: none): an encoding codec follows it, video within the application's cap
     * (on the loop).
     */
    private void onTargetBitrate(long estimate) {
        long bitrate = kind == MediaKind.VIDEO && targetBitrate > 0
                ? (estimate > 0 ? Math.min(estimate, targetBitrate) : targetBitrate) : estimate;
        if (bitrate <= 0) {
            return;
        }
        encoderBitrate = bitrate;
        for (FramePacketizer packetizer : packetizers) {
            packetizer.setTargetBitrate(bitrate);
        }
        sentTrack.setTargetBitrate(bitrate);
    }

    /**
     * Applies a negotiation. Raw audio is encoded with the first negotiated codec (not a repair format); a coded
     * frame goes out with the first negotiated codec of its format, so a relay forwards whichever of the
     * negotiated codecs its source has (RFC 3264 §6.1 lets a sender use any of them). A played file's video in
     * none of them is read re-coded to one of them ({@link SentTrack}).
     */
    void configure(String mid, List<RtpCodec> codecs, List<ExtMap> extensions, boolean send) {
        this.mid = mid;
        writer.configure(extensions);
        RtpSession rtp = session;
        if (rtp != null) {
            rtp.useTransportSequenceNumbers(writer.transportCcExtensionId());
        }
        List<RtpCodec> sendable = codecs.stream().filter(c -> !c.isRtx() && SupportedCodecs.supports(c)).toList();
        sendCodecs = sendable;
        sendExtensions = List.copyOf(extensions);
        if (sendable.isEmpty()) {
            sending = false;
            return;
        }
        List<RtpCodec> current = packetizers.stream().map(FramePacketizer::codec).toList();
        Map<Integer, Integer> rtxTypes = Retransmissions.rtxPayloadTypes(codecs, sendable);
        boolean codecsChanged = !current.equals(sendable);
        if (codecsChanged) {
            packetizers.forEach(FramePacketizer::close);
            packetizers = sendable.stream().map(codec -> new FramePacketizer(codec, this::onEncoded)).toList();
            onTargetBitrate(rtp == null ? -1 : rtp.availableOutgoingBitrate());
            lastUsed = packetizers.get(0);
            statistics = new SendStatistics(ssrc, sendable.get(0).clockRate(), context.pump().now(),
                    NtpTimestamp.fromUnixNanos(context.clock().currentTimeMillis() * 1_000_000L));
        }
        // RTX can be negotiated after the media codecs (a first description without it, a later one with it): the
        // retransmission path follows the payload types of each negotiation, else NACKs would go unanswered.
        if (codecsChanged || !rtxTypes.equals(retransmissionTypes)) {
            retransmissions = new Retransmissions(context.engine().settings().rtp(), rtxSsrc, rtxTypes,
                    RANDOM.nextInt(1 << 16));
            retransmissionTypes = rtxTypes;
        }
        sending = send && !stopped;
        pullNext();
    }

    /** The packetizer for a frame: the first codec that can carry it, or null. */
    private FramePacketizer packetizerFor(Frame frame) {
        for (FramePacketizer candidate : packetizers) {
            if (candidate.carries(frame)) {
                return candidate;
            }
        }
        return null;
    }

    /** DTLS is up: start pulling frames if the negotiation said we send. */
    void onTransportReady() {
        pullNext();
    }

    /**
     * Asks the current track for its next frame, unless it was already asked. A replaced track's outstanding
     * recv() does not hold the new track back: its frame is dropped when it comes.
     */
    private void pullNext() {
        MediaStreamTrack source = track;
        RtpSession rtp = session;
        boolean mayGo = sending && !stopped && rtp != null && rtp.ready();
        if (forwarding.follow(mayGo ? source : null, sendCodecs)) {
            return;  // the publisher's packets go out as they are: no frames pulled
        }
        MediaStreamTrack read = sentTrack.of(source, sendCodecs);
        if (read == null || read == pullingFrom || !sending || stopped || rtp == null || !rtp.ready()) {
            return;
        }
        pullingFrom = read;
        read.recv().whenComplete((frame, failure) -> {
            try {
                context.pump().loop().execute(() -> onFrame(read, frame, failure));
            } catch (RejectedExecutionException loopGone) {
                // the connection is gone
            }
        });
    }

    private void onFrame(MediaStreamTrack source, Frame frame, Throwable failure) {
        if (source == pullingFrom) {
            pullingFrom = null;
        }
        MediaStreamTrack current = track;
        boolean read = source == sentTrack.of(current, sendCodecs);
        if (failure != null && read) {
            LOG.log(Level.DEBUG, () -> "track " + source.getId() + " gave no frame: " + failure);
            return;  // an ended track sends nothing more; replaceTrack starts again
        }
        if (failure == null && read && sending && !stopped && !forwarding.active()) {
            outboundStats.onSourceFrame(context.pump().now(), frame);
            send(current.isEnabled() ? frame : FramePacketizer.silenced(frame));
            context.pump().run();
        }
        pullNext();
    }

    private void send(Frame frame) {
        FramePacketizer packetizer = frame == null ? null : packetizerFor(frame);
        if (packetizer != null && frame instanceof VideoFrame picture) {
            if (packetizer.encode(picture)) {
                outboundStats.onFrameDropped();  // an older picture the encoder had no time for
            }
            return;  // encoded off the loop: onEncoded sends it
        }
        FramePacketizer.Packets packets = packetizer == null ? null : packetizer.packetize(frame);
        transmit(packetizer, packets, !(frame instanceof EncodedFrame));
    }

    /** A raw picture's coded frame, on a codec thread: packetized and sent on the loop. */
    private void onEncoded(FramePacketizer packetizer, EncodedFrame coded) {
        try {
            context.pump().loop().execute(() -> {
                if (sending && !stopped && !forwarding.active() && packetizers.contains(packetizer)) {
                    transmit(packetizer, packetizer.packetize(coded), true);
                    context.pump().run();
                }
            });
        } catch (RejectedExecutionException loopGone) {
            // the connection is gone
        }
    }

    private void transmit(FramePacketizer packetizer, FramePacketizer.Packets packets, boolean encodedHere) {
        if (packets == null) {
            outboundStats.onFrameDropped();
            return;
        }
        lastUsed = packetizer;
        encodedLast = encodedHere;
        RtpSession rtp = session;
        long now = context.pump().now();
        int timestamp = writer.timestamp(packets.timestamp());
        List<RtpPayload> payloads = packets.payloads();
        for (int i = 0; i < payloads.size(); i++) {
            RtpPayload payload = payloads.get(i);
            int length = writer.write(packetizer.codec().payloadType(), timestamp, payload, packets.audioLevel(),
                    packets.colorSpace(), mid);
            retransmissions.onSent(now, writer.packet(), length);
            rtp.sendRtp(writer.packet(), length);
            statistics.handleSent(now, timestamp, payload.data().length);
        }
        writer.onFrameSent(timestamp);
        outboundStats.onFrameSent();
    }

    /** Whether forwarded packets may go out now; on the loop. */
    boolean sendsForwarded() {
        RtpSession rtp = session;
        return sending && !stopped && rtp != null && statistics != null;
    }

    /**
     * Sends a forwarded packet that {@link ForwardingSender} wrote with our SSRC and payload type: kept for the
     * viewer's NACKs, protected, sent, counted. On the loop; the array needs room for the SRTP tag.
     */
    void sendForwarded(byte[] rtp, int length, boolean endsFrame, int payloadLength) {
        long now = context.pump().now();
        int timestamp = (rtp[4] & 0xFF) << 24 | (rtp[5] & 0xFF) << 16 | (rtp[6] & 0xFF) << 8 | rtp[7] & 0xFF;
        retransmissions.onSent(now, rtp, length);
        session.sendRtp(rtp, length);
        statistics.handleSent(now, timestamp, payloadLength);
        if (endsFrame) {
            outboundStats.onFrameSent();
        }
    }

    /** This sender's forwarding state (layer targets), or null when it does not forward packets; on the loop. */
    public io.jrtc.rtp.forward.ForwardingStream forwardingStream() {
        return forwarding.stream();
    }

    /**
     * Forwards simulcast layer {@code layer} (0 lowest) with VP8 temporal layers up to {@code temporalLayer} when
     * this sender forwards packets; null: chosen from the peer's available bitrate again. Any thread.
     */
    public void chooseForwardedLayer(io.jrtc.rtp.forward.LayerSelector.Choice choice) {
        forwarding.chooseLayer(choice);
    }

    int midExtensionId() {
        return writer.midExtensionId();
    }

    /** The AV1 dependency descriptor's negotiated id, or {@link NegotiatedParameters#NO_EXTENSION}. */
    int dependencyDescriptorExtensionId() {
        return writer.dependencyDescriptorExtensionId();
    }

    /** The transport-wide sequence number extension's id, or NO_EXTENSION when it was not negotiated. */
    int transportCcExtensionId() {
        return writer.transportCcExtensionId();
    }

    String mid() {
        return mid;
    }

    /**
     * Writes a padding-only packet (RFC 3550 §5.1) of up to {@code size} padding bytes on this sender's RTX stream
     * into {@code dst}, for the pacer to probe with; 0 when this sender cannot pad: it sends nothing yet, has no
     * RTX (padding on the media stream would read as lost media to a receiver), or sends without transport-wide
     * sequence numbers, so the probe could not be measured. On the loop.
     */
    int writePadding(byte[] dst, int size) {
        if (!sending || stopped || statistics == null || !statistics.sentAny()) {
            return 0;
        }
        return writer.writePadding(dst, size, retransmissions, lastUsed.codec().payloadType(), rtxSsrc, mid);
    }

    /** The round-trip time the last report block measured, in nanoseconds, or -1. */
    long roundTripTime() {
        return statistics == null ? -1 : statistics.roundTripTime();
    }

    /** A sender report with our counts, or null before anything was sent; on the loop. */
    SenderReport senderReport(long now, List<ReportBlock> blocks) {
        return statistics == null || !statistics.sentAny() ? null : statistics.senderReport(now, blocks);
    }

    /** The remote lost packets: what is still held goes again on the RTX stream. */
    void onNack(long now, GenericNack nack) {
        if (retransmissions != null) {
            retransmissions.onNack(now, nack, statistics.roundTripTime(), session);
        }
    }

    /** The SSRC of our retransmissions (RFC 4588 §8: announced with ssrc-group FID). */
    int rtxSsrc() {
        return rtxSsrc;
    }

    /** The remote asked for a keyframe (PLI, or FIR when {@code full}): the track's source is asked in turn. */
    void onKeyframeRequest(boolean full) {
        outboundStats.onKeyframeRequest(full);
        packetizers.forEach(FramePacketizer::requestKeyframe);
        MediaStreamTrack current = sentTrack.of(track, sendCodecs);
        if (current != null) {
            current.requestKeyframe();
        }
    }

    void onReportBlock(long now, ReportBlock block) {
        if (statistics != null) {
            statistics.handleReportBlock(now, block);
            outboundStats.onReportBlock(block);
        }
    }

    /** Adds this sender's outbound-rtp (and remote-inbound-rtp) stats; on the loop. */
    public void addStats(List<RTCStats> stats, double timestamp, String transportId) {
        if (statistics == null) {
            return;
        }
        boolean encoding = encodedLast && !forwarding.active();  // a coded frame passed through has no encoder
        outboundStats.add(stats, timestamp, transportId, new OutboundRtpStats.Sender(ssrc, kind, mid, track,
                statistics, retransmissions, lastUsed, encoding, targetBitrate, encoderBitrate, context.pump().now()));
    }
}

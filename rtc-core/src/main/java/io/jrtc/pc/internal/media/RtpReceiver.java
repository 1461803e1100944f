package io.jrtc.pc.internal.media;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.InvalidStateError;
import io.jrtc.pc.RTCInboundRtpStreamStats;
import io.jrtc.pc.RTCRtcpParameters;
import io.jrtc.pc.RTCRtpParameters;
import io.jrtc.pc.RTCRtpSynchronizationSource;
import io.jrtc.pc.RTCStats;
import io.jrtc.pc.internal.config.ProtocolConfigs;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.rtp.AudioLevelExtension;
import io.jrtc.rtp.ColorSpaceExtension;
import io.jrtc.rtp.GenericNack;
import io.jrtc.rtp.ReceiveStatistics;
import io.jrtc.rtp.ReportBlock;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.SdesMidExtension;
import io.jrtc.rtp.SenderReport;
import io.jrtc.rtp.TransportSequenceNumberExtension;
import io.jrtc.sdp.media.ExtMap;
import io.jrtc.sdp.media.RtpCodec;
import io.netty.util.collection.IntObjectHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Receives and decodes one remote track (behind the API's RTCRtpReceiver). RTP arrives on the connection's loop
 * from the bundle's {@link RtpSession}; frames are reassembled per payload format, Opus and G.711 decoded to PCM,
 * video handed on coded, and pushed into {@link #getTrack()}, which drops its oldest frame when nobody reads it.
 */
public final class RtpReceiver {
    private static final int TRACK_BUFFER_FRAMES = 64;
    /** Sources one receiver follows: a sender that restarts gets a new SSRC, a peer inventing them is bounded. */
    private static final int MAX_SOURCES = 16;
    private static final long KEYFRAME_REQUEST_INTERVAL_NANOS = 300_000_000L;

    private final ConnectionContext context;
    private final MediaKind kind;
    private final BufferedTrack track;
    /** The received packets for senders that forward them (an SFU's viewers), besides the frames. */
    private final PacketFanout packets;
    /** The bundle's RTP session; null until the connection has a DTLS transport. */
    private volatile RtpSession session;
    private volatile List<RtpCodec> codecs = List.of();
    private volatile List<ExtMap> extensions = List.of();
    private volatile boolean stopped;
    private volatile String mid;
    private int audioLevelExtensionId = NegotiatedParameters.NO_EXTENSION;
    private int transportCcExtensionId = NegotiatedParameters.NO_EXTENSION;
    private double audioLevel;
    private boolean decodeAudio = true;
    private boolean receiving;
    private LossRecovery recovery;
    /** The simulcast streams this receiver takes (RFC 8853), null for one stream; each has its own loss recovery. */
    private SimulcastLayers simulcast;
    private LossRecovery[] layerRecovery = new LossRecovery[0];
    private Integer mainSsrc;
    private long lastKeyframeRequest = Long.MIN_VALUE / 2;
    private long keyframeRequestsSent;
    private boolean keyframeRequestHeld;
    private boolean keyframeWanted;
    // On the loop.
    private final Map<Integer, FrameDepacketizer> depacketizers = new HashMap<>();
    // Keyed by SSRC, looked up per packet: a primitive-keyed map, no boxing of SSRCs on the packet path.
    private final IntObjectHashMap<ReceiveStatistics> sources = new IntObjectHashMap<>();
    private final Map<Integer, SenderReport> lastSenderReports = new HashMap<>();
    private final SynchronizationSources synchronizationSources;
    private long bytesReceived;
    private final ReceivedFrames frames = new ReceivedFrames();
    /** The codec of the last packet that reached a depacketizer, or null. */
    private RtpCodec lastCodec;
    private long packetsDiscarded;

    /** A receiver of a kind; {@link #attach} gives it the RTP session it receives from. */
    public RtpReceiver(ConnectionContext context, MediaKind kind) {
        this.context = context;
        this.recovery = new LossRecovery(List.of(), ProtocolConfigs.nack(context.engine().settings().rtp()));
        this.kind = kind;
        this.synchronizationSources = new SynchronizationSources(context.clock());
        this.track = new BufferedTrack(kind, TRACK_BUFFER_FRAMES);
        track.onKeyframeRequest(this::requestKeyframe);
        this.packets = new PacketFanout(this::requestKeyframe);
        track.setPacketSource(packets);
    }

    public ConnectionContext context() {
        return context;
    }

    /** The remote track: decoded audio frames, coded video frames. */
    public MediaStreamTrack track() {
        return track;
    }

    /** The RTP session the media arrives over; null before the connection has a DTLS transport. */
    public RtpSession session() {
        return session;
    }

    /** The negotiated receiving parameters. */
    public RTCRtpParameters parameters() {
        return NegotiatedParameters.of(codecs, extensions, null, new RTCRtcpParameters(null, true, null));
    }

    /**
     * Starts receiving with these parameters (the reference's receive): the codecs with their payload types, the
     * header extensions with their ids, and the MID ({@code muxId}) the sender marks its packets with, if any.
     */
    public CompletableFuture<Void> receive(RTCRtpParameters parameters) {
        List<RtpCodec> negotiated = NegotiatedParameters.codecs(parameters);
        List<ExtMap> negotiatedExtensions = NegotiatedParameters.extensions(parameters);
        return context.onLoop(() -> {
            if (stopped) {
                throw new InvalidStateError("the receiver is stopped");
            }
            configure(negotiated, negotiatedExtensions, parameters.muxId().isEmpty() ? null : parameters.muxId(),
                    true);
            return null;
        });
    }

    /**
     * Whether received audio is decoded to PCM {@link io.jrtc.media.AudioFrame}s (the default) or handed on
     * coded as {@link io.jrtc.media.EncodedFrame}s, as an SFU forwards it without decoding and re-encoding.
     */
    public void setAudioDecoding(boolean decode) {
        context.onLoop(() -> {
            if (decodeAudio != decode) {
                decodeAudio = decode;
                depacketizers.clear();
            }
            return null;
        });
    }

    /**
     * Each SSRC heard from in the last 10 seconds: when, its last RTP timestamp, and its audio level when the
     * sender marks it (RFC 6464; W3C getSynchronizationSources). Refreshed every 100 ms.
     */
    public List<RTCRtpSynchronizationSource> synchronizationSources() {
        return synchronizationSources.list();
    }

    /** Stops receiving for good; the track ends. */
    public CompletableFuture<Void> stop() {
        return context.onLoop(() -> {
            stopOnLoop();
            return null;
        });
    }

    void stopOnLoop() {
        stopped = true;
        receiving = false;
        track.stop();
    }

    MediaKind kind() {
        return kind;
    }

    /** Receives from this RTP session from now on; on the loop. */
    public void attach(RtpSession rtp) {
        this.session = rtp;
        rtp.add(this);
    }

    /**
     * Asks the remote sender for a keyframe (PLI), at most every {@link #KEYFRAME_REQUEST_INTERVAL_NANOS}: the
     * consumer of the track asked (a viewer joined a relay), or frames were lost. Any thread.
     */
    private void requestKeyframe() {
        try {
            context.pump().loop().execute(this::requestKeyframeOnLoop);
        } catch (RejectedExecutionException loopGone) {
            // the connection is gone
        }
    }

    /**
     * A request inside the interval is not dropped but held and sent when the interval is up: a viewer joining a
     * relay just after another must get its keyframe too, not wait for the sender's next periodic one.
     */
    private void requestKeyframeOnLoop() {
        RtpSession rtp = session;
        if (stopped || rtp == null) {
            return;
        }
        if (mainSsrc == null) {
            keyframeWanted = true;  // sent with the first packet: the sender is not known yet
            return;
        }
        long wait = lastKeyframeRequest + KEYFRAME_REQUEST_INTERVAL_NANOS - context.pump().now();
        if (wait > 0) {
            if (!keyframeRequestHeld) {
                keyframeRequestHeld = true;
                context.pump().schedule(wait, () -> {
                    keyframeRequestHeld = false;
                    requestKeyframeOnLoop();
                });
            }
            return;
        }
        lastKeyframeRequest = context.pump().now();
        keyframeRequestsSent++;
        if (simulcast != null) {
            simulcast.forEachSsrc(rtp::sendPictureLossIndication);  // whichever layer a viewer waits for
        } else {
            rtp.sendPictureLossIndication(mainSsrc);
        }
        context.pump().run();
    }

    /**
     * Receives with these codecs and extensions, as the m-line {@code mid} negotiated them, when {@code receive};
     * an ORTC user gives them to {@link #receive(RTCRtpParameters)}. On the loop.
     */
    void configure(List<RtpCodec> negotiated, List<ExtMap> negotiatedExtensions, String mid, boolean receive) {
        this.mid = mid;
        this.receiving = receive && !stopped;
        codecs = List.copyOf(negotiated);
        extensions = List.copyOf(negotiatedExtensions);
        audioLevelExtensionId = NegotiatedParameters.extensionId(extensions, AudioLevelExtension.URI);
        transportCcExtensionId = NegotiatedParameters.extensionId(extensions, TransportSequenceNumberExtension.URI);
        depacketizers.clear();
        packets.setCodecs(negotiated,
                NegotiatedParameters.extensionId(extensions, SupportedCodecs.DEPENDENCY_DESCRIPTOR_URI));
        recovery = new LossRecovery(negotiated, ProtocolConfigs.nack(context.engine().settings().rtp()));
    }

    /**
     * Takes the simulcast streams our answer accepted, by rid in the answer's order (RFC 8853 §5.3); fewer than two
     * rids: one stream again. On the loop, after {@link #configure}.
     */
    void configureSimulcast(List<String> rids) {
        if (rids.size() < 2) {
            simulcast = null;
            layerRecovery = new LossRecovery[0];
            packets.setLayerRids(List.of());
            return;
        }
        simulcast = new SimulcastLayers(rids, NegotiatedParameters.extensionId(extensions, SimulcastAnswer.RID_URI),
                NegotiatedParameters.extensionId(extensions, SimulcastAnswer.REPAIRED_RID_URI));
        packets.setLayerRids(simulcast.ridsByRank());
        layerRecovery = new LossRecovery[simulcast.count()];
        for (int i = 0; i < layerRecovery.length; i++) {
            layerRecovery[i] = new LossRecovery(codecs, ProtocolConfigs.nack(context.engine().settings().rtp()));
        }
    }

    /** How many simulcast layers this receiver takes: 1 without simulcast. */
    public int simulcastLayers() {
        SimulcastLayers current = simulcast;
        return current == null ? 1 : current.count();
    }

    /** The id of the transport-wide sequence number extension, when negotiated (the bundle shares it). */
    int transportCcExtensionId() {
        return transportCcExtensionId;
    }

    String mid() {
        return mid;
    }

    boolean isReceiving() {
        return receiving;
    }

    boolean receives(int payloadType) {
        for (RtpCodec codec : codecs) {
            if (codec.payloadType() == payloadType) {
                return true;
            }
        }
        return false;
    }

    int midExtensionId() {
        return NegotiatedParameters.extensionId(extensions, SdesMidExtension.URI);
    }

    /** One RTP packet of ours, SRTP already removed; on the loop. */
    void handleRtp(long now, RtpHeader arrived) {
        if (stopped) {
            return;
        }
        LossRecovery recovery = this.recovery;
        int layer = 0;
        if (simulcast != null) {
            layer = simulcast.layerOf(arrived, recovery.isRtx(arrived.payloadType()));
            if (layer < 0) {
                packetsDiscarded++;  // a stream of no rid we answered, or one whose RID we have not seen
                return;
            }
            recovery = layerRecovery[layer];
        }
        RtpHeader packet = arrived;
        boolean recovered = recovery.isRtx(arrived.payloadType());
        if (recovered) {
            packet = recovery.unwrap(arrived);
            if (packet == null) {
                packetsDiscarded++;
                return;
            }
        }
        FrameDepacketizer depacketizer = depacketizer(packet.payloadType());
        if (depacketizer == null) {
            packetsDiscarded++;
            return;
        }
        ReceiveStatistics statistics = sources.get(packet.ssrc());
        if (statistics == null) {
            if (sources.size() >= MAX_SOURCES) {
                packetsDiscarded++;
                return;
            }
            statistics = new ReceiveStatistics(packet.ssrc(), depacketizer.codec().clockRate());
            sources.put(packet.ssrc(), statistics);
        }
        if (recovered) {
            statistics.handleRecoveredPacket(now, packet.sequenceNumber());
        } else {
            statistics.handlePacket(now, packet);
        }
        recovery.onMediaPacket(now, packet, session.reportingSsrc());
        bytesReceived += packet.payloadLength();
        if (simulcast != null) {
            if (kind == MediaKind.VIDEO && "vp8".equalsIgnoreCase(depacketizer.codec().encodingName())) {
                int width = Vp8KeyframeWidth.of(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
                if (width != Vp8KeyframeWidth.NONE) {
                    simulcast.onKeyframeWidth(layer, width);
                }
            }
            if (simulcast.onMediaPacket(now, layer, packet.payloadLength())) {
                packets.setLayerRids(simulcast.ridsByRank());
            }
            packets.publish(packet, now, simulcast.rank(layer));
            if (!simulcast.isTop(layer)) {
                return;  // the track's frames come from one layer: the highest that is sending
            }
        }
        mainSsrc = packet.ssrc();
        if (keyframeWanted) {
            keyframeWanted = false;
            requestKeyframeOnLoop();
        }
        synchronizationSources.noteHeard(now, packet, audioLevelExtensionId);
        if (simulcast == null) {
            packets.publish(packet, now, 0);
        }
        long droppedBefore = depacketizer.droppedFrames();
        lastCodec = depacketizer.codec();
        depacketizer.receive(now, packet, track);
        audioLevel = depacketizer.lastAudioLevel();
        if (kind == MediaKind.VIDEO && depacketizer.droppedFrames() > droppedBefore) {
            requestKeyframe();  // the pictures after a lost one do not decode until the next keyframe
        }
    }

    long lossRecoveryDeadline() {
        long deadline = recovery.deadline();
        for (LossRecovery layer : layerRecovery) {
            deadline = Math.min(deadline, layer.deadline());
        }
        return deadline;
    }

    /** Sends the NACKs due by {@code now}. */
    void onLossRecoveryTimeout(long now) {
        List<GenericNack> due = new ArrayList<>();
        recovery.onTimeout(now, due);
        for (LossRecovery layer : layerRecovery) {
            layer.onTimeout(now, due);
        }
        for (GenericNack nack : due) {
            session.sendFeedback(nack);
        }
    }

    void handleSenderReport(long now, SenderReport report) {
        ReceiveStatistics statistics = sources.get(report.ssrc());
        if (statistics != null) {
            statistics.handleSenderReport(now, report);
            lastSenderReports.put(report.ssrc(), report);
        }
    }

    boolean hasSource(int ssrc) {
        return sources.containsKey(ssrc);
    }

    /** Report blocks about every source heard from, for our next RTCP report. */
    List<ReportBlock> reportBlocks(long now) {
        List<ReportBlock> blocks = new ArrayList<>();
        for (ReceiveStatistics statistics : sources.values()) {
            if (statistics.valid()) {
                blocks.add(statistics.reportBlock(now));
            }
        }
        return blocks;
    }

    /** Adds this receiver's inbound-rtp (and remote-outbound-rtp) stats; on the loop. */
    public void addStats(List<RTCStats> stats, double timestamp, String transportId) {
        for (ReceiveStatistics statistics : sources.values()) {
            Map<String, Object> s = new LinkedHashMap<>();
            long ssrc = Integer.toUnsignedLong(statistics.ssrc());
            s.put("ssrc", ssrc);
            s.put("kind", kind.toString());
            s.put("transportId", transportId);
            s.put("trackIdentifier", track.getId());
            s.put("packetsReceived", statistics.packetsReceived());
            s.put("packetsLost", statistics.cumulativeLost());
            s.put("packetsDiscarded", packetsDiscarded);
            s.put("bytesReceived", bytesReceived);
            int clockRate = codecs.stream().filter(c -> !c.isRtx()).mapToInt(RtpCodec::clockRate).findFirst()
                    .orElse(90_000);
            s.put("jitter", statistics.jitter() / (double) clockRate);
            s.put("codecId", lastCodec == null ? null
                    : CodecStats.add(stats, timestamp, transportId, lastCodec, true));
            // Not W3C here (its rid is outbound-rtp's, of a simulcast sender, which we are not): an SSRC's layer.
            s.put("rid", simulcast == null ? null : simulcast.ridOf(statistics.ssrc()));
            boolean feedsTrack = mainSsrc == null || mainSsrc == statistics.ssrc();
            if (kind == MediaKind.AUDIO) {
                s.put("totalSamplesReceived", depacketizers.values().stream()
                        .mapToLong(FrameDepacketizer::samplesDecoded).sum());
                s.put("audioLevel", audioLevel);
                s.put("playoutId",
                        decodeAudio && feedsTrack ? AudioPlayoutStats.add(stats, timestamp, kind, track) : null);
            } else {
                if (feedsTrack) {
                    frames.addVideoStats(s, context.pump().now());
                }
                s.put("firCount", 0L);  // we ask for keyframes with PLI only
            }
            if (feedsTrack) {
                frames.addJitterBufferStats(s);
            }
            s.put("framesDropped", track.droppedFrames());
            s.put("pliCount", keyframeRequestsSent);
            s.put("nackCount", recovery.nacksSent());
            s.put("retransmittedPacketsReceived", recovery.packetsRecovered());
            SenderReport report = lastSenderReports.get(statistics.ssrc());
            if (report != null) {
                s.put("remoteId", "RO" + ssrc);
                RemoteOutboundStats.add(stats, timestamp, transportId, kind, ssrc, report);
            }
            stats.add(new RTCInboundRtpStreamStats("IT" + ssrc, timestamp, s));
        }
    }

    private FrameDepacketizer depacketizer(int payloadType) {
        FrameDepacketizer existing = depacketizers.get(payloadType);
        if (existing != null) {
            return existing;
        }
        for (RtpCodec codec : codecs) {
            if (codec.payloadType() == payloadType && !codec.isRtx() && SupportedCodecs.supports(codec)) {
                FrameDepacketizer created = new FrameDepacketizer(codec, decodeAudio, context.engine().settings().rtp(),
                        frames, NegotiatedParameters.extensionId(extensions, ColorSpaceExtension.URI));
                depacketizers.put(payloadType, created);
                return created;
            }
        }
        return null;
    }
}

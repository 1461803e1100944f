package io.jrtc.pc.internal.media;

import io.jrtc.codec.Depacketizer;
import io.jrtc.codec.Vp9PayloadDescriptor;
import io.jrtc.codec.Vp9PayloadFormat;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.forward.ForwardedPacket;
import io.jrtc.rtp.forward.PacketListener;
import io.jrtc.rtp.forward.PacketSource;
import io.jrtc.sdp.media.RtpCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver's packets for the senders that forward them ({@link PacketSource}): each packet is copied and
 * inspected once, then queued once per event loop that has listeners, so a packet for a hundred viewers on two
 * loops costs two hand-overs, not a hundred; a loop drains its queue in one task and flushes once per batch.
 * A loop that falls {@link #MAX_QUEUED} packets behind loses the newest (its viewers NACK and resync).
 */
final class PacketFanout implements PacketSource {
    static final int MAX_QUEUED = 4096;

    private final Runnable keyframeRequester;
    private final Object lock = new Object();
    private volatile Group[] groups = new Group[0];
    private volatile List<RtpCodec> codecs = List.of();
    /** The payload format by payload type, null where none is forwarded; audio maps to {@link #AUDIO}. */
    private volatile Depacketizer[] formats = new Depacketizer[128];
    private int dependencyDescriptorId = ForwardedPacket.ABSENT;
    private long refused;
    private static final long RATE_INTERVAL_NANOS = 1_000_000_000L;
    /** Bytes per layer rank since {@link #rateSince}, and the bitrates of the last full interval. */
    private final long[] layerBytes = new long[SimulcastLayers.MAX_LAYERS];
    private long rateSince = Long.MIN_VALUE;
    private volatile long[] layerBitrates = new long[1];
    /** Whether a VP9 spatial layer above 0 came in the simulcast layer 0 since {@link #rateSince}. */
    private boolean spatialSinceRate;
    private volatile int spatialLayers = 1;
    private volatile List<String> layerRids = List.of();

    /** Stands for "every packet stands alone" in {@link #formats}. */
    private static final Depacketizer AUDIO = new Depacketizer() {
        @Override
        public int inspect(byte[] payload, int off, int len) {
            return FRAME_START | KEYFRAME;
        }

        @Override
        public byte[] assemble(io.jrtc.codec.PacketRun packets) {
            throw new UnsupportedOperationException("forwarding never assembles frames");
        }
    };

    PacketFanout(Runnable keyframeRequester) {
        this.keyframeRequester = keyframeRequester;
    }

    /**
     * The receiver's negotiated codecs and the header extension id of the AV1 dependency descriptor
     * ({@link NegotiatedParameters#NO_EXTENSION}: not negotiated); on the receiver's loop.
     */
    void setCodecs(List<RtpCodec> negotiated, int dependencyDescriptorId) {
        this.dependencyDescriptorId = dependencyDescriptorId == NegotiatedParameters.NO_EXTENSION
                ? ForwardedPacket.ABSENT : dependencyDescriptorId;
        Depacketizer[] byType = new Depacketizer[128];
        List<RtpCodec> media = new ArrayList<>();
        for (RtpCodec codec : negotiated) {
            if (codec.isRtx() || !SupportedCodecs.supports(codec)) {
                continue;
            }
            Depacketizer format = codec.kind().equals("audio") ? AUDIO : videoFormat(codec);
            if (format != null && codec.payloadType() >= 0 && codec.payloadType() < 128) {
                byType[codec.payloadType()] = format;
                media.add(codec);
            }
        }
        formats = byType;
        codecs = List.copyOf(media);
    }

    /**
     * The video codecs forwarded as packets, each proven by a real viewer that decodes them: VP8 and H.264 by
     * rtc-core's VideoInteropTest (Chromium, packetization-mode 1; mode 0 by RecordedStreamForwardingTest's
     * GStreamer packets only), H.264 High, VP9, AV1 (with its dependency descriptor) and H.265 by sample-service's
     * CodecInteropTest (GStreamer and Chromium publishers through WHIP, Chromium viewers and, for H.265, a GStreamer
     * one). A codec added to the negotiated list keeps the frame path until a real peer shows its forwarding
     * decodes.
     */
    private static final Set<String> FORWARDED_VIDEO = Set.of("vp8", "vp9", "h264", "av1", "h265");

    /** The payload format that tells a codec's frame starts and keyframes, or null for one not forwarded. */
    private static Depacketizer videoFormat(RtpCodec codec) {
        String encoding = codec.encodingName().toLowerCase(Locale.ROOT);
        return FORWARDED_VIDEO.contains(encoding) ? FrameDepacketizer.payloadFormat(encoding) : null;
    }

    @Override
    public List<RtpCodec> codecs() {
        return codecs;
    }

    /** Whether anybody listens: the receiver skips the copy otherwise. */
    boolean hasListeners() {
        return groups.length > 0;
    }

    /** A media packet (RTX already unwrapped) of simulcast {@code layer}; on the receiver's loop. */
    void publish(RtpHeader packet, long now, int layer) {
        Depacketizer format = formats[packet.payloadType()];
        countRate(now, rateRank(packet, layer, format), packet.length());
        Group[] current = groups;
        if (current.length == 0) {
            return;
        }
        if (format == null) {
            return;
        }
        ForwardedPacket copy = ForwardedPacket.copyOf(packet, now, layer, format == AUDIO ? null : format,
                dependencyDescriptorId);
        if (copy == null) {
            refused++;
            return;
        }
        for (Group group : current) {
            group.offer(copy);
        }
    }

    /**
     * Where a packet's bytes count: its simulcast layer, or for one VP9 encoding its spatial layer (SVC inside
     * simulcast encodings is not told apart: their spatial layers count as the encoding's).
     */
    private int rateRank(RtpHeader packet, int layer, Depacketizer format) {
        if (layer != 0 || !(format instanceof Vp9PayloadFormat)) {
            return layer;
        }
        int spatial = Vp9PayloadDescriptor.spatialLayerOf(packet.buffer(), packet.payloadOffset(),
                packet.payloadLength());
        if (spatial > 0) {
            spatialSinceRate = true;
            return spatial;
        }
        return 0;
    }

    private void countRate(long now, int layer, int length) {
        if (layer < 0 || layer >= layerBytes.length) {
            return;
        }
        layerBytes[layer] += length;
        if (rateSince == Long.MIN_VALUE) {
            rateSince = now;
        } else if (now - rateSince >= RATE_INTERVAL_NANOS) {
            int layers = 1;
            for (int i = 0; i < layerBytes.length; i++) {
                layers = layerBytes[i] > 0 ? i + 1 : layers;
            }
            long[] rates = new long[layers];
            for (int i = 0; i < layers; i++) {
                rates[i] = layerBytes[i] * 8 * 1_000_000_000L / (now - rateSince);
                if (spatialSinceRate && i > 0) {
                    rates[i] += rates[i - 1];  // a spatial layer's viewer gets the layers below too
                }
            }
            spatialLayers = spatialSinceRate ? layers : 1;
            spatialSinceRate = false;
            layerBitrates = rates;
            java.util.Arrays.fill(layerBytes, 0);
            rateSince = now;
        }
    }

    @Override
    public long[] layerBitrates() {
        return layerBitrates.clone();
    }

    @Override
    public int spatialLayers() {
        return spatialLayers;
    }

    /** The simulcast layers' rids by rank, whenever the ranking changes; on the receiver's loop. */
    void setLayerRids(List<String> rids) {
        layerRids = List.copyOf(rids);
    }

    @Override
    public List<String> layerRids() {
        return layerRids;
    }

    /** Packets not forwarded: malformed payloads, padding only. */
    long refusedPackets() {
        return refused;
    }

    @Override
    public AutoCloseable subscribe(Executor executor, PacketListener listener) {
        synchronized (lock) {
            Group group = null;
            for (Group g : groups) {
                if (g.executor == executor) {
                    group = g;
                }
            }
            if (group == null) {
                group = new Group(executor);
                groups = append(groups, group);
            }
            group.add(listener);
        }
        return () -> unsubscribe(executor, listener);
    }

    private void unsubscribe(Executor executor, PacketListener listener) {
        synchronized (lock) {
            for (Group g : groups) {
                if (g.executor == executor && g.remove(listener) && g.listeners.length == 0) {
                    List<Group> rest = new ArrayList<>(List.of(groups));
                    rest.remove(g);
                    groups = rest.toArray(Group[]::new);
                    return;
                }
            }
        }
    }

    @Override
    public void requestKeyframe() {
        keyframeRequester.run();
    }

    private static Group[] append(Group[] groups, Group group) {
        Group[] more = java.util.Arrays.copyOf(groups, groups.length + 1);
        more[groups.length] = group;
        return more;
    }

    /** The listeners on one executor (event loop), with the packets queued for them. */
    private static final class Group implements Runnable {
        final Executor executor;
        volatile PacketListener[] listeners = new PacketListener[0];
        final Queue<ForwardedPacket> queue = new ConcurrentLinkedQueue<>();
        final AtomicInteger queued = new AtomicInteger();
        final AtomicBoolean scheduled = new AtomicBoolean();

        Group(Executor executor) {
            this.executor = executor;
        }

        void add(PacketListener listener) {
            PacketListener[] more = java.util.Arrays.copyOf(listeners, listeners.length + 1);
            more[listeners.length] = listener;
            listeners = more;
        }

        boolean remove(PacketListener listener) {
            List<PacketListener> rest = new ArrayList<>(List.of(listeners));
            boolean removed = rest.remove(listener);
            listeners = rest.toArray(PacketListener[]::new);
            return removed;
        }

        void offer(ForwardedPacket packet) {
            if (queued.incrementAndGet() > MAX_QUEUED) {
                queued.decrementAndGet();
                return;
            }
            queue.offer(packet);
            if (scheduled.compareAndSet(false, true)) {
                try {
                    executor.execute(this);
                } catch (RejectedExecutionException loopGone) {
                    queue.clear();
                    queued.set(0);
                }
            }
        }

        @Override
        public void run() {
            scheduled.set(false);
            PacketListener[] targets = listeners;
            for (ForwardedPacket packet = queue.poll(); packet != null; packet = queue.poll()) {
                queued.decrementAndGet();
                for (PacketListener listener : targets) {
                    listener.onPacket(packet);
                }
            }
            for (PacketListener listener : targets) {
                listener.onBatchEnd();
            }
        }
    }
}

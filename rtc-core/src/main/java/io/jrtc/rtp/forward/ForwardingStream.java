package io.jrtc.rtp.forward;

import io.jrtc.rtp.RtpHeaderWriter;

/**
 * One viewer's copy of a forwarded track, sans-IO: fed the publisher's packets (with their arrival time), it
 * decides which go to the viewer and rewrites their headers so that the viewer sees one continuous stream, the
 * way mediasoup's consumers, LiveKit's down tracks and Jitsi's bridge do:
 * <ul>
 * <li>it forwards one simulcast layer (RFC 8853) at a time and moves to the {@linkplain #setTargetLayer target}
 * only at a keyframe of the target, so the viewer's decoder never gets a picture it cannot decode; until then it
 * keeps forwarding the current layer and asks for a keyframe ({@link #pollKeyframeRequest()});</li>
 * <li>sequence numbers, timestamps, the VP8 and VP9 picture id and TL0PICIDX (RFC 7741 §4.2, RFC 9628 §4.2) and
 * the AV1 dependency descriptor's frame number continue across switches (timestamps advance by the arrival time
 * between the last packet of the old layer and the first of the new);</li>
 * <li>VP8 and VP9 frames of a temporal layer above the {@linkplain #setTargetTemporalLayer target} are dropped
 * without a gap in the sequence numbers (nor, for VP8, in the picture ids); a higher target takes effect at a
 * base-layer or layer-sync frame (VP8), at a keyframe or switching-up point (VP9's U bit);</li>
 * <li>VP9 spatial layers (SVC) above the {@linkplain #setTargetSpatialLayer target} are dropped the same way, the
 * marker bit set on the last packet of the highest one forwarded (the end of the picture, RFC 9628 §4); a lower
 * target takes effect at the next picture, a higher one at a keyframe, which is asked for.</li>
 * </ul>
 * The caller owns the output header: it sets the SSRC, payload type and its own header extensions, this sets
 * sequence number, timestamp and marker, adds the dependency descriptor and writes the packet. Not thread-safe:
 * one viewer's thread.
 */
public final class ForwardingStream {
    /** What {@link #forward} returns for a packet the viewer does not get. */
    public static final int NOT_FORWARDED = -1;
    /** The highest VP8 temporal layer id (TID is two bits); as a VP9 target it stands for every layer. */
    public static final int ALL_TEMPORAL_LAYERS = 3;
    /** The highest VP9 spatial layer id (SID is three bits): every spatial layer. */
    public static final int ALL_SPATIAL_LAYERS = 7;
    private static final int NO_LAYER = -1;
    /** While waiting for a keyframe of the target layer, the request is repeated this often. */
    private static final long KEYFRAME_REPEAT_NANOS = 1_000_000_000L;

    private final int clockRate;
    private final CounterMap sequenceNumbers = new CounterMap(16);
    private final CounterMap tl0PicIdx = new CounterMap(8);
    private CounterMap pictureIds = new CounterMap(15);
    private final CounterMap frameNumbers = new CounterMap(16);
    private final byte[] dependencyDescriptor = new byte[255];
    private int dependencyDescriptorId = ForwardedPacket.ABSENT;
    private int currentLayer = NO_LAYER;
    private volatile int targetLayer;
    private int maxTemporal = ALL_TEMPORAL_LAYERS;
    private volatile int targetTemporal = ALL_TEMPORAL_LAYERS;
    private int maxSpatial = ALL_SPATIAL_LAYERS;
    private volatile int targetSpatial = ALL_SPATIAL_LAYERS;
    private boolean timestampStarted;
    private int timestampOffset;
    private boolean anyOut;
    private int lastTimestamp;
    private long lastArrival;
    private boolean keyframeWanted = true;
    private long lastKeyframeRequest = Long.MIN_VALUE;
    private long forwarded;
    private long dropped;
    private long switches;

    /** @param clockRate the RTP clock of the forwarded codec, for timestamps across switches */
    public ForwardingStream(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, got " + clockRate);
        }
        this.clockRate = clockRate;
    }

    /**
     * The header extension id the viewer negotiated for the AV1 dependency descriptor, or
     * {@link ForwardedPacket#ABSENT}: the publisher's descriptor is then not forwarded. On the viewer's thread.
     */
    public void setDependencyDescriptorId(int id) {
        dependencyDescriptorId = id;
    }

    /** The simulcast layer to forward (0: the lowest); taken at its next keyframe. Any thread. */
    public void setTargetLayer(int layer) {
        if (layer < 0) {
            throw new IllegalArgumentException("a layer index is not negative, got " + layer);
        }
        targetLayer = layer;
    }

    public int targetLayer() {
        return targetLayer;
    }

    /** The highest VP8 temporal layer to forward, 0 to {@link #ALL_TEMPORAL_LAYERS}. Any thread. */
    public void setTargetTemporalLayer(int temporalLayer) {
        if (temporalLayer < 0 || temporalLayer > ALL_TEMPORAL_LAYERS) {
            throw new IllegalArgumentException("a VP8 temporal layer is 0 to 3, got " + temporalLayer);
        }
        targetTemporal = temporalLayer;
    }

    public int targetTemporalLayer() {
        return targetTemporal;
    }

    /** The highest VP9 spatial layer to forward, 0 to {@link #ALL_SPATIAL_LAYERS}. Any thread. */
    public void setTargetSpatialLayer(int spatialLayer) {
        if (spatialLayer < 0 || spatialLayer > ALL_SPATIAL_LAYERS) {
            throw new IllegalArgumentException("a VP9 spatial layer is 0 to 7, got " + spatialLayer);
        }
        targetSpatial = spatialLayer;
    }

    public int targetSpatialLayer() {
        return targetSpatial;
    }

    /** The highest VP9 spatial layer being forwarded. */
    public int currentSpatialLayer() {
        return maxSpatial;
    }

    /** The layer being forwarded, or -1 before the first keyframe. */
    public int currentLayer() {
        return currentLayer;
    }

    /**
     * The packets come from another publisher from now on (the viewer's track was replaced, as when a stream is
     * published again): nothing goes out until the new source's keyframe, which is asked for, and from it every
     * number continues the viewer's stream as across a layer switch. The new source must use the same clock.
     */
    public void newSource() {
        currentLayer = NO_LAYER;
        keyframeWanted = true;
        lastKeyframeRequest = Long.MIN_VALUE;
    }

    public int clockRate() {
        return clockRate;
    }

    /** Whether a keyframe should be asked of the publisher now (true once per need). */
    public boolean pollKeyframeRequest() {
        boolean wanted = keyframeWanted;
        keyframeWanted = false;
        return wanted;
    }

    /**
     * Writes the packet for the viewer into {@code dst} at 0 with {@code header} (already holding the viewer's
     * SSRC, payload type and extensions); returns its length, or {@link #NOT_FORWARDED}.
     */
    public int forward(ForwardedPacket packet, RtpHeaderWriter header, byte[] dst) {
        if (!select(packet)) {
            return NOT_FORWARDED;
        }
        if (dropsSpatialLayer(packet) | dropsTemporalLayer(packet)) {  // both: each decides at a picture's start
            sequenceNumbers.drop(packet.sequenceNumber());
            PictureNumbering numbering = packet.numbering();
            // every packet: the frame's first may be late
            if (numbering.pictureId() != ForwardedPacket.ABSENT && !numbering.pictureIdGapsKept()) {
                pictureIds(numbering.pictureIdBits()).drop(numbering.pictureId());
            }
            dropped++;
            return NOT_FORWARDED;
        }
        int sequenceNumber = sequenceNumbers.map(packet.sequenceNumber());
        if (sequenceNumber == CounterMap.NOT_MAPPED) {
            dropped++;
            return NOT_FORWARDED;
        }
        int timestamp = timestamp(packet);
        header.sequenceNumber(sequenceNumber).timestamp(timestamp).marker(endsPicture(packet));
        addDependencyDescriptor(packet, header);
        int headerLength = header.headerLength();
        int length = header.write(dst, 0, packet.data(), packet.payloadOffset(), packet.payloadLength(), 0);
        rewritePictureNumbering(packet.numbering(), dst, headerLength);
        forwarded++;
        return length;
    }

    /** Whether the packet is of the layer forwarded, switching to the target layer at its keyframe. */
    private boolean select(ForwardedPacket packet) {
        int target = targetLayer;
        if (packet.layer() == currentLayer) {
            askAgainWhileWaiting(packet.arrival(), target);
            return true;
        }
        if (packet.layer() != target) {
            return false;
        }
        if (!packet.keyframe()) {
            askAgainWhileWaiting(packet.arrival(), target);
            return false;
        }
        switchTo(target);
        return true;
    }

    private void askAgainWhileWaiting(long now, int target) {
        if (target != currentLayer) {
            askForKeyframe(now);
        }
    }

    private void askForKeyframe(long now) {
        if (lastKeyframeRequest == Long.MIN_VALUE || now - lastKeyframeRequest >= KEYFRAME_REPEAT_NANOS) {
            lastKeyframeRequest = now;
            keyframeWanted = true;
        }
    }

    private void switchTo(int layer) {
        if (currentLayer != NO_LAYER) {
            switches++;
        }
        currentLayer = layer;
        sequenceNumbers.startSource();
        pictureIds.startSource();
        tl0PicIdx.startSource();
        frameNumbers.startSource();
        timestampStarted = false;
        maxTemporal = targetTemporal;
        maxSpatial = targetSpatial;
        lastKeyframeRequest = Long.MIN_VALUE;
    }

    /**
     * VP9 spatial layers above the target are dropped. At a picture's start a lower target applies at once (lower
     * layers never reference higher ones), a higher one only at a keyframe: an upper layer's frames reference its
     * own earlier frames, which the viewer does not have, so a keyframe is asked for meanwhile.
     */
    private boolean dropsSpatialLayer(ForwardedPacket packet) {
        int sid = packet.spatialLayer();
        if (sid == ForwardedPacket.ABSENT) {
            return false;
        }
        if (packet.frameStart()) {
            int target = targetSpatial;
            if (target < maxSpatial || target > maxSpatial && packet.keyframe()) {
                maxSpatial = target;
                lastKeyframeRequest = Long.MIN_VALUE;
            } else if (target > maxSpatial) {
                askForKeyframe(packet.arrival());
            }
        }
        return sid > maxSpatial;
    }

    /**
     * The marker bit: the publisher's, or set on the last packet of the highest VP9 spatial layer forwarded, which
     * ends the picture for this viewer (RFC 9628 §4: the marker is set on the last packet of the picture).
     */
    private boolean endsPicture(ForwardedPacket packet) {
        PictureNumbering numbering = packet.numbering();
        return packet.marker() || numbering.spatialLayer() == maxSpatial && numbering.endsLayerFrame();
    }

    /**
     * VP8 and VP9 frames above the temporal target are dropped. A lower target applies at the next frame; a higher
     * one at a frame that every layer up to it may follow: for VP8 a base-layer frame or one marked layer sync
     * (Y); for VP9 a keyframe, or a forwarded picture marked switching-up point (U), after which no higher layer's
     * picture references one from before it. As a VP9 target, {@link #ALL_TEMPORAL_LAYERS} keeps every layer
     * (VP9 has up to eight).
     */
    private boolean dropsTemporalLayer(ForwardedPacket packet) {
        int tid = packet.temporalLayer();
        if (tid == ForwardedPacket.ABSENT) {
            return false;
        }
        boolean vp9 = packet.spatialLayer() != ForwardedPacket.ABSENT;
        if (packet.frameStart()) {
            int target = targetTemporal;
            boolean upSwitch = vp9 ? packet.keyframe() || packet.numbering().layerSync() && tid <= maxTemporal
                    : tid == 0 || packet.numbering().layerSync();
            if (target < maxTemporal || target > maxTemporal && upSwitch) {
                maxTemporal = target;
            }
        }
        return tid > maxTemporal && !(vp9 && maxTemporal == ALL_TEMPORAL_LAYERS);
    }

    private int timestamp(ForwardedPacket packet) {
        if (!timestampStarted) {
            timestampStarted = true;
            int first = anyOut ? lastTimestamp + Math.max(1, elapsedTicks(packet.arrival() - lastArrival))
                    : packet.timestamp();
            timestampOffset = first - packet.timestamp();
        }
        int timestamp = packet.timestamp() + timestampOffset;
        if (!anyOut || timestamp - lastTimestamp > 0) {
            anyOut = true;
            lastTimestamp = timestamp;
            lastArrival = packet.arrival();
        }
        return timestamp;
    }

    private int elapsedTicks(long nanos) {
        return (int) Math.min(Integer.MAX_VALUE, (Math.max(0, nanos) * clockRate + 500_000_000L) / 1_000_000_000L);
    }

    /**
     * Adds the publisher's AV1 dependency descriptor with its frame_number continued across switches (the first
     * three bytes: start_of_frame, end_of_frame, frame_dependency_template_id, then the 16-bit frame_number); the
     * rest, which a keyframe's template structure refers to, is as the publisher wrote it.
     */
    private void addDependencyDescriptor(ForwardedPacket packet, RtpHeaderWriter header) {
        int length = packet.dependencyDescriptorLength();
        if (dependencyDescriptorId == ForwardedPacket.ABSENT || length < 3) {
            return;
        }
        System.arraycopy(packet.data(), packet.dependencyDescriptorAt(), dependencyDescriptor, 0, length);
        int frameNumber = frameNumbers.map((dependencyDescriptor[1] & 0xFF) << 8 | dependencyDescriptor[2] & 0xFF);
        if (frameNumber != CounterMap.NOT_MAPPED) {
            dependencyDescriptor[1] = (byte) (frameNumber >>> 8);
            dependencyDescriptor[2] = (byte) frameNumber;
        }
        header.addExtension(dependencyDescriptorId, dependencyDescriptor, 0, length);
    }

    /** Writes the continued picture id and TL0PICIDX over the publisher's, in the descriptor's own widths. */
    private void rewritePictureNumbering(PictureNumbering numbering, byte[] dst, int payloadAt) {
        if (numbering.pictureId() != ForwardedPacket.ABSENT) {
            int id = pictureIds(numbering.pictureIdBits()).map(numbering.pictureId());
            int at = payloadAt + numbering.pictureIdAt();
            if (id != CounterMap.NOT_MAPPED && numbering.pictureIdBits() == 15) {
                dst[at] = (byte) (0x80 | id >>> 8);
                dst[at + 1] = (byte) id;
            } else if (id != CounterMap.NOT_MAPPED) {
                dst[at] = (byte) (id & 0x7F);
            }
        }
        if (numbering.tl0PicIdx() != ForwardedPacket.ABSENT) {
            int tl0 = tl0PicIdx.map(numbering.tl0PicIdx());
            if (tl0 != CounterMap.NOT_MAPPED) {
                dst[payloadAt + numbering.tl0At()] = (byte) tl0;
            }
        }
    }

    /** The picture id map for a width; a publisher that changes width continues from the last output. */
    private CounterMap pictureIds(int bits) {
        if (pictureIds.bits() != bits) {
            long last = pictureIds.highestOutput();
            pictureIds = new CounterMap(bits);
            pictureIds.continueAfter(last < 0 ? -1 : last & ((1L << bits) - 1));
        }
        return pictureIds;
    }

    /** Packets written for the viewer. */
    public long forwardedPackets() {
        return forwarded;
    }

    /**
     * Packets of the forwarded layer not written: dropped temporal and spatial layers, late packets from before a
     * switch.
     */
    public long droppedPackets() {
        return dropped;
    }

    /** Switches from one simulcast layer to another. */
    public long layerSwitches() {
        return switches;
    }
}

package io.jrtc.pc.internal.media;

import io.jrtc.media.MediaStreamTrack;
import io.jrtc.rtp.RtpHeaderWriter;
import io.jrtc.rtp.TransportSequenceNumberExtension;
import io.jrtc.rtp.forward.AvailableBitrate;
import io.jrtc.rtp.forward.ForwardableTrack;
import io.jrtc.rtp.forward.LayerSelector;
import io.jrtc.rtp.forward.ForwardedPacket;
import io.jrtc.rtp.forward.ForwardingStream;
import io.jrtc.rtp.forward.PacketListener;
import io.jrtc.rtp.forward.PacketSource;
import io.jrtc.sdp.media.CodecNegotiation;
import io.jrtc.sdp.media.RtpCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A sender's packet path: when its track offers the publisher's packets ({@link ForwardableTrack}) in a codec the
 * sender negotiated, they are forwarded through this viewer's {@link ForwardingStream} (headers rewritten,
 * payload untouched) instead of pulled as frames and packetized again. Lives on the sender's loop; the sender's
 * own send history answers the viewer's NACKs, and its PLIs reach the publisher through the track.
 */
final class ForwardingSender implements PacketListener {
    /**
     * The longest payload forwarded: what fits in a 1500-byte Ethernet frame. A publisher packetizing to a
     * 1400-byte MTU (GStreamer's payloaders) writes 1388-byte payloads; a bound of 1364 dropped every
     * such packet, which cost every VP9 frame above one packet, since the viewer cannot repair that gap.
     */
    static final int MAX_PAYLOAD = 1500;
    /**
     * The longest header we write: 12 bytes, the extension block's 4, and its elements (the MID up to 17 bytes,
     * the transport-wide sequence number 3, an AV1 dependency descriptor up to 257) padded to a word.
     */
    private static final int MAX_HEADER = 12 + 4 + 280;
    /** Room for SRTP's tag and MKI after the longest packet we write. */
    private static final int MAX_PACKET = MAX_HEADER + MAX_PAYLOAD + 64;

    private final RtpSender sender;
    private final RtpHeaderWriter header = new RtpHeaderWriter();
    private final byte[] packet = new byte[MAX_PACKET];
    /** The sender's payload type for each of the source's, -1 where the sender did not negotiate the codec. */
    private final int[] payloadTypes = new int[128];
    private static final long SELECT_INTERVAL_NANOS = 500_000_000L;
    private final LayerSelector selector = new LayerSelector();
    private long lastSelection = Long.MIN_VALUE;
    /** A layer the application chose (WHEP layer extension, REST), or null: chosen from the viewer's bitrate. */
    private volatile LayerSelector.Choice manual;
    private PacketSource source;
    private AutoCloseable subscription;
    private AutoCloseable endWatch;
    private ForwardingStream stream;
    /** The stream of the last source, kept after it ended so that a replacing track continues its numbering. */
    private ForwardingStream previous;
    private long tooLong;
    /** The MID written in every packet, encoded once. */
    private String midText;
    private byte[] midBytes;

    ForwardingSender(RtpSender sender) {
        this.sender = sender;
        Arrays.fill(payloadTypes, -1);
    }

    /**
     * Forwards {@code track}'s packets from now on if it offers them in one of {@code sendCodecs}; else stops
     * forwarding. Null: the sender does not send now. Returns whether the sender forwards. On the sender's loop.
     */
    boolean follow(MediaStreamTrack track, List<RtpCodec> sendCodecs) {
        PacketSource offered = track instanceof ForwardableTrack forwardable ? forwardable.packetSource() : null;
        int matched = offered == null ? 0 : mapPayloadTypes(offered.codecs(), sendCodecs);
        if (matched == 0) {
            close();
            return false;
        }
        if (offered != source) {
            ForwardingStream continued = stream != null ? stream : previous;
            close();
            source = offered;
            int clockRate = clockRate(offered.codecs());
            if (continued != null && continued.clockRate() == clockRate) {
                // replaceTrack to another publisher's track: the viewer sees one stream, from its keyframe
                continued.newSource();
                stream = continued;
            } else {
                stream = new ForwardingStream(clockRate);
            }
            subscription = offered.subscribe(sender.context().pump().loop(), this);
            // an ended track (a stopped relay proxy) forwards nothing more, as its frames would end
            PacketSource followed = offered;
            endWatch = track.onEnded(() -> sender.context().onLoop(() -> {
                if (source == followed) {
                    close();
                }
                return null;
            }));
        }
        return true;
    }

    /** Whether packets are being forwarded: frames the sender still gets must not go out beside them. */
    boolean active() {
        return source != null;
    }

    /** This viewer's stream, for layer selection; null while not forwarding. */
    ForwardingStream stream() {
        return stream;
    }

    void close() {
        if (stream != null) {
            previous = stream;
        }
        closeQuietly(subscription);
        closeQuietly(endWatch);
        endWatch = null;
        subscription = null;
        source = null;
        stream = null;
    }

    @Override
    public void onPacket(ForwardedPacket forwarded) {
        ForwardingStream current = stream;
        if (current == null || !sender.sendsForwarded()) {
            return;
        }
        int payloadType = payloadTypes[forwarded.payloadType()];
        if (payloadType < 0) {
            return;
        }
        if (!fits(forwarded.payloadLength())) {
            tooLong++;
            return;
        }
        header.reset().payloadType(payloadType).ssrc(sender.ssrc());
        String mid = sender.mid();
        if (sender.midExtensionId() != NegotiatedParameters.NO_EXTENSION && mid != null) {
            if (!mid.equals(midText)) {
                midText = mid;
                midBytes = mid.getBytes(StandardCharsets.UTF_8);
            }
            header.addExtension(sender.midExtensionId(), midBytes, 0, midBytes.length);  // RFC 8843 §15
        }
        int descriptorId = sender.dependencyDescriptorExtensionId();
        current.setDependencyDescriptorId(descriptorId == NegotiatedParameters.NO_EXTENSION
                ? ForwardedPacket.ABSENT : descriptorId);
        if (sender.transportCcExtensionId() != NegotiatedParameters.NO_EXTENSION) {
            // the pacer numbers it as it goes out: without it the viewer's feedback never covers forwarded media,
            // and the send-side estimate could not rise above the probes' padding
            TransportSequenceNumberExtension.write(header, sender.transportCcExtensionId(), 0);
        }
        selectLayers(forwarded.arrival(), current);
        int length = current.forward(forwarded, header, packet);
        if (current.pollKeyframeRequest() && source != null) {
            source.requestKeyframe();
        }
        if (length != ForwardingStream.NOT_FORWARDED) {
            sender.sendForwarded(packet, length, forwarded.marker(), forwarded.payloadLength());
        }
    }

    /** Sets the stream's targets twice a second: the application's choice, else the selector's. */
    private void selectLayers(long now, ForwardingStream current) {
        if (lastSelection != Long.MIN_VALUE && now - lastSelection < SELECT_INTERVAL_NANOS) {
            return;
        }
        lastSelection = now;
        LayerSelector.Choice choice = manual;
        if (choice == null) {
            RtpSession rtp = sender.session();
            long available = rtp == null ? AvailableBitrate.UNKNOWN : rtp.availableBitrate().bitsPerSecond();
            choice = selector.select(now, source.layerBitrates(), available);
        }
        int layers = Math.max(1, source.layerBitrates().length);
        int layer = Math.min(choice.layer(), layers - 1);
        if (source.spatialLayers() > 1) {  // one VP9 SVC encoding: its layers are spatial layers
            current.setTargetLayer(0);
            current.setTargetSpatialLayer(layer);
        } else {
            current.setTargetLayer(layer);
            current.setTargetSpatialLayer(ForwardingStream.ALL_SPATIAL_LAYERS);
        }
        current.setTargetTemporalLayer(choice.temporalLayer());
    }

    /** Forwards this layer from now on (null: chosen from the viewer's available bitrate again). Any thread. */
    void chooseLayer(LayerSelector.Choice choice) {
        manual = choice;
        lastSelection = Long.MIN_VALUE;
    }

    @Override
    public void onBatchEnd() {
        sender.context().pump().run();
    }

    private static void closeQuietly(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception e) {
            throw new IllegalStateException("releasing a forwarding handle failed", e);
        }
    }

    /** Whether a payload this long is forwarded with our header. */
    static boolean fits(int payloadLength) {
        return payloadLength <= MAX_PAYLOAD;
    }

    /** Packets too long to forward with our header. */
    long packetsTooLong() {
        return tooLong;
    }

    /**
     * Maps each source codec to the sender's codec of the same format, else to one whose decoders decode it
     * ({@link CodecNegotiation#canReceive}: an H.264 viewer may have negotiated another profile, and the packets
     * must then carry that profile's payload type); returns how many matched.
     */
    private int mapPayloadTypes(List<RtpCodec> offered, List<RtpCodec> sendCodecs) {
        Arrays.fill(payloadTypes, -1);
        int matched = 0;
        for (RtpCodec from : offered) {
            RtpCodec to = receiverOf(from, sendCodecs);
            if (to != null) {
                payloadTypes[from.payloadType()] = to.payloadType();
                matched++;
            }
        }
        return matched;
    }

    /** The sender codec that carries packets of {@code from} as they are, or null. */
    static RtpCodec receiverOf(RtpCodec from, List<RtpCodec> sendCodecs) {
        for (RtpCodec to : sendCodecs) {
            if (!to.isRtx() && CodecNegotiation.sameFormat(to, from)) {
                return to;
            }
        }
        for (RtpCodec to : sendCodecs) {
            if (!to.isRtx() && CodecNegotiation.canReceive(to, from)) {
                return to;
            }
        }
        return null;
    }

    private static int clockRate(List<RtpCodec> codecs) {
        return codecs.isEmpty() ? 90_000 : codecs.get(0).clockRate();
    }
}

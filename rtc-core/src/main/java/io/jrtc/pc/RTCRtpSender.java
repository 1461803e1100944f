package io.jrtc.pc;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.internal.media.RtpSender;
import io.jrtc.pc.internal.media.SupportedCodecs;
import io.jrtc.pc.internal.stats.StatsCollector;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Encodes and sends one track's media (the reference's RTCRtpSender). Once a negotiation says we send and DTLS is
 * up, it asks the track for one frame at a time ({@link MediaStreamTrack#recv()}), packetizes it on the
 * connection's loop and asks for the next: no thread waits for media, and a slow track only delays itself.
 */
public final class RTCRtpSender {
    private final RtpSender core;

    /** A sender on its own over a DTLS transport (the reference's ORTC-style use); see {@link #send}. */
    public RTCRtpSender(MediaStreamTrack track, RTCDtlsTransport transport) {
        this(track.getKind(), track, transport);
    }

    /** A sender of a kind ("audio" or "video") with no track yet; {@link #replaceTrack} gives it one. */
    public RTCRtpSender(String kind, RTCDtlsTransport transport) {
        this(MediaKind.of(kind), null, transport);
    }

    private RTCRtpSender(MediaKind kind, MediaStreamTrack track, RTCDtlsTransport transport) {
        this(new RtpSender(transport.core().context(), kind, track, UUID.randomUUID().toString(),
                UUID.randomUUID().toString()));
        core.context().onLoop(() -> {
            core.attach(transport.core().session());
            return null;
        }).join();
    }

    /** The API side of a connection's sender. */
    RTCRtpSender(RtpSender core) {
        this.core = core;
    }

    /** What this stack can send of a kind ("audio" or "video"). */
    public static RTCRtpCapabilities getCapabilities(String kind) {
        return SupportedCodecs.capabilities(kind);
    }

    /** The track being sent, or null. */
    /**
     * Not W3C (an SFU's control): when this sender forwards a publisher's packets (a relay proxy of a received
     * track), forward simulcast layer {@code layer} (0: the lowest bitrate), or for one VP9 SVC encoding the
     * spatial layers up to {@code layer}, with VP8 or VP9 temporal layers up to {@code temporalLayer} (0-3; 3: all)
     * instead of choosing from the peer's available bitrate.
     */
    public void setForwardedLayer(int layer, int temporalLayer) {
        core.chooseForwardedLayer(new io.jrtc.rtp.forward.LayerSelector.Choice(layer, temporalLayer));
    }

    /** Not W3C: choose the forwarded layer from the peer's available bitrate again (the default). */
    public void clearForwardedLayer() {
        core.chooseForwardedLayer(null);
    }

    public MediaStreamTrack getTrack() {
        return core.track();
    }

    /** The DTLS transport the media goes over; null before the connection has one. */
    public RTCDtlsTransport getTransport() {
        return RtpTransport.dtlsOf(core.session());
    }

    /**
     * Sends another track (or none) from now on, without renegotiation (W3C replaceTrack). The new track must be
     * of the sender's kind.
     */
    public CompletableFuture<Void> replaceTrack(MediaStreamTrack newTrack) {
        return core.replaceTrack(newTrack);
    }

    /**
     * Starts sending with these parameters (the reference's send): the first codec that is not a repair format
     * is sent with its payload type, RTX for it when listed, the header extensions with their ids, and the MID
     * ({@code muxId}) in each packet when the MID extension is listed. Sending begins once DTLS is connected.
     */
    public CompletableFuture<Void> send(RTCRtpParameters parameters) {
        return core.send(parameters);
    }

    /** The negotiated sending parameters: codecs, header extensions, and RTCP with our SSRC and CNAME. */
    public RTCRtpParameters getParameters() {
        return core.parameters();
    }

    /** The outbound-rtp statistics of this sender. */
    public CompletableFuture<RTCStatsReport> getStats() {
        return StatsCollector.report(core.context(),
                (stats, timestamp) -> core.addStats(stats, timestamp, StatsCollector.TRANSPORT_ID));
    }

    /** Stops sending for good. */
    public CompletableFuture<Void> stop() {
        return core.stop();
    }

    RtpSender core() {
        return core;
    }
}

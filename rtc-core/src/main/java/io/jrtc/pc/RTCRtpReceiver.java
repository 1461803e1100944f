package io.jrtc.pc;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.internal.media.RtpReceiver;
import io.jrtc.pc.internal.media.SupportedCodecs;
import io.jrtc.pc.internal.stats.StatsCollector;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Receives and decodes one remote track (the reference's RTCRtpReceiver). RTP arrives on the connection's loop;
 * frames are reassembled per payload format, Opus and G.711 decoded to PCM, video handed on coded, and pushed into
 * {@link #getTrack()}, which drops its oldest frame when nobody reads it.
 */
public final class RTCRtpReceiver {
    private final RtpReceiver core;

    /** A receiver on its own over a DTLS transport (the reference's ORTC-style use); see {@link #receive}. */
    public RTCRtpReceiver(String kind, RTCDtlsTransport transport) {
        this(new RtpReceiver(transport.core().context(), MediaKind.of(kind)));
        core.context().onLoop(() -> {
            core.attach(transport.core().session());
            return null;
        }).join();
    }

    /** The API side of a connection's receiver. */
    RTCRtpReceiver(RtpReceiver core) {
        this.core = core;
    }

    /** What this stack can receive of a kind ("audio" or "video"). */
    public static RTCRtpCapabilities getCapabilities(String kind) {
        return SupportedCodecs.capabilities(kind);
    }

    RtpReceiver core() {
        return core;
    }

    /** The remote track: decoded audio frames, coded video frames. */
    public MediaStreamTrack getTrack() {
        return core.track();
    }

    /** The DTLS transport the media arrives over; null before the connection has one. */
    public RTCDtlsTransport getTransport() {
        return RtpTransport.dtlsOf(core.session());
    }

    /** The negotiated receiving parameters. */
    public RTCRtpParameters getParameters() {
        return core.parameters();
    }

    /**
     * Starts receiving with these parameters (the reference's receive): the codecs with their payload types, the
     * header extensions with their ids, and the MID ({@code muxId}) the sender marks its packets with, if any.
     */
    public CompletableFuture<Void> receive(RTCRtpParameters parameters) {
        return core.receive(parameters);
    }

    /**
     * Whether received audio is decoded to PCM {@link io.jrtc.media.AudioFrame}s (the default) or handed on
     * coded as {@link io.jrtc.media.EncodedFrame}s, as an SFU forwards it without decoding and re-encoding.
     */
    public void setAudioDecoding(boolean decode) {
        core.setAudioDecoding(decode);
    }

    /**
     * Each SSRC heard from in the last 10 seconds: when, its last RTP timestamp, and its audio level when the
     * sender marks it (RFC 6464; W3C getSynchronizationSources). Refreshed every 100 ms.
     */
    public List<RTCRtpSynchronizationSource> getSynchronizationSources() {
        return core.synchronizationSources();
    }

    /** Mixers' contributing sources are not tracked: this stack receives from peers, not from mixers. */
    public List<RTCRtpContributingSource> getContributingSources() {
        return List.of();
    }

    /** The inbound-rtp statistics of this receiver. */
    public CompletableFuture<RTCStatsReport> getStats() {
        return StatsCollector.report(core.context(),
                (stats, timestamp) -> core.addStats(stats, timestamp, StatsCollector.TRANSPORT_ID));
    }

    /** Stops receiving for good; the track ends. */
    public CompletableFuture<Void> stop() {
        return core.stop();
    }
}

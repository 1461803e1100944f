package io.jrtc.pc;

import io.jrtc.pc.internal.jsep.ConnectionTransports;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Listeners;
import io.jrtc.pc.internal.media.RemoteTrack;
import io.jrtc.pc.internal.media.RtpTransceiver;
import io.jrtc.pc.internal.media.Transceivers;
import io.jrtc.pc.internal.transport.DtlsTransport;
import io.jrtc.pc.internal.transport.IceGatherer;
import io.jrtc.pc.internal.transport.IceTransport;
import io.jrtc.pc.internal.transport.SctpTransport;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The API objects of one peer connection's internal ones, made once each so that every call hands out the same:
 * the transports as {@link ConnectionTransports} makes them, one {@link RTCRtpTransceiver} (with its sender and
 * receiver) per internal transceiver, and the facades in the datachannel and track events. Facade-side glue: the
 * internal packages must not know the facades. The transports are wrapped on the loop; the transceiver map is read
 * from the caller's thread too.
 */
final class ConnectionFacades implements ConnectionTransports.Observer {
    private final RTCCertificate certificate;
    private final Transceivers transceivers;
    private final Map<RtpTransceiver, RTCRtpTransceiver> byCore = new HashMap<>();
    /** The connection's datachannel and track events, which carry facades. */
    final Listeners<RTCDataChannel> dataChannel;
    final Listeners<RTCTrackEvent> track;
    private volatile RTCDtlsTransport dtls;
    private volatile RTCSctpTransport sctp;

    ConnectionFacades(ConnectionContext context, RTCCertificate certificate, Transceivers transceivers) {
        this.certificate = certificate;
        this.transceivers = transceivers;
        this.dataChannel = context.listeners();
        this.track = context.listeners();
    }

    @Override
    public void transportsCreated(IceGatherer gatherer, IceTransport ice, DtlsTransport core) {
        RTCDtlsTransport facade = new RTCDtlsTransport(new RTCIceTransport(new RTCIceGatherer(gatherer), ice),
                certificate, core);
        dtls = facade;
        transceivers.attachTransports(() -> facade.core().session());
    }

    @Override
    public void sctpCreated(SctpTransport core) {
        sctp = new RTCSctpTransport(dtls, core, dataChannel::emit);
    }

    /** The data channels' transport; null until a data channel or a remote offer needs one. */
    RTCSctpTransport sctp() {
        return sctp;
    }

    synchronized RTCRtpTransceiver of(RtpTransceiver core) {
        return byCore.computeIfAbsent(core, RTCRtpTransceiver::new);
    }

    /**
     * The facades of the connection's transceivers; those it no longer has are forgotten. The list is read under
     * the lock: a transceiver joins it before anyone asks for its facade, so none is forgotten early.
     */
    synchronized List<RTCRtpTransceiver> all() {
        List<RtpTransceiver> current = List.copyOf(transceivers.all());
        byCore.keySet().retainAll(new HashSet<>(current));
        return current.stream().map(this::of).toList();
    }

    /** Fires the W3C track event for a remote track, with the facades of its transceiver and receiver. */
    void announce(RemoteTrack remote) {
        RTCRtpTransceiver transceiver = of(remote.transceiver());
        track.emit(new RTCTrackEvent(transceiver.getReceiver(), transceiver.getReceiver().getTrack(),
                remote.streamIds(), transceiver));
    }
}

package io.jrtc.spring.autoconfigure.service;

import java.lang.System.Logger.Level;

import io.jrtc.media.MediaRelay;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCRtpTransceiver;

/**
 * A transceiver of a managed connection under its REST id ({@code tr-N}, never reused within the connection), with
 * what the REST API attached to it: the source its sender sends and the route of what its receiver gets, each with
 * the resource that ends it (a player, a stream subscription, a recorder, a publication).
 *
 * <p>Routes read the received track through a relay of their own, so ending a route never ends the receiver's
 * track and a new route can follow.
 */
public final class ManagedTransceiver {
    private static final System.Logger LOG = System.getLogger(ManagedTransceiver.class.getName());

    private final String transceiverId;
    private final RTCRtpTransceiver transceiver;
    private final MediaRelay receiverRelay = new MediaRelay();
    private TransceiverSource source;
    private AutoCloseable sourceEnd;
    private TransceiverRoute route;
    private AutoCloseable routeEnd;

    ManagedTransceiver(long sequence, RTCRtpTransceiver transceiver) {
        this.transceiverId = "tr-" + sequence;
        this.transceiver = transceiver;
    }

    public String transceiverId() {
        return transceiverId;
    }

    public RTCRtpTransceiver transceiver() {
        return transceiver;
    }

    /** What the sender sends, or null when nothing was attached. */
    public synchronized TransceiverSource source() {
        return source;
    }

    /** Where what the receiver gets goes, or null when it goes nowhere. */
    public synchronized TransceiverRoute route() {
        return route;
    }

    /** A new reader of what the receiver gets, for a route; stopping it leaves the receiver's track alone. */
    MediaStreamTrack receivedTrack() {
        return receiverRelay.subscribe(transceiver.getReceiver().getTrack());
    }

    /** Records the new source and ends the one it replaces (after the sender has switched). */
    void replaceSource(TransceiverSource newSource, AutoCloseable end) {
        AutoCloseable previous;
        synchronized (this) {
            previous = sourceEnd;
            source = newSource;
            sourceEnd = end;
        }
        close(previous);
    }

    /** Clears the source only if it is still {@code expected} (a forward route ending after a newer source). */
    synchronized boolean clearSourceIf(TransceiverSource expected) {
        if (source != expected) {
            return false;
        }
        source = null;
        sourceEnd = null;
        return true;
    }

    void replaceRoute(TransceiverRoute newRoute, AutoCloseable end) {
        AutoCloseable previous;
        synchronized (this) {
            previous = routeEnd;
            route = newRoute;
            routeEnd = end;
        }
        close(previous);
    }

    /** Ends the source and the route: the connection is closing. */
    void release() {
        replaceSource(null, null);
        replaceRoute(null, null);
    }

    private void close(AutoCloseable end) {
        if (end == null) {
            return;
        }
        try {
            end.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "ending a media attachment of " + transceiverId + " failed", e);
        }
    }
}

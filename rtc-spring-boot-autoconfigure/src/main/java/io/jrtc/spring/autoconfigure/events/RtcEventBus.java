package io.jrtc.spring.autoconfigure.events;

import java.lang.System.Logger.Level;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jrtc.pc.Subscription;

/**
 * Fans {@link RtcEvent}s out to listeners. A listener that throws is logged and the others still run, so a
 * broken consumer (a metrics binder, a WebSocket client) never breaks the peer connection that raised the event.
 */
public class RtcEventBus {
    private static final System.Logger LOG = System.getLogger(RtcEventBus.class.getName());

    private final CopyOnWriteArrayList<RtcEventListener> listeners = new CopyOnWriteArrayList<>();

    public Subscription subscribe(RtcEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(RtcEvent event) {
        for (RtcEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "RTC event listener failed on " + event.type(), e);
            }
        }
    }

    public int listenerCount() {
        return listeners.size();
    }
}

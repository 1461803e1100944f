package io.jrtc.spring.autoconfigure.events;

/** Receives {@link RtcEvent}s; must return quickly and never block (it runs on the stack's callback threads). */
@FunctionalInterface
public interface RtcEventListener {
    void onEvent(RtcEvent event);
}

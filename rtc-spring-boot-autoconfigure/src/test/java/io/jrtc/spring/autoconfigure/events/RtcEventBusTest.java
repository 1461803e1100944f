package io.jrtc.spring.autoconfigure.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jrtc.pc.Subscription;

import org.junit.jupiter.api.Test;

class RtcEventBusTest {
    private final RtcEventBus bus = new RtcEventBus();

    @Test
    void aThrowingListenerDoesNotKeepTheOthersFromTheEvent() {
        List<RtcEvent> received = new ArrayList<>();
        bus.subscribe(event -> {
            throw new IllegalStateException("broken consumer");
        });
        bus.subscribe(received::add);

        bus.publish(new RtcEvent(RtcEventType.CREATED, "pc-1", 1L, Map.of()));

        assertThat(received).extracting(RtcEvent::type).containsExactly("created");
    }

    @Test
    void closingTheSubscriptionStopsDelivery() {
        List<RtcEvent> received = new ArrayList<>();
        Subscription subscription = bus.subscribe(received::add);

        subscription.close();
        bus.publish(new RtcEvent(RtcEventType.CREATED, "pc-1", 1L, Map.of()));

        assertThat(received).isEmpty();
        assertThat(bus.listenerCount()).isZero();
    }

    @Test
    void wireNamesAreLowerCaseWithDashes() {
        assertThat(RtcEventType.ICE_CONNECTION_STATE.wireName()).isEqualTo("ice-connection-state");
        assertThat(new RtcEvent(RtcEventType.DATA_CHANNEL_OPEN, "pc", 0, null).is(RtcEventType.DATA_CHANNEL_OPEN))
                .isTrue();
    }
}

package io.jrtc.spring.autoconfigure.whip;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer gauges of WHIP and WHEP: {@code rtc.whip.streams} (streams published now) and {@code rtc.whep.viewers}
 * (WHEP sessions open now).
 */
public class WhipMetrics implements MeterBinder {
    private final WhipSessions sessions;

    public WhipMetrics(WhipSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("rtc.whip.streams", sessions, s -> s.streams().size())
                .description("Streams published through WHIP").register(registry);
        Gauge.builder("rtc.whep.viewers", sessions, s -> s.count(WhipSessions.Kind.WHEP))
                .description("Open WHEP playback sessions").register(registry);
    }
}

package io.jrtc.spring.autoconfigure.actuate;

import java.time.Duration;

import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.Subscription;
import io.jrtc.spring.autoconfigure.events.RtcEvent;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.events.RtcEventType;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.TrafficTotals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.DisposableBean;

/**
 * Micrometer meters of the WebRTC service:
 * <ul>
 * <li>{@code rtc.peer.connections} (gauge, tag {@code state}): open connections per W3C connection state</li>
 * <li>{@code rtc.transport.bytes} (counter, tag {@code direction} sent|received): DTLS transport bytes</li>
 * <li>{@code rtc.data.channel.messages} (counter, tag {@code direction}): data-channel messages</li>
 * <li>{@code rtc.rtp.packets} (counter, tag {@code direction}): RTP media packets</li>
 * <li>{@code rtc.rtp.packets.lost} (counter): RTP packets the receiving sides reported lost</li>
 * <li>{@code rtc.ice.round.trip.time} (timer): current RTT of the selected candidate pair, per stats sample</li>
 * <li>{@code rtc.peer.connections.reaped} (counter, tag {@code reason} idle|failed|session-timeout)</li>
 * </ul>
 * Byte and message counters advance at each statistics sample ({@code rtc.events.stats-interval}).
 */
public class RtcMetrics implements MeterBinder, DisposableBean {
    private final PeerConnectionService service;
    private final RtcEventBus events;
    private volatile Subscription subscription;

    public RtcMetrics(PeerConnectionService service, RtcEventBus events) {
        this.service = service;
        this.events = events;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RTCPeerConnectionState state : RTCPeerConnectionState.values()) {
            Gauge.builder("rtc.peer.connections", service, s -> s.countByState().get(state))
                    .description("Open peer connections by connection state")
                    .tag("state", state.toString())
                    .register(registry);
        }
        TrafficTotals totals = service.totals();
        FunctionCounter.builder("rtc.transport.bytes", totals, TrafficTotals::bytesSent)
                .description("Bytes sent and received on the peer connections' transports")
                .baseUnit("bytes").tag("direction", "sent").register(registry);
        FunctionCounter.builder("rtc.transport.bytes", totals, TrafficTotals::bytesReceived)
                .description("Bytes sent and received on the peer connections' transports")
                .baseUnit("bytes").tag("direction", "received").register(registry);
        FunctionCounter.builder("rtc.data.channel.messages", totals, TrafficTotals::messagesSent)
                .description("Data-channel messages sent and received")
                .baseUnit("messages").tag("direction", "sent").register(registry);
        FunctionCounter.builder("rtc.data.channel.messages", totals, TrafficTotals::messagesReceived)
                .description("Data-channel messages sent and received")
                .baseUnit("messages").tag("direction", "received").register(registry);
        FunctionCounter.builder("rtc.rtp.packets", totals, TrafficTotals::rtpPacketsSent)
                .description("RTP media packets sent and received")
                .baseUnit("packets").tag("direction", "sent").register(registry);
        FunctionCounter.builder("rtc.rtp.packets", totals, TrafficTotals::rtpPacketsReceived)
                .description("RTP media packets sent and received")
                .baseUnit("packets").tag("direction", "received").register(registry);
        FunctionCounter.builder("rtc.rtp.packets.lost", totals, TrafficTotals::rtpPacketsLost)
                .description("RTP packets the receiving sides reported lost (ours and the remotes')")
                .baseUnit("packets").register(registry);
        Timer roundTripTime = Timer.builder("rtc.ice.round.trip.time")
                .description("Round-trip time of the selected ICE candidate pair, sampled per connection")
                .register(registry);
        Subscription previous = subscription;
        subscription = events.subscribe(event -> record(registry, roundTripTime, event));
        if (previous != null) {
            previous.close();
        }
    }

    private static void record(MeterRegistry registry, Timer roundTripTime, RtcEvent event) {
        if (event.is(RtcEventType.STATS) && event.data().get("roundTripTime") instanceof Number seconds) {
            roundTripTime.record(Duration.ofNanos((long) (seconds.doubleValue() * 1e9)));
        } else if (event.is(RtcEventType.REAPED)) {
            Counter.builder("rtc.peer.connections.reaped")
                    .description("Peer connections closed by the reaper")
                    .tag("reason", String.valueOf(event.data().get("reason")))
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void destroy() {
        Subscription current = subscription;
        if (current != null) {
            current.close();
        }
    }
}

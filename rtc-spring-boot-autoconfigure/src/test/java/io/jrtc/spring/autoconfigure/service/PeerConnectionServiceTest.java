package io.jrtc.spring.autoconfigure.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.spring.autoconfigure.actuate.RtcMetrics;
import io.jrtc.spring.autoconfigure.events.RtcEvent;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service on a real engine, with the reaper driven by a virtual monotonic clock. */
class PeerConnectionServiceTest {
    private final RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
    private final RtcEventBus events = new RtcEventBus();
    private final List<RtcEvent> published = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private PeerConnectionService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.closeAll();
        }
        engine.close();
    }

    private PeerConnectionService service(PeerConnectionLimits limits) {
        events.subscribe(published::add);
        service = new PeerConnectionService(engine,
                servers -> new RTCConfiguration(servers == null ? List.of() : servers), new InMemoryPeerConnectionRegistry(),
                events, limits, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), now::get);
        return service;
    }

    @Test
    void refusesConnectionsBeyondTheLimitUntilOneCloses() throws Exception {
        service(PeerConnectionLimits.defaults().withMaxPeerConnections(2));
        ManagedPeerConnection first = service.create(null);
        service.create(null);

        assertThatExceptionOfType(PeerConnectionLimitExceededException.class).isThrownBy(() -> service.create(null))
                .satisfies(e -> assertThat(e.getLimit()).isEqualTo(2));

        service.close(first.id()).get(5, TimeUnit.SECONDS);
        assertThat(service.create(null)).isNotNull();
        assertThat(service.size()).isEqualTo(2);
    }

    @Test
    void reapsAConnectionIdleForTheTimeoutAndCountsIt() {
        service(PeerConnectionLimits.defaults().withIdleTimeout(Duration.ofSeconds(10)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new RtcMetrics(service, events).bindTo(registry);
        ManagedPeerConnection connection = service.create(null);

        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(service.reapExpired()).isZero();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(service.reapExpired()).isOne();

        assertThat(service.list()).isEmpty();
        assertThat(published).filteredOn(event -> event.type().equals("reaped"))
                .singleElement().satisfies(event -> {
                    assertThat(event.peerConnectionId()).isEqualTo(connection.id());
                    assertThat(event.data()).containsEntry("reason", "idle");
                    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
                });
        assertThat(registry.get("rtc.peer.connections.reaped").tag("reason", "idle").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void signallingActivityPostponesIdleReaping() {
        service(PeerConnectionLimits.defaults().withIdleTimeout(Duration.ofSeconds(10)));
        ManagedPeerConnection connection = service.create(null);

        now.addAndGet(Duration.ofSeconds(8).toNanos());
        service.await(service.createOffer(connection.id()), "offer");
        now.addAndGet(Duration.ofSeconds(8).toNanos());

        assertThat(service.reapExpired()).isZero();
    }

    @Test
    void reapsAnyConnectionOlderThanTheSessionTimeout() {
        service(PeerConnectionLimits.defaults().withIdleTimeout(Duration.ZERO)
                .withSessionTimeout(Duration.ofMinutes(1)));
        service.create(null);

        now.addAndGet(Duration.ofMinutes(1).toNanos());

        assertThat(service.reapExpired()).isOne();
        assertThat(published).filteredOn(event -> event.type().equals("reaped"))
                .singleElement().satisfies(event -> assertThat(event.data()).containsEntry("reason", "session-timeout"));
    }

    @Test
    void anUnknownIdIsReportedAsSuch() {
        service(PeerConnectionLimits.defaults());

        assertThatExceptionOfType(UnknownPeerConnectionException.class).isThrownBy(() -> service.get("pc-nope"));
        assertThatExceptionOfType(UnknownPeerConnectionException.class)
                .isThrownBy(() -> service.await(service.close("pc-nope"), "closing"));
    }

    @Test
    void refusesAnSdpOverTheLimitBeforeTouchingTheConnection() {
        service(new PeerConnectionLimits(10, 100, null, null, Duration.ofSeconds(5), null));
        String id = service.create(null).id();

        assertThatExceptionOfType(SdpTooLargeException.class).isThrownBy(
                () -> service.acceptOffer(id, new RTCSessionDescription("v=0\r\n" + "a=x\r\n".repeat(30),
                        RTCSdpType.OFFER)))
                .satisfies(e -> assertThat(e.getLimit()).isEqualTo(100));
    }

    @Test
    void publishesCreationStateChangesAndLocalCandidates() {
        service(PeerConnectionLimits.defaults());
        ManagedPeerConnection connection = service.create(null);
        connection.peerConnection().createDataChannel("probe");

        service.await(service.createOffer(connection.id()), "offer");
        service.await(service.gatheringComplete(connection.id()), "gathering");

        assertThat(published).extracting(RtcEvent::type).contains("created", "signaling-state", "local-candidate");
        assertThat(connection.isGatheringComplete()).isTrue();
        assertThat(connection.localCandidates()).isNotEmpty();
    }

    @Test
    void samplesAQuietConnectionLessOftenAndATalkingOneEveryRound() {
        service(PeerConnectionLimits.defaults());
        ManagedPeerConnection connection = service.create(null);
        StatsSummary quiet = new StatsSummary(100, 100, 0, 0, null, List.of());

        assertThat(sampledRounds(connection, 70, round -> quiet)).containsExactly(1, 3, 7, 15, 31, 61);

        // A state change (touch) brings a quiet connection back at once; messages moving: every round.
        connection.touch(now.get());
        assertThat(sampledRounds(connection, 5, round -> new StatsSummary(100, 100, round, round, null, List.of())))
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(sampledRounds(connection, 3, round -> quiet)).containsExactly(1, 2);
    }

    /** Runs {@code rounds} sampling rounds by hand, recording {@code summary}'s value where one is taken. */
    private List<Integer> sampledRounds(ManagedPeerConnection connection, int rounds,
            java.util.function.IntFunction<StatsSummary> summary) {
        List<Integer> sampled = new java.util.ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            if (!connection.skipStatsSample()) {
                service.recordStats(connection, summary.apply(round));
                sampled.add(round);
            }
        }
        return sampled;
    }
}

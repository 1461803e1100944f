package io.jrtc.spring.autoconfigure.service;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDataChannelInit;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RTCStatsReport;
import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.events.RtcEvent;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.events.RtcEventType;

import org.springframework.context.SmartLifecycle;

/**
 * Creates, finds and closes the peer connections of this application, within {@link PeerConnectionLimits}: at most
 * so many open, session descriptions at most so large, and a reaper (one scheduled task for all connections) that
 * closes connections left idle, failed or too old. Every state change, local candidate and data-channel event is
 * published on the {@link RtcEventBus}, and statistics are sampled periodically for the event stream and metrics.
 *
 * <p>As a {@link SmartLifecycle} it stops late (after the web server): stopping closes every connection, and the
 * engine's own close then releases every port.
 */
public class PeerConnectionService implements SmartLifecycle {
    private static final System.Logger LOG = System.getLogger(PeerConnectionService.class.getName());
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    private static final long END_OF_CANDIDATES_GRACE_MILLIS = 1_000;

    private final RtcEngine engine;
    private final RtcConfigurationFactory configurations;
    private final PeerConnectionRegistry registry;
    private final RtcEventBus events;
    private final PeerConnectionLimits limits;
    private final ClientLimiter clients;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final AtomicInteger reserved = new AtomicInteger();
    private final ConnectionWatcher watcher;
    private final PeriodicConnectionWork periodic;

    public PeerConnectionService(RtcEngine engine, RtcConfigurationFactory configurations,
            PeerConnectionRegistry registry, RtcEventBus events, PeerConnectionLimits limits) {
        this(engine, configurations, registry, events, limits, new ClientLimiter(ClientLimits.unlimited()));
    }

    /** With per-client limits for the creates that name their {@link RtcClient}. */
    public PeerConnectionService(RtcEngine engine, RtcConfigurationFactory configurations,
            PeerConnectionRegistry registry, RtcEventBus events, PeerConnectionLimits limits,
            ClientLimiter clients) {
        this(engine, configurations, registry, events, limits, clients, Clock.systemUTC(), System::nanoTime);
    }

    /** With an explicit wall clock (event timestamps) and monotonic clock (timeouts), for deterministic tests. */
    public PeerConnectionService(RtcEngine engine, RtcConfigurationFactory configurations,
            PeerConnectionRegistry registry, RtcEventBus events, PeerConnectionLimits limits, Clock clock,
            LongSupplier nanoTime) {
        this(engine, configurations, registry, events, limits, new ClientLimiter(ClientLimits.unlimited()), clock,
                nanoTime);
    }

    /** Every collaborator explicit, for deterministic tests. */
    public PeerConnectionService(RtcEngine engine, RtcConfigurationFactory configurations,
            PeerConnectionRegistry registry, RtcEventBus events, PeerConnectionLimits limits,
            ClientLimiter clients, Clock clock, LongSupplier nanoTime) {
        this.engine = engine;
        this.configurations = configurations;
        this.registry = registry;
        this.events = events;
        this.limits = limits;
        this.clients = clients;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.watcher = new ConnectionWatcher(nanoTime, this::publish);
        this.periodic = new PeriodicConnectionWork(registry, limits, nanoTime, this::publish, this::close);
    }

    public PeerConnectionLimits limits() {
        return limits;
    }

    public RtcEngine engine() {
        return engine;
    }

    public TrafficTotals totals() {
        return periodic.totals();
    }

    /** The per-client counts. */
    public ClientLimiter clients() {
        return clients;
    }

    // ---- connections

    /**
     * Creates a peer connection for the application itself, counted against no client.
     *
     * @param iceServers the ICE servers for this connection, or null for the configured ones
     * @throws PeerConnectionLimitExceededException when {@code maxPeerConnections} are open
     */
    public ManagedPeerConnection create(List<RTCIceServer> iceServers) {
        return create(iceServers, null);
    }

    /**
     * Creates a peer connection on behalf of a client, counted against its per-client limits until it closes.
     *
     * @param iceServers the ICE servers for this connection, or null for the configured ones
     * @param client     who asks, or null for the application itself
     * @throws ClientLimitExceededException         when the client is at one of its bounds
     * @throws PeerConnectionLimitExceededException when {@code maxPeerConnections} are open
     */
    public ManagedPeerConnection create(List<RTCIceServer> iceServers, RtcClient client) {
        ClientLimiter.Lease lease = client == null ? null : clients.acquire(client);
        if (reserved.incrementAndGet() > limits.maxPeerConnections()) {
            reserved.decrementAndGet();
            if (lease != null) {
                lease.release();
            }
            throw new PeerConnectionLimitExceededException(limits.maxPeerConnections());
        }
        try {
            RTCPeerConnection peerConnection = engine.newPeerConnection(configurations.create(iceServers));
            ManagedPeerConnection connection =
                    new ManagedPeerConnection(peerConnection, clock.instant(), nanoTime.getAsLong(), lease);
            registry.register(connection);
            watcher.watch(connection);
            publish(RtcEventType.CREATED, connection.id(), Map.of());
            return connection;
        } catch (RuntimeException e) {
            reserved.decrementAndGet();
            if (lease != null) {
                lease.release();
            }
            throw e;
        }
    }

    /** @throws UnknownPeerConnectionException when no such connection is open */
    public ManagedPeerConnection get(String id) {
        return registry.find(id).orElseThrow(() -> new UnknownPeerConnectionException(id));
    }

    public Collection<ManagedPeerConnection> list() {
        return registry.all();
    }

    public int size() {
        return registry.size();
    }

    /** How many open connections are in each connection state (every state present, zero when none). */
    public Map<RTCPeerConnectionState, Long> countByState() {
        Map<RTCPeerConnectionState, Long> counts = new EnumMap<>(RTCPeerConnectionState.class);
        for (RTCPeerConnectionState state : RTCPeerConnectionState.values()) {
            counts.put(state, 0L);
        }
        for (ManagedPeerConnection connection : registry.all()) {
            counts.merge(connection.peerConnection().getConnectionState(), 1L, Long::sum);
        }
        return counts;
    }

    /** Closes and removes the connection; completes when its sockets are released. */
    public CompletableFuture<Void> close(String id) {
        return close(id, "closed");
    }

    private CompletableFuture<Void> close(String id, String reason) {
        ManagedPeerConnection connection = registry.remove(id).orElse(null);
        if (connection == null) {
            return CompletableFuture.failedFuture(new UnknownPeerConnectionException(id));
        }
        reserved.decrementAndGet();
        connection.releaseClientLease();
        connection.unsubscribeAll();
        connection.releaseMedia();
        CompletableFuture<Void> closed;
        try {
            closed = connection.peerConnection().close();
        } catch (RuntimeException e) {
            closed = CompletableFuture.failedFuture(e);
        }
        return closed.whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.log(Level.DEBUG, "closing " + id + " failed", error);
            }
            publish(RtcEventType.CLOSED, id, Map.of("reason", reason));
        });
    }

    /** Closes every connection and waits (boundedly) until they have released their sockets. */
    public void closeAll() {
        List<CompletableFuture<Void>> closing = registry.all().stream()
                .map(connection -> close(connection.id(), "shutdown").exceptionally(error -> null))
                .toList();
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "not every peer connection closed within " + CLOSE_WAIT_MILLIS + " ms", e);
        }
    }

    // ---- signalling

    /** Applies a remote offer and answers it: setRemoteDescription, createAnswer, setLocalDescription. */
    public CompletableFuture<RTCSessionDescription> acceptOffer(String id, RTCSessionDescription offer) {
        requireType(offer, RTCSdpType.OFFER);
        checkSdpSize(offer.sdp());
        RTCPeerConnection pc = touch(id).peerConnection();
        return pc.setRemoteDescription(offer)
                .thenCompose(ignored -> pc.createAnswer())
                .thenCompose(answer -> pc.setLocalDescription(answer))
                .thenApply(ignored -> pc.getLocalDescription());
    }

    /** Makes this side's offer: createOffer, setLocalDescription. */
    public CompletableFuture<RTCSessionDescription> createOffer(String id) {
        RTCPeerConnection pc = touch(id).peerConnection();
        return pc.createOffer()
                .thenCompose(offer -> pc.setLocalDescription(offer))
                .thenApply(ignored -> pc.getLocalDescription());
    }

    /** Applies the remote answer to this side's offer. */
    public CompletableFuture<Void> acceptAnswer(String id, RTCSessionDescription answer) {
        if (answer.type() != RTCSdpType.ANSWER && answer.type() != RTCSdpType.PRANSWER) {
            throw new IllegalArgumentException("expected a session description of type answer or pranswer, not "
                    + answer.type());
        }
        checkSdpSize(answer.sdp());
        return touch(id).peerConnection().setRemoteDescription(answer);
    }

    /** Adds a remote candidate; null signals the end of remote candidates. */
    public CompletableFuture<Void> addRemoteCandidate(String id, RTCIceCandidate candidate) {
        return touch(id).peerConnection().addIceCandidate(candidate);
    }

    /**
     * Completes when the connection's ICE gathering is complete and its end-of-candidates signal has reached this
     * service, so {@link ManagedPeerConnection#localCandidates()} holds every candidate.
     */
    public CompletableFuture<Void> gatheringComplete(String id) {
        ManagedPeerConnection connection = touch(id);
        if (connection.isGatheringComplete()) {
            return CompletableFuture.completedFuture(null);
        }
        // Listeners run after the stack's own future completes; wait (boundedly) for the null candidate too.
        return connection.peerConnection().gatheringComplete()
                .thenCompose(ignored -> connection.endOfCandidates()
                        .completeOnTimeout(null, END_OF_CANDIDATES_GRACE_MILLIS, TimeUnit.MILLISECONDS));
    }

    /** Opens a data channel from this side, without message events. */
    public ManagedDataChannel createDataChannel(String id, String label, RTCDataChannelInit init) {
        return createDataChannel(id, label, init, false);
    }

    /**
     * Opens a data channel from this side and gives it its REST id.
     *
     * @param messageEvents whether each received message is published as a {@code data-channel-message} event
     */
    public ManagedDataChannel createDataChannel(String id, String label, RTCDataChannelInit init,
            boolean messageEvents) {
        ManagedPeerConnection connection = touch(id);
        RTCDataChannel channel = init == null
                ? connection.peerConnection().createDataChannel(label)
                : connection.peerConnection().createDataChannel(label, init);
        return watcher.watch(connection, channel, messageEvents);
    }

    /**
     * @throws UnknownPeerConnectionException when no such connection is open
     * @throws UnknownDataChannelException    when the connection has no such channel (or it was closed)
     */
    public ManagedDataChannel dataChannel(String id, String channelId) {
        return get(id).dataChannel(channelId).orElseThrow(() -> new UnknownDataChannelException(id, channelId));
    }

    /** Turns the {@code data-channel-message} events of one channel on or off. */
    public ManagedDataChannel setMessageEvents(String id, String channelId, boolean enabled) {
        ManagedDataChannel channel = dataChannel(id, channelId);
        touch(id);
        channel.setMessageEvents(enabled);
        return channel;
    }

    /** Starts closing a channel; its close event carries {@code reason}, then the service forgets it. */
    public void closeDataChannel(String id, String channelId, String reason) {
        touch(id);
        dataChannel(id, channelId).closeWithReason(reason);
    }

    /**
     * Sends one message on an open channel, after waiting (at most the operation timeout) while the channel holds
     * more than {@code maxBufferedBytes} unacknowledged bytes: a client that posts faster than the peer reads is
     * slowed down, then refused, instead of being buffered without limit.
     *
     * @throws DataChannelNotOpenException          when the channel is not open
     * @throws DataChannelMessageTooLargeException  when the message exceeds the remote's max-message-size
     * @throws DataChannelBusyException             when the buffer stayed above the bound for the whole wait
     */
    public void sendMessage(String id, String channelId, byte[] data, boolean binary, long maxBufferedBytes) {
        ManagedDataChannel managed = dataChannel(id, channelId);
        touch(id);
        DataChannelSender.send(managed, data, binary, maxBufferedBytes, limits.operationTimeout(), nanoTime);
    }

    public CompletableFuture<RTCStatsReport> stats(String id) {
        return get(id).peerConnection().getStats();
    }

    /**
     * Waits for an operation of this service for at most the operation timeout and unwraps its failure, so callers
     * see the stack's own exceptions (SdpSyntaxError, InvalidStateError, ...).
     */
    public <T> T await(CompletableFuture<T> operation, String description) {
        Duration timeout = limits.operationTimeout();
        try {
            return operation.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RtcOperationTimeoutException(description + " (interrupted)", timeout);
        } catch (TimeoutException e) {
            throw new RtcOperationTimeoutException(description, timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(description + " failed", cause);
        }
    }

    /**
     * @throws SdpTooLargeException when the description exceeds {@code maxSdpBytes}
     */
    public void checkSdpSize(String sdp) {
        if (sdp == null) {
            throw new IllegalArgumentException("the session description has no sdp");
        }
        // UTF-8 is at most 3 bytes per char: only measure exactly near the limit.
        if ((long) sdp.length() * 3 > limits.maxSdpBytes()) {
            int bytes = sdp.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > limits.maxSdpBytes()) {
                throw new SdpTooLargeException(bytes, limits.maxSdpBytes());
            }
        }
    }

    private static void requireType(RTCSessionDescription description, RTCSdpType expected) {
        if (description.type() != expected) {
            throw new IllegalArgumentException("expected a session description of type " + expected + ", not "
                    + description.type());
        }
    }

    private ManagedPeerConnection touch(String id) {
        ManagedPeerConnection connection = get(id);
        connection.touch(nanoTime.getAsLong());
        return connection;
    }

    // ---- events

    private void publish(RtcEventType type, String id, Map<String, Object> data) {
        events.publish(new RtcEvent(type, id, clock.millis(), data));
    }

    // ---- periodic work

    /**
     * Closes every connection whose {@linkplain ManagedPeerConnection#expiryReason expiry} has come, publishing a
     * {@code reaped} event for each. The scheduler calls this; tests call it with a controlled clock.
     *
     * @return how many connections were reaped
     */
    public int reapExpired() {
        return periodic.reapExpired();
    }

    /**
     * Samples the connections' statistics once, publishing a {@code stats} event per connection sampled. A connection
     * whose data channels and RTP streams moved nothing since its last sample is sampled again after 1, 3, 7, 15, then
     * every {@value PeriodicConnectionWork#QUIET_STATS_SAMPLE_ROUNDS} rounds, and at once after a state change: a full
     * report per idle connection per second was most of an idle service's CPU at thousands of connections.
     */
    public void sampleStats() {
        periodic.sampleStats();
    }

    void recordStats(ManagedPeerConnection connection, StatsSummary summary) {
        periodic.recordStats(connection, summary);
    }

    // ---- lifecycle

    /** Schedules the reaper and the statistics sampling. */
    @Override
    public synchronized void start() {
        periodic.start();
    }

    @Override
    public synchronized void stop() {
        periodic.stop();
        closeAll();
    }

    @Override
    public boolean isRunning() {
        return periodic.isRunning();
    }

    /** Stops after the web server (lower phase), so no request creates a connection while they are closed. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}

package io.jrtc.spring.autoconfigure.service;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

import io.jrtc.pc.RTCStatsReport;
import io.jrtc.spring.autoconfigure.events.RtcEventType;

/**
 * The periodic work of a {@link PeerConnectionService} on its open connections, on one scheduler thread for all of
 * them: the reaper, which closes connections left idle, failed or too old, and the statistics sampling for the
 * {@code stats} events, the metrics and the {@link TrafficTotals}.
 */
final class PeriodicConnectionWork {
    private static final System.Logger LOG = System.getLogger(PeriodicConnectionWork.class.getName());
    /**
     * A quiet connection's statistics are sampled once in this many rounds ({@link #sampleStats}): with the default
     * 1 s interval, every 30 s; at 10 every 10 s, which still made a fifth of an idle service's CPU at 1,000
     * connections (a full report and its summary per sample).
     */
    static final int QUIET_STATS_SAMPLE_ROUNDS = 30;

    private final PeerConnectionRegistry registry;
    private final PeerConnectionLimits limits;
    private final LongSupplier nanoTime;
    private final ConnectionWatcher.Publisher events;
    /** Closes a connection by id, with the reason its close event gives. */
    private final BiFunction<String, String, CompletableFuture<Void>> close;
    private final TrafficTotals totals = new TrafficTotals();
    private volatile ScheduledExecutorService scheduler;

    PeriodicConnectionWork(PeerConnectionRegistry registry, PeerConnectionLimits limits, LongSupplier nanoTime,
            ConnectionWatcher.Publisher events, BiFunction<String, String, CompletableFuture<Void>> close) {
        this.registry = registry;
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.events = events;
        this.close = close;
    }

    TrafficTotals totals() {
        return totals;
    }

    /** See {@link PeerConnectionService#reapExpired()}. */
    int reapExpired() {
        long now = nanoTime.getAsLong();
        long idle = limits.idleTimeout().toNanos();
        long session = limits.sessionTimeout().toNanos();
        int reaped = 0;
        for (ManagedPeerConnection connection : registry.all()) {
            String reason = connection.expiryReason(now, idle, session);
            if (reason != null && registry.find(connection.id()).isPresent()) {
                events.publish(RtcEventType.REAPED, connection.id(), Map.of("reason", reason));
                close.apply(connection.id(), reason).exceptionally(error -> null);
                reaped++;
            }
        }
        return reaped;
    }

    /** See {@link PeerConnectionService#sampleStats()}. */
    void sampleStats() {
        for (ManagedPeerConnection connection : registry.all()) {
            if (connection.skipStatsSample()) {
                continue;
            }
            CompletableFuture<RTCStatsReport> report;
            try {
                report = connection.peerConnection().getStats();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "statistics of " + connection.id() + " unavailable", e);
                continue;
            }
            report.orTimeout(limits.operationTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((stats, error) -> {
                        if (error != null) {
                            LOG.log(Level.DEBUG, "statistics of " + connection.id() + " unavailable", error);
                            return;
                        }
                        recordStats(connection, StatsSummary.of(stats));
                    });
        }
    }

    void recordStats(ManagedPeerConnection connection, StatsSummary summary) {
        StatsSummary previous = connection.replaceStats(summary);
        connection.scheduleStatsSamples(applicationTrafficMoved(previous, summary), QUIET_STATS_SAMPLE_ROUNDS - 1);
        totals.addGrowth(previous, summary);
        events.publish(RtcEventType.STATS, connection.id(), summary.toMap());
    }

    private static boolean applicationTrafficMoved(StatsSummary previous, StatsSummary now) {
        return now.messagesSent() != previous.messagesSent() || now.messagesReceived() != previous.messagesReceived()
                || now.rtpPackets("inbound") != previous.rtpPackets("inbound")
                || now.rtpPackets("outbound") != previous.rtpPackets("outbound");
    }

    private long reaperPeriodMillis() {
        Duration shortest = limits.idleTimeout();
        if (shortest.isZero() || (!limits.sessionTimeout().isZero()
                && limits.sessionTimeout().compareTo(shortest) < 0)) {
            shortest = limits.sessionTimeout();
        }
        long quarter = shortest.isZero() ? 5_000 : shortest.toMillis() / 4;
        return Math.max(100, Math.min(5_000, quarter));
    }

    /** Schedules the reaper and, unless the stats interval is zero, the sampling; once. */
    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rtc-peer-connection-reaper");
            thread.setDaemon(true);
            return thread;
        });
        long reaperPeriod = reaperPeriodMillis();
        executor.scheduleWithFixedDelay(guarded(this::reapExpired), reaperPeriod, reaperPeriod,
                TimeUnit.MILLISECONDS);
        if (!limits.statsInterval().isZero()) {
            long statsPeriod = Math.max(10, limits.statsInterval().toMillis());
            executor.scheduleAtFixedRate(guarded(this::sampleStats), statsPeriod, statsPeriod,
                    TimeUnit.MILLISECONDS);
        }
        scheduler = executor;
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "periodic peer-connection task failed", e);
            }
        };
    }

    synchronized void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    boolean isRunning() {
        return scheduler != null;
    }
}

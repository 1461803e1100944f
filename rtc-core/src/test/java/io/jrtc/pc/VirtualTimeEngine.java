package io.jrtc.pc;

import io.jrtc.pc.internal.loop.ElasticPool;
import io.jrtc.pc.internal.loop.EngineResources;
import io.jrtc.testkit.LinkConditions;
import io.jrtc.testkit.SimulatedNetwork;
import io.jrtc.time.VirtualClock;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * An engine whose clock is a {@link VirtualClock} and whose datagrams cross a {@link SimulatedNetwork}; its
 * connections gather on {@link #HOST}, a documentation address no real socket is bound on. ICE checks, consent,
 * SCTP retransmissions and every other timer of its connections run in virtual time, which {@link #runUntil} moves.
 *
 * <p>The one part that insists on real time is BouncyCastle's DTLS handshake: it runs on a pool thread and times
 * its own flight retransmissions with real time (RFC 6347 §4.2.4). While a handshake thread is busy, each step of
 * {@link #runUntil} therefore also lets {@link #HANDSHAKE_PAUSE} of real time pass, and virtual time advances by
 * the real time the step took (at least {@link #HANDSHAKE_STEP}), so the two clocks keep in step until the
 * handshake is over: a flight's virtual delay on the link and BouncyCastle's real retransmission timer measure the
 * same time. The engine shortens the first DTLS retransmission to {@link #DTLS_RETRANSMIT} so that a lost flight
 * costs little real time. Everything else, the records after the handshake included, is processed on the event
 * loops in virtual time, and is repeatable for a given seed once the handshake is over (the handshake's real timing
 * may change how many of its datagrams the link sees, and so the random draws after it).
 */
final class VirtualTimeEngine implements AutoCloseable {
    static final InetAddress HOST = address("192.0.2.1");
    static final Duration DTLS_RETRANSMIT = Duration.ofMillis(100);
    static final Duration HANDSHAKE_STEP = Duration.ofMillis(1);
    static final Duration HANDSHAKE_PAUSE = Duration.ofMillis(1);
    /** Virtual time is advanced at most this much at once, even when no task is due earlier. */
    static final Duration MAX_STEP = Duration.ofMillis(100);
    /** How long signalling may take in virtual time; only a bug reaches it. */
    static final Duration SIGNALLING = Duration.ofSeconds(30);
    private static final long REAL_WAIT_SECONDS = 20;

    final VirtualClock clock = new VirtualClock();
    final SimulatedNetwork network;
    final RtcEngine engine;
    /** Real time, read for the figures close() prints and to pace handshake steps; never by the engine. */
    private final long realStart = System.nanoTime();
    private long handshakeSteps;
    /** Real nanoTime of the last handshake step, 0 when the last step was not one. */
    private long lastHandshakeStep;

    /** {@code settings} adjusts the engine's settings (ICE or SCTP timers, say); {@code seed} the network's. */
    VirtualTimeEngine(long seed, UnaryOperator<RtcEngineSettings> settings) {
        network = new SimulatedNetwork(clock, seed);
        RtcEngineSettings base = RtcEngineSettings.defaults().withBindAddresses(List.of(HOST))
                .withDtls(DtlsSettings.defaults().withInitialRetransmitTimeout(DTLS_RETRANSMIT));
        engine = new RtcEngine(new EngineResources(settings.apply(base), clock, loops -> network));
    }

    void setConditions(LinkConditions conditions) {
        network.setConditions(conditions);
    }

    /** Runs virtual time until {@code future} is done (at most {@link #SIGNALLING}); its value. */
    <T> T await(CompletableFuture<T> future) {
        runUntil(future::isDone, SIGNALLING);
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Advances virtual time until {@code condition} holds, checking it whenever every loop and the callback pool are
     * idle; fails once {@code virtualTimeout} has passed in virtual time without it. Returns the virtual time taken.
     * Between checks the clock jumps to the next due task (at most {@link #MAX_STEP} ahead), except while a DTLS
     * handshake is in flight (see the class comment).
     */
    Duration runUntil(BooleanSupplier condition, Duration virtualTimeout) {
        long start = clock.nanoTime();
        long deadline = start + virtualTimeout.toNanos();
        settle();
        while (!condition.getAsBoolean()) {
            long now = clock.nanoTime();
            if (now >= deadline) {
                throw new AssertionError("condition not met within " + virtualTimeout + " of virtual time");
            }
            long next;
            if (handshakeInFlight()) {
                handshakeSteps++;
                LockSupport.parkNanos(HANDSHAKE_PAUSE.toNanos());
                long real = System.nanoTime();
                long elapsed = lastHandshakeStep == 0 ? 0 : Math.min(real - lastHandshakeStep, MAX_STEP.toNanos());
                lastHandshakeStep = real;
                next = now + Math.max(HANDSHAKE_STEP.toNanos(), elapsed);
            } else {
                lastHandshakeStep = 0;
                next = Math.min(clock.nextDeadline(), now + MAX_STEP.toNanos());
            }
            clock.advanceTo(Math.min(Math.max(next, now), deadline));
            settle();
        }
        return Duration.ofNanos(clock.nanoTime() - start);
    }

    /** Advances virtual time by {@code duration}, the loops settling after every due task. */
    void runFor(Duration duration) {
        long end = clock.nanoTime() + duration.toNanos();
        runUntil(() -> clock.nanoTime() >= end, duration.plusNanos(1));
    }

    /** Virtual time since the clock started. */
    Duration virtualTime() {
        return Duration.ofNanos(clock.nanoTime());
    }

    /**
     * Whether a handshake task was handed to the pool and has not finished: running, queued, or given to a thread
     * that has not started yet. Counting only running tasks let a loaded machine race virtual time past the
     * handshake's deadline (on the connection's clock) before the thread ever ran; so did ThreadPoolExecutor's own
     * task count, which misses a task whose new thread has not run yet (connections never connected in 30 virtual
     * seconds that took 0.1 s of real time).
     */
    private boolean handshakeInFlight() {
        return ((ElasticPool) engine.core().handshakeExecutor()).inFlight() > 0;
    }

    /**
     * Waits until what is queued on every loop has run and no user callback is running: twice in a row, since a
     * callback may hop back onto a loop.
     */
    private void settle() {
        List<EventLoop> loops = engine.core().loops().all();
        ElasticPool callbacks = (ElasticPool) engine.core().callbackPool();
        int quietRounds = 0;
        while (quietRounds < 2) {
            for (EventLoop loop : loops) {
                try {
                    loop.submit(() -> { }).get(REAL_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                } catch (ExecutionException | TimeoutException e) {
                    throw new AssertionError("an event loop did not answer", e);
                }
            }
            boolean quiet = callbacks.inFlight() == 0;
            quietRounds = quiet ? quietRounds + 1 : 0;
            if (!quiet) {
                Thread.yield();
            }
        }
    }

    /** Closes the engine; prints the virtual and real time it ran (JSON, one line), the figures the kit exists for. */
    @Override
    public void close() {
        long realMillis = (System.nanoTime() - realStart) / 1_000_000;
        engine.close();
        System.out.printf("{\"kit\":\"VirtualTimeEngine\",\"virtualMillis\":%d,\"realMillis\":%d,"
                        + "\"closeMillis\":%d,\"handshakeSteps\":%d,\"network\":\"%s\"}%n",
                clock.nanoTime() / 1_000_000, realMillis, (System.nanoTime() - realStart) / 1_000_000 - realMillis,
                handshakeSteps, network.counters());
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

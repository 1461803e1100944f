package io.jrtc.whip;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A WHEP play that outlives its connection: when the connection fails, is closed from the far end, or stays
 * disconnected past a grace period (the server died, or drained and left), the session is dropped and the play
 * starts again at the entry endpoint, where a cluster places it anew. Tries are spaced by a backoff that doubles
 * from an initial delay up to a cap and starts over once a connection is up. A refusal in the 4xx range (the
 * stream is unknown, the token is refused) ends the playback: trying again would not change it.
 */
public final class WhepPlayback implements AutoCloseable {
    private final SignalingClient client;
    private final Function<RTCConfiguration, RTCPeerConnection> factory;
    private final Consumer<SignalingSession> onSession;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration disconnectedGrace;
    private final CompletableFuture<SignalingSession> first = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    /** Counts the sessions made and dropped, so a late event of a dropped one is ignored. */
    private int generation;
    private SignalingSession session;
    private Duration nextDelay;
    private int reconnects;
    private boolean closed;

    WhepPlayback(SignalingClient client, Function<RTCConfiguration, RTCPeerConnection> factory,
            Consumer<SignalingSession> onSession, Duration initialDelay, Duration maxDelay,
            Duration disconnectedGrace) {
        this.client = client;
        this.factory = factory;
        this.onSession = onSession;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.disconnectedGrace = disconnectedGrace;
        this.nextDelay = initialDelay;
    }

    /** Completes with the first session, or fails when the play was refused before any session was made. */
    public CompletableFuture<SignalingSession> firstSession() {
        return first;
    }

    /** Completes when the playback ends: closed, or failed with the refusal that ended it. */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** The session playing now, or null between a drop and the next session. */
    public synchronized SignalingSession session() {
        return session;
    }

    /** How many times a session was dropped and the play started again. */
    public synchronized int reconnects() {
        return reconnects;
    }

    void start() {
        connect(0);
    }

    private void connect(int expected) {
        synchronized (this) {
            if (closed || expected != generation) {
                return;
            }
        }
        client.start(factory).whenComplete((made, failure) -> {
            if (failure != null) {
                retryOrEnd(expected, failure instanceof CompletionException ? failure.getCause() : failure);
                return;
            }
            synchronized (this) {
                if (closed || expected != generation) {
                    made.closeAsync().exceptionally(ignored -> null);
                    return;
                }
                session = made;
            }
            watch(made, expected);
            onSession.accept(made);
            first.complete(made);
        });
    }

    private void retryOrEnd(int expected, Throwable failure) {
        if (failure instanceof HttpSignalingException refused && refused.getStatus() / 100 == 4) {
            first.completeExceptionally(failure);
            ended.completeExceptionally(failure);
            return;
        }
        Duration wait;
        synchronized (this) {
            wait = nextDelay;
            nextDelay = nextDelay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : nextDelay.multipliedBy(2);
        }
        after(wait, () -> connect(expected));
    }

    /** Drops the session when its connection fails, is closed by the far end, or stays disconnected too long. */
    private void watch(SignalingSession made, int expected) {
        RTCPeerConnection pc = made.peerConnection();
        pc.onConnectionStateChange(state -> onState(state, pc, expected));
        onState(pc.getConnectionState(), pc, expected);
    }

    private void onState(RTCPeerConnectionState state, RTCPeerConnection pc, int expected) {
        switch (state) {
            case CONNECTED -> {
                synchronized (this) {
                    nextDelay = initialDelay;
                }
            }
            case FAILED, CLOSED -> drop(expected);
            case DISCONNECTED -> after(disconnectedGrace, () -> {
                if (pc.getConnectionState() == RTCPeerConnectionState.DISCONNECTED) {
                    drop(expected);
                }
            });
            default -> {
            }
        }
    }

    /** Ends the session of {@code expected} (its DELETE may reach a node that is still there) and plays anew. */
    private void drop(int expected) {
        SignalingSession dropped;
        Duration wait;
        synchronized (this) {
            if (closed || expected != generation) {
                return;
            }
            generation++;
            reconnects++;
            dropped = session;
            session = null;
            wait = nextDelay;
        }
        if (dropped != null) {
            dropped.closeAsync().exceptionally(ignored -> null);
        }
        int next = expected + 1;
        after(wait, () -> connect(next));
    }

    private static void after(Duration wait, Runnable task) {
        CompletableFuture.runAsync(task, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Stops reconnecting, deletes the session playing now and closes its connection. */
    public CompletableFuture<Void> closeAsync() {
        SignalingSession current;
        synchronized (this) {
            closed = true;
            generation++;
            current = session;
            session = null;
        }
        CompletableFuture<Void> done = current == null ? CompletableFuture.completedFuture(null)
                : current.closeAsync();
        return done.whenComplete((ok, failure) -> ended.complete(null));
    }

    @Override
    public void close() {
        closeAsync().join();
    }
}

package io.jrtc.pc.internal.loop;

import io.jrtc.time.RtcClock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** What the transports of one connection share: the engine's resources, the connection's pump (its loop) and callbacks. */
public record ConnectionContext(EngineResources engine, Pump pump, CallbackExecutor callbacks) {
    public static ConnectionContext create(EngineResources engine) {
        return new ConnectionContext(engine, new Pump(engine.loops().next(), engine.clock()),
                new CallbackExecutor(engine.callbackPool()));
    }

    public RtcClock clock() {
        return pump.clock();
    }

    public <T> Listeners<T> listeners() {
        return new Listeners<>(callbacks);
    }

    /** Runs {@code task} on the loop and completes with its result; exceptions fail the future. */
    public <T> CompletableFuture<T> onLoop(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        };
        if (pump.loop().inEventLoop()) {
            run.run();
        } else {
            pump.loop().execute(run);
        }
        return result;
    }
}

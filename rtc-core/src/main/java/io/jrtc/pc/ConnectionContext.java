package io.jrtc.pc;

/** What the transports of one connection share: the engine, the connection's pump (its loop) and callbacks. */
record ConnectionContext(RtcEngine engine, Pump pump, CallbackExecutor callbacks) {
    static ConnectionContext create(RtcEngine engine) {
        return new ConnectionContext(engine, new Pump(engine.loops().next()),
                new CallbackExecutor(engine.callbackPool()));
    }

    <T> Listeners<T> listeners() {
        return new Listeners<>(callbacks);
    }

    /** Runs {@code task} on the loop and completes with its result; exceptions fail the future. */
    <T> java.util.concurrent.CompletableFuture<T> onLoop(java.util.function.Supplier<T> task) {
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
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

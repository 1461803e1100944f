package io.jrtc.pc.internal.loop;

import io.jrtc.pc.Subscription;
import java.lang.System.Logger.Level;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listeners of one event. Emitting runs each listener through the owner's {@link CallbackExecutor}, so a
 * slow or throwing listener never runs inside protocol code nor stalls the event loop.
 */
public final class Listeners<T> {
    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final CopyOnWriteArrayList<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    private final CallbackExecutor executor;

    public Listeners(CallbackExecutor executor) {
        this.executor = executor;
    }

    public Subscription add(Consumer<T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    /**
     * Queues the event; the listeners are read when it runs, so one added by an earlier callback of the same
     * connection (an {@code onMessage} added in {@code onDataChannel}) still gets it.
     */
    public void emit(T value) {
        executor.execute(() -> {
            for (Consumer<T> listener : listeners) {
                try {
                    listener.accept(value);
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.WARNING, "event listener threw; the connection carries on", e);
                }
            }
        });
    }
}

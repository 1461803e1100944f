package io.jrtc.pc.internal.loop;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs one connection's user callbacks in order, one at a time, on a shared pool: events keep their order
 * without a thread per connection, and a slow callback delays only its own connection's later callbacks.
 */
public final class CallbackExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(CallbackExecutor.class.getName());

    private final Executor pool;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    public CallbackExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (queue) {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "callback threw", e);
            }
        }
    }
}

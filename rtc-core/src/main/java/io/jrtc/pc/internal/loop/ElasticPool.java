package io.jrtc.pc.internal.loop;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Up to {@code max} threads; a task goes to an idle thread if there is one, else to a new thread, else it waits in
 * the queue, of at most {@code maxQueued} tasks; past that, {@code full} is told. Idle threads end after 30 s.
 * (A ThreadPoolExecutor whose core size is its maximum starts a new thread for each of its first {@code max} tasks
 * even while others sit idle, so every DTLS handshake of the first 64 paid for a thread start.)
 * <p>
 * It also counts the tasks handed to it that have not finished, exactly: ThreadPoolExecutor's own task count misses
 * a task given to a thread that has not started running, so a caller that waits for the pool to be idle (a
 * virtual-time test harness) could take a handshake about to start for none.
 */
public final class ElasticPool extends ThreadPoolExecutor {
    private final AtomicInteger inFlight = new AtomicInteger();

    ElasticPool(String name, int max, RejectedExecutionHandler full, int maxQueued) {
        this(name, max, full, maxQueued, new HandOffQueue());
    }

    private ElasticPool(String name, int max, RejectedExecutionHandler full, int maxQueued, HandOffQueue queue) {
        super(0, max, 30, TimeUnit.SECONDS, queue, daemonThreads(name), (task, pool) -> {
            if (pool.isShutdown()) {
                throw new RejectedExecutionException(name + " pool is shut down");
            }
            if (!queue.putWithin(task, maxQueued)) {
                full.rejectedExecution(task, pool);
            }
        });
    }

    @Override
    public void execute(Runnable task) {
        inFlight.incrementAndGet();
        try {
            super.execute(() -> {
                try {
                    task.run();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException rejected) {
            inFlight.decrementAndGet();
            throw rejected;
        }
    }

    /** Tasks handed to the pool that have not finished: queued, starting or running. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Offering only hands a task to a waiting thread, so the pool grows to its maximum before tasks queue. */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        /** Queues the task unless {@code limit} are queued; producers take turns, so the bound holds. */
        synchronized boolean putWithin(Runnable task, int limit) {
            if (size() >= limit) {
                return false;
            }
            put(task);
            return true;
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

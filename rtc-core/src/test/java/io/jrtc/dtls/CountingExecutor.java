package io.jrtc.dtls;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps an executor to count the tasks it is given, running now and finished. */
final class CountingExecutor implements Executor {
    private final Executor delegate;
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final Semaphore started = new Semaphore(0);
    private final Semaphore finished = new Semaphore(0);

    CountingExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        submitted.incrementAndGet();
        delegate.execute(() -> {
            running.incrementAndGet();
            started.release();
            try {
                task.run();
            } finally {
                running.decrementAndGet();
                finished.release();
            }
        });
    }

    int submitted() {
        return submitted.get();
    }

    int running() {
        return running.get();
    }

    void awaitStarted(int tasks) throws InterruptedException {
        started.acquire(tasks);
        started.release(tasks);
    }

    boolean awaitFinished(int tasks, Duration limit) throws InterruptedException {
        if (!finished.tryAcquire(tasks, limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        finished.release(tasks);
        return true;
    }
}

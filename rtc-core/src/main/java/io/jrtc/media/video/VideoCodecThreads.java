package io.jrtc.media.video;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where decoding, encoding and other picture work runs by default: one pool of daemon threads, one per core, shared
 * by every track, so that codec work never lands on a connection's event loop or the callback pool. Its queue is
 * bounded by its users rather than by a capacity: a decoder and an {@link AsyncVideoEncoder} each keep at most one
 * task in it, dropping pictures instead of queueing more.
 */
public final class VideoCodecThreads {
    private static final ExecutorService SHARED = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), new Daemons());

    private VideoCodecThreads() {
    }

    public static ExecutorService shared() {
        return SHARED;
    }

    private static final class Daemons implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "jrtc-video-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}

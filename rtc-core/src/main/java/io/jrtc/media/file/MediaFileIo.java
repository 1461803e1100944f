package io.jrtc.media.file;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread every player and recorder of this package does its file I/O on ("jrtc-media-file"), so that no
 * track's consumer or producer thread ever waits for a disk, and no track costs a thread. Tasks run one at a time
 * in submission order, which keeps each file's reads and writes in order. The thread is a daemon and goes away
 * after a minute without work.
 */
public final class MediaFileIo {
    static final String THREAD_NAME = "jrtc-media-file";
    private static final ThreadPoolExecutor EXECUTOR = newExecutor();

    private MediaFileIo() {
    }

    /** The shared file I/O executor: one daemon thread, tasks in submission order. */
    public static Executor executor() {
        return EXECUTOR;
    }

    private static ThreadPoolExecutor newExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, THREAD_NAME);
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}

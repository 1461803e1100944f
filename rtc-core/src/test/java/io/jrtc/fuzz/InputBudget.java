package io.jrtc.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The time one fuzz input may take: 50 ms of this thread's CPU time (libFuzzer's own timeout counts whole seconds).
 * CPU time, not wall time, so a busy build machine or a GC pause does not fail a run; and an input over budget runs
 * once more before it fails, because the first input to reach new code also pays for class loading, which a slow
 * input would not get rid of the second time.
 */
final class InputBudget {
    static final long MAX_NANOS = 50_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One run of the code under test on one input; it builds its own state so it can run twice. */
    @FunctionalInterface
    interface Run {
        void run() throws Exception;
    }

    private InputBudget() {
    }

    static void within(Run run) throws Exception {
        within(MAX_NANOS, run);
    }

    /** With a budget of its own, for targets whose every input sets up more (a native demuxer and decoder). */
    static void within(long maxNanos, Run run) throws Exception {
        long spent = cpuNanos(run);
        if (spent > maxNanos) {
            long again = cpuNanos(run);
            if (again > maxNanos) {
                throw new AssertionError("input took " + again / 1_000_000 + " ms of CPU (budget "
                        + maxNanos / 1_000_000 + " ms), " + spent / 1_000_000 + " ms the first time");
            }
        }
    }

    private static long cpuNanos(Run run) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        run.run();
        return THREADS.getCurrentThreadCpuTime() - start;
    }
}

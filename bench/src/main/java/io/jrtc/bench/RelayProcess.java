package io.jrtc.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the process costs: CPU time, heap in use, resident memory and threads. */
final class RelayProcess {
    private RelayProcess() {
    }

    /** CPU seconds (user and system) of the whole JVM so far. */
    static double cpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    static double heapUsedMegabytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    /**
     * Heap still in use after full collections: what the connections hold, without the garbage that
     * {@link #heapUsedMegabytes()} counts at whatever point of the GC cycle the window ends. Taken last, after
     * every timed figure, since it collects.
     */
    static double liveHeapMegabytes() {
        System.gc();
        System.gc();
        return heapUsedMegabytes();
    }

    static int javaThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** A numeric field of /proc/self/status (VmRSS in kB, Threads), 0 where there is none. */
    static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}

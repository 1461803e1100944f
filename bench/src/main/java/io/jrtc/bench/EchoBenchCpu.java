package io.jrtc.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU use over an interval, to tell a slow service from a busy machine: this (client) JVM's CPU time, the whole
 * machine's busy time (Linux {@code /proc/stat}, every process, other tenants included) and the load average.
 */
final class EchoBenchCpu {
    /** One reading; fractions are of the whole machine (1.0 = every core busy). */
    record Reading(long wallNanos, double clientCpuSeconds, long machineBusyTicks, long machineTotalTicks,
            long udpReceiveDrops) {
        static Reading now() {
            long[] machine = machineTicks();
            return new Reading(System.nanoTime(), processCpuSeconds(), machine[0], machine[1], readUdpReceiveDrops());
        }

        double clientFractionSince(Reading start) {
            double wall = (wallNanos - start.wallNanos) / 1e9;
            return (clientCpuSeconds - start.clientCpuSeconds) / wall / Runtime.getRuntime().availableProcessors();
        }

        double machineFractionSince(Reading start) {
            long total = machineTotalTicks - start.machineTotalTicks;
            return total <= 0 ? Double.NaN : (double) (machineBusyTicks - start.machineBusyTicks) / total;
        }

        double wallSecondsSince(Reading start) {
            return (wallNanos - start.wallNanos) / 1e9;
        }
    }

    private EchoBenchCpu() {
    }

    /** The one-minute load average, or NaN where unavailable. */
    static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }

    private static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** Datagrams dropped for full socket receive buffers since boot (/proc/net/snmp Udp RcvbufErrors); 0 if unknown. */
    private static long readUdpReceiveDrops() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
                    List<String> names = List.of(lines.get(i).trim().split("\\s+"));
                    String[] values = lines.get(i + 1).trim().split("\\s+");
                    int index = names.indexOf("RcvbufErrors");
                    return index < 0 ? 0 : Long.parseLong(values[index]);
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {busy, total} jiffies of all cores since boot; {0, 0} where /proc/stat is unreadable. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}

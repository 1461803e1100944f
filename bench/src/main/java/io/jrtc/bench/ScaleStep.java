package io.jrtc.bench;

import java.util.Locale;

/**
 * The figures of one step of the scale bench, printed as one JSON line.
 *
 * @param connections     connected sessions (data channel open) during the step's windows
 * @param disconnected    of those, how many our side no longer counted connected at the end of the window
 * @param setupPerSecond  sessions this step connected per second of its ramp, {@code setupConcurrency} at a time
 * @param rampPostMs      POST to 201 of the ramp's sessions (concurrent), sorted
 * @param probePostMs     POST to 201 of sessions made one at a time after the windows, with the others open, sorted
 * @param idleCpu         the service's CPU seconds per second with every connection idle (consent checks only)
 * @param busyCpu         the service's CPU seconds per second while every session sends
 * @param echoes          the traffic window's echoes
 * @param heapAfterGcMb   the service's heap after a full collection
 * @param baseline        the service's footprint before the first session, so per-connection figures are growth
 */
record ScaleStep(String server, int connections, int disconnected, int setupFailures, String firstError, double setupPerSecond,
        double[] rampPostMs, double[] probePostMs, double idleCpu, double busyCpu, double windowSeconds,
        EchoBenchStep.Echoes echoes, double heapAfterGcMb, double rssMb, int threads, int openFiles,
        double clientCpu, double loadAverage, Baseline baseline) {

    /** The service before any session. */
    record Baseline(double heapAfterGcMb, double rssMb, int threads, int openFiles, double idleCpu) {
    }

    /** CPU per echoed message beyond what idle upkeep costs over the same time, in microseconds. */
    double cpuMicrosPerEcho() {
        return echoes.echoed() == 0 ? Double.NaN
                : (busyCpu - idleCpu) * windowSeconds * 1e6 / echoes.echoed();
    }

    boolean held(double rttLimitMillis) {
        return setupFailures == 0 && disconnected == 0 && echoes.lost() == 0 && echoes.silent() == 0 && echoes.sendErrors() == 0
                && echoes.rttP99() <= rttLimitMillis;
    }

    String toJson() {
        double kib = 1024.0 / Math.max(1, connections);
        return String.format(Locale.ROOT, "{\"server\":\"%s\",\"connections\":%d,\"setup\":{\"per_s\":%s,"
                + "\"failures\":%d%s},\"post_to_201_ms\":{\"ramp_median\":%s,\"ramp_p99\":%s,\"median\":%s,"
                + "\"p99\":%s,\"n\":%d},\"heap_after_gc_mb\":%s,\"heap_kib_per_connection\":%s,\"rss_mb\":%s,"
                + "\"rss_kib_per_connection\":%s,\"threads\":%d,\"open_files\":%d,\"cpu\":{\"idle_s_per_s\":%s,"
                + "\"idle_us_per_s_per_connection\":%s,\"busy_s_per_s\":%s,\"us_per_echo\":%s,\"client_s_per_s\":%s,\"loadavg\":%s},"
                + "\"disconnected\":%d,\"echo\":{\"sent\":%d,\"echoed\":%d,\"lost\":%d,\"silent_sessions\":%d,\"send_errors\":%d,"
                + "\"rtt_p50_ms\":%s,\"rtt_p99_ms\":%s}}",
                server, connections, n(setupPerSecond, 1), setupFailures,
                firstError == null ? "" : ",\"first_error\":\"" + escape(firstError) + "\"",
                n(EchoBenchPercentiles.median(rampPostMs), 2), n(EchoBenchPercentiles.nearestRank(rampPostMs, 99), 2),
                n(EchoBenchPercentiles.median(probePostMs), 2), n(EchoBenchPercentiles.nearestRank(probePostMs, 99), 2),
                probePostMs.length, n(heapAfterGcMb, 1), n((heapAfterGcMb - baseline.heapAfterGcMb()) * kib, 1),
                n(rssMb, 1), n((rssMb - baseline.rssMb()) * kib, 1), threads, openFiles, n(idleCpu, 3),
                n((idleCpu - baseline.idleCpu()) * 1e6 / Math.max(1, connections), 1),
                n(busyCpu, 3), n(cpuMicrosPerEcho(), 1), n(clientCpu, 3), n(loadAverage, 1), disconnected,
                echoes.sent(), echoes.echoed(), echoes.lost(), echoes.silent(), echoes.sendErrors(),
                n(EchoBenchPercentiles.median(echoes.rttMs()), 2), n(echoes.rttP99(), 2));
    }

    private static String n(double value, int decimals) {
        return EchoBenchStep.number(value, decimals);
    }

    private static String escape(String text) {
        String flat = text.length() > 300 ? text.substring(0, 300) : text;
        return flat.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }
}

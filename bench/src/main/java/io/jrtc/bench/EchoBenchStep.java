package io.jrtc.bench;

import java.util.Locale;

/**
 * The figures of one step of the concurrent-session ramp.
 *
 * @param target         the number of sessions the step aimed at
 * @param sessions       the sessions that were busy during the measuring window
 * @param setupFailures  sessions of this step that failed to connect
 * @param firstError     the first setup failure, or null
 * @param setupPostsMs   POST /echo until 201 of the sessions added in this step, sorted, in ms
 * @param sent           messages sent in the measuring window
 * @param echoed         echoes of them received within the grace period after the window
 * @param backlogged     sends skipped because the channel had too much unacknowledged data
 * @param silentSessions sessions without a single echo in the window
 * @param rttMs          echo round-trip times of the window, sorted, in ms
 * @param serviceCpu     the service JVM's recent CPU use, 0..1 of the machine (Actuator process.cpu.usage)
 * @param clientCpu      this JVM's CPU use during the window, 0..1 of the machine
 */
record EchoBenchStep(int target, int sessions, int setupFailures, String firstError, double setupSeconds,
        double setupsPerSecond, double[] setupPostsMs, long sent, long echoed, long backlogged, long sendErrors,
        int silentSessions, double[] rttMs, double heapMb, double threads, double serviceCpu, double clientCpu) {

    long lost() {
        return sent - echoed;
    }

    double rttP99Millis() {
        return EchoBenchPercentiles.nearestRank(rttMs, 99);
    }

    boolean held(double rttLimitMillis) {
        return firstFailure(rttLimitMillis) == null;
    }

    /** Why the step did not hold, or null when it did. */
    String firstFailure(double rttLimitMillis) {
        if (setupFailures > 0) {
            return "setup failures";
        }
        if (sendErrors > 0) {
            return "send errors";
        }
        if (lost() > 0 || silentSessions > 0) {
            return "lost echoes";
        }
        if (backlogged > 0) {
            return "send backlog";
        }
        if (!(rttP99Millis() < rttLimitMillis)) {
            return "echo rtt p99 over " + rttLimitMillis + " ms";
        }
        return null;
    }

    String toJson() {
        return String.format(Locale.ROOT, "{\"sessions\":%d,\"target\":%d,\"setup_failures\":%d,\"setup_s\":%.1f,"
                + "\"setups_per_s\":%.1f,\"setup_post_ms\":{\"median\":%s,\"p99\":%s},\"sent\":%d,\"echoed\":%d,"
                + "\"lost\":%d,\"backlogged\":%d,\"send_errors\":%d,\"silent_sessions\":%d,"
                + "\"echo_rtt_ms\":{\"p50\":%s,\"p99\":%s,\"max\":%s},\"heap_mb\":%s,\"threads\":%s,"
                + "\"service_cpu\":%s,\"client_cpu\":%s%s}",
                sessions, target, setupFailures, setupSeconds, setupsPerSecond,
                number(EchoBenchPercentiles.median(setupPostsMs)), number(EchoBenchPercentiles.nearestRank(setupPostsMs, 99)),
                sent, echoed, lost(), backlogged, sendErrors, silentSessions,
                number(EchoBenchPercentiles.median(rttMs)), number(rttP99Millis()),
                number(rttMs.length == 0 ? Double.NaN : rttMs[rttMs.length - 1]),
                number(heapMb, 1), number(threads, 0), number(serviceCpu, 2), number(clientCpu, 2),
                firstError == null ? "" : ",\"first_error\":\"" + escape(firstError) + "\"");
    }

    /** A JSON number with two decimals, or null for NaN (JSON has no NaN). */
    static String number(double value) {
        return number(value, 2);
    }

    static String number(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null"
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String escape(String text) {
        String flat = text.length() > 300 ? text.substring(0, 300) : text;
        return flat.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }
}

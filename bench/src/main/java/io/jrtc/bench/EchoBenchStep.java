package io.jrtc.bench;

import java.util.Locale;

/**
 * The figures of one step of the concurrent-session ramp.
 *
 * @param target        the number of sessions the step aimed at
 * @param sessions      the sessions that were busy during the measuring window
 * @param retriedRttP99 NaN, or the p99 round trip of a first window that failed only on it and was measured again
 */
record EchoBenchStep(int target, int sessions, Setup setup, Echoes echoes, Resources resources,
        double retriedRttP99) {

    /**
     * Connecting the sessions this step added.
     *
     * @param failures  sessions that failed to connect
     * @param skipped   sessions not attempted because the time budget ran out: setup was too slow
     * @param firstError the first failure, or null
     * @param gatherMs  creating the offer until gathering completed, sorted, in ms
     * @param postMs    POST /echo until its 201, sorted, in ms
     * @param openMs    the 201 until our data channel opened, sorted, in ms
     */
    record Setup(int failures, int skipped, String firstError, double seconds, double perSecond, double[] gatherMs,
            double[] postMs, double[] openMs) {
    }

    /**
     * The measuring window's traffic.
     *
     * @param sent       messages sent in the window
     * @param echoed     echoes of them received within the grace period after the window
     * @param backlogged sends skipped because the channel had too much unacknowledged data
     * @param silent     sessions without a single echo in the window
     * @param rttMs      echo round-trip times, sorted, in ms
     */
    record Echoes(long sent, long echoed, long backlogged, long sendErrors, int silent, double[] rttMs) {
        long lost() {
            return sent - echoed;
        }

        double rttP99() {
            return EchoBenchPercentiles.nearestRank(rttMs, 99);
        }
    }

    /**
     * The service's footprint after the window (Actuator), and CPU use during it as fractions of the whole machine
     * (1.0 = both cores): the service's, ours (the client), and every process's ({@code machineCpu}, other tenants
     * of the machine included); {@code serviceMicrosPerEcho} is the service's CPU time per echoed message.
     * {@code heapMb} is heap in use, garbage included; {@code peerConnections} the service's open connections and
     * {@code reaped} how many it has reaped so far (idle, failed). {@code udpReceiveDrops} counts datagrams the kernel dropped
     * for full socket receive buffers during the window, machine-wide (Linux {@code /proc/net/snmp} RcvbufErrors):
     * on loopback the only loss there is, each costing an SCTP retransmission.
     */
    record Resources(double heapMb, double threads, double openFiles, double peerConnections, double reaped, double serviceCpu, double serviceMicrosPerEcho,
            double clientCpu, double machineCpu, double loadAverage, long udpReceiveDrops) {
    }

    boolean held(double rttLimitMillis) {
        return firstFailure(rttLimitMillis) == null;
    }

    /** Why the step did not hold, or null when it did. */
    String firstFailure(double rttLimitMillis) {
        if (setup.failures() > 0) {
            return "setup failures";
        }
        if (setup.skipped() > 0) {
            return "setup too slow for the time budget";
        }
        if (echoes.sendErrors() > 0) {
            return "send errors";
        }
        if (echoes.lost() > 0 || echoes.silent() > 0) {
            return "lost echoes";
        }
        if (echoes.backlogged() > 0) {
            return "send backlog";
        }
        if (!(echoes.rttP99() < rttLimitMillis)) {
            return "echo rtt p99 over " + number(rttLimitMillis, 0) + " ms";
        }
        return null;
    }

    String toJson() {
        return String.format(Locale.ROOT, "{\"sessions\":%d,\"target\":%d,"
                + "\"setup\":{\"failures\":%d,\"skipped\":%d,\"seconds\":%s,\"per_s\":%s,"
                + "\"median_ms\":{\"gather\":%s,\"post\":%s,\"open\":%s},\"post_p99_ms\":%s},"
                + "\"sent\":%d,\"echoed\":%d,\"lost\":%d,\"backlogged\":%d,\"send_errors\":%d,\"silent_sessions\":%d,"
                + "\"echo_rtt_ms\":{\"p50\":%s,\"p99\":%s,\"max\":%s},"
                + "\"heap_mb\":%s,\"threads\":%s,\"open_files\":%s,\"service_pcs\":%s,\"reaped\":%s,\"udp_rcvbuf_drops\":%d,"
                + "\"cpu\":{\"service\":%s,\"service_us_per_echo\":%s,\"client\":%s,\"machine\":%s,\"loadavg\":%s}%s%s}",
                sessions, target, setup.failures(), setup.skipped(), number(setup.seconds(), 1), number(setup.perSecond(), 1),
                number(EchoBenchPercentiles.median(setup.gatherMs())),
                number(EchoBenchPercentiles.median(setup.postMs())),
                number(EchoBenchPercentiles.median(setup.openMs())),
                number(EchoBenchPercentiles.nearestRank(setup.postMs(), 99)),
                echoes.sent(), echoes.echoed(), echoes.lost(), echoes.backlogged(), echoes.sendErrors(),
                echoes.silent(), number(EchoBenchPercentiles.median(echoes.rttMs())), number(echoes.rttP99()),
                number(echoes.rttMs().length == 0 ? Double.NaN : echoes.rttMs()[echoes.rttMs().length - 1]),
                number(resources.heapMb(), 1), number(resources.threads(), 0), number(resources.openFiles(), 0),
                number(resources.peerConnections(), 0), number(resources.reaped(), 0),
                resources.udpReceiveDrops(),
                number(resources.serviceCpu()), number(resources.serviceMicrosPerEcho(), 0),
                number(resources.clientCpu()), number(resources.machineCpu()), number(resources.loadAverage(), 1),
                Double.isNaN(retriedRttP99) ? "" : ",\"retried_after_rtt_p99_ms\":" + number(retriedRttP99),
                setup.firstError() == null ? "" : ",\"first_error\":\"" + escape(setup.firstError()) + "\"");
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

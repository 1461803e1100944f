package io.jrtc.rtp.cc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a probe cluster got through from its packets' send and arrival times: the rate they left at and the
 * rate they arrived at, the smaller of the two, and 95 % of the arrival rate when that is clearly below the send
 * rate (the path is saturated, as libwebrtc's ProbeBitrateEstimator reasons). The arrival rate is the smaller of
 * the whole cluster's and its later half's: a token bucket (Linux tbf) passes the first packets of a probe unshaped
 * while its burst lasts, so only the later half shows the rate it holds to. A bucket deeper than what the first
 * half overshoots (e.g. 3 kB under a 30 ms probe at 1.6 times a 1 Mbit/s link) still passes the whole probe. A
 * cluster is read once, when {@link #MIN_RECEIVED_SHARE} of its packets were reported.
 */
final class ProbeResultEstimator {
    private static final double MIN_RECEIVED_SHARE = 0.8;
    private static final double SATURATED_RATIO = 0.9;
    private static final double TARGET_UTILIZATION = 0.95;
    private static final double MAX_RECEIVE_TO_SEND_RATIO = 2;
    private static final int MAX_CLUSTERS = 8;

    private final Map<Integer, Cluster> clusters = new LinkedHashMap<>();
    private final Map<Integer, ProbeCluster> wanted = new LinkedHashMap<>();

    /** A cluster the pacer is about to send. */
    void onProbeStarted(ProbeCluster cluster) {
        wanted.put(cluster.id(), cluster);
        if (wanted.size() > MAX_CLUSTERS) {
            Integer oldest = wanted.keySet().iterator().next();
            wanted.remove(oldest);
            clusters.remove(oldest);
        }
    }

    /** What a cluster got through: the rate it was sent for and the rate read from it (bit/s, -1 unreadable). */
    record Result(ProbeCluster cluster, long bitrate) {
    }

    /** A reported packet; returns its cluster's result once it can be read, else null. */
    Result onPacketResult(PacketResult result) {
        ProbeCluster probe = wanted.get(result.probeClusterId());
        if (probe == null || !result.received()) {
            return null;
        }
        Cluster cluster = clusters.computeIfAbsent(probe.id(), id -> new Cluster());
        cluster.add(result);
        if (cluster.count < MIN_RECEIVED_SHARE * probe.minPackets()
                || cluster.bytes < MIN_RECEIVED_SHARE * probe.minBytes()) {
            return null;
        }
        wanted.remove(probe.id());
        clusters.remove(probe.id());
        return new Result(probe, cluster.estimate());
    }

    /** A cluster's received packets; read once enough arrived. */
    private static final class Cluster {
        private final List<PacketResult> packets = new ArrayList<>();
        long bytes;
        int count;

        void add(PacketResult r) {
            packets.add(r);
            bytes += r.size();
            count++;
        }

        long estimate() {
            packets.sort(Comparator.comparingLong(PacketResult::sendTime));
            PacketResult last = packets.get(packets.size() - 1);
            long sendInterval = last.sendTime() - packets.get(0).sendTime();
            if (sendInterval <= 0) {
                return -1;
            }
            double sendRate = (bytes - last.size()) * 8e9 / sendInterval;
            double whole = receiveRate(0);
            double lateHalf = receiveRate(packets.size() / 2);
            double receiveRate = lateHalf > 0 ? Math.min(whole, lateHalf) : whole;
            if (receiveRate <= 0 || receiveRate > MAX_RECEIVE_TO_SEND_RATIO * sendRate) {
                return -1;  // arrived faster than anything could have sent it: the timing is not trustworthy
            }
            double rate = Math.min(sendRate, receiveRate);
            if (receiveRate < SATURATED_RATIO * sendRate) {
                rate = TARGET_UTILIZATION * receiveRate;
            }
            return (long) rate;
        }

        /**
         * The rate the packets sent from the {@code from}th on arrived at (their bytes but the first's over their
         * arrival span), or -1 when they span no time. From the middle on, it is the rate of a link whose token
         * bucket (tbf's burst) let the first part through unshaped, once the bucket ran dry.
         */
        private double receiveRate(int from) {
            long firstArrival = Long.MAX_VALUE;
            long lastArrival = Long.MIN_VALUE;
            long spanBytes = 0;
            int firstSize = 0;
            for (PacketResult p : packets.subList(from, packets.size())) {
                if (p.receiveTime() < firstArrival) {
                    firstArrival = p.receiveTime();
                    firstSize = p.size();
                }
                lastArrival = Math.max(lastArrival, p.receiveTime());
                spanBytes += p.size();
            }
            long span = lastArrival - firstArrival;
            return span <= 0 ? -1 : (spanBytes - firstSize) * 8e9 / span;
        }
    }
}

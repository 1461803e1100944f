package io.jrtc.rtp.cc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what a probe cluster got through from its packets' send and arrival times: the rate they left at and the
 * rate they arrived at, the smaller of the two, and 95 % of the arrival rate when that is clearly below the send
 * rate (the path is saturated, as libwebrtc's ProbeBitrateEstimator reasons). A cluster is read once, when
 * {@link #MIN_RECEIVED_SHARE} of its packets were reported.
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

    private static final class Cluster {
        long firstSend = Long.MAX_VALUE;
        long lastSend = Long.MIN_VALUE;
        int lastSendSize;
        long firstArrival = Long.MAX_VALUE;
        int firstArrivalSize;
        long lastArrival = Long.MIN_VALUE;
        long bytes;
        int count;

        void add(PacketResult r) {
            if (r.sendTime() < firstSend) {
                firstSend = r.sendTime();
            }
            if (r.sendTime() >= lastSend) {
                lastSend = r.sendTime();
                lastSendSize = r.size();
            }
            if (r.receiveTime() < firstArrival) {
                firstArrival = r.receiveTime();
                firstArrivalSize = r.size();
            }
            lastArrival = Math.max(lastArrival, r.receiveTime());
            bytes += r.size();
            count++;
        }

        long estimate() {
            long sendInterval = lastSend - firstSend;
            long receiveInterval = lastArrival - firstArrival;
            if (sendInterval <= 0 || receiveInterval <= 0) {
                return -1;
            }
            double sendRate = (bytes - lastSendSize) * 8e9 / sendInterval;
            double receiveRate = (bytes - firstArrivalSize) * 8e9 / receiveInterval;
            if (receiveRate > MAX_RECEIVE_TO_SEND_RATIO * sendRate) {
                return -1;  // arrived faster than anything could have sent it: the timing is not trustworthy
            }
            double rate = Math.min(sendRate, receiveRate);
            if (receiveRate < SATURATED_RATIO * sendRate) {
                rate = TARGET_UTILIZATION * receiveRate;
            }
            return (long) rate;
        }
    }
}

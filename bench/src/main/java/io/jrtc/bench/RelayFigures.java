package io.jrtc.bench;

import java.util.Locale;

/**
 * One viewer count's figures, named as bench/pion-relay prints them so that scripts/relay-bench.sh can set them
 * side by side. Setups in ms from the start of signalling; rates over the steady window; CPU of the whole process
 * (publisher, SFU and viewers). sfuPlisSent: keyframe requests the SFU sent the publisher for its viewers' joins
 * (one asked per viewer). heapMegabytes: heap in use when the window ends, garbage included (as Pion's figure);
 * liveHeapMegabytes: what is left after full collections.
 */
record RelayFigures(int viewers, double publisherSetupMs, double viewersSetupMs, double viewersFirstFrameMs,
                    double windowSeconds, double sentFps, double fpsPerViewerMean, double fpsPerViewerMin,
                    double mbpsTotal, double packetsForwardedPerSecond, double cpuSecondsPerSecond,
                    double cpuMicrosPerPacket, double heapMegabytes, double liveHeapMegabytes, double rssMegabytes,
                    long threads, int javaThreads, long sfuPlisSent, boolean keepsUp) {

    String toJson() {
        return String.format(Locale.ROOT, "{\"viewers\":%d,\"publisher_setup_ms\":%.2f,\"viewers_setup_ms\":%.2f,"
                        + "\"viewers_first_frame_ms\":%.2f,\"window_s\":%.3f,\"sent_fps\":%.2f,"
                        + "\"fps_per_viewer_mean\":%.2f,\"fps_per_viewer_min\":%.2f,\"delivered_mbps_per_viewer\":%.3f,"
                        + "\"delivered_mbps_total\":%.2f,\"packets_forwarded_per_s\":%.1f,\"cpu_s_per_s\":%.3f,"
                        + "\"cpu_us_per_packet\":%.2f,\"heap_mb\":%.1f,\"heap_live_mb\":%.1f,\"rss_mb\":%.1f,"
                        + "\"threads\":%d,"
                        + "\"java_threads\":%d,\"sfu_plis_sent\":%d,\"keeps_up\":%b}",
                viewers, publisherSetupMs, viewersSetupMs, viewersFirstFrameMs, windowSeconds, sentFps,
                fpsPerViewerMean, fpsPerViewerMin, mbpsTotal / viewers, mbpsTotal, packetsForwardedPerSecond,
                cpuSecondsPerSecond, cpuMicrosPerPacket, heapMegabytes, liveHeapMegabytes, rssMegabytes, threads,
                javaThreads, sfuPlisSent, keepsUp);
    }
}

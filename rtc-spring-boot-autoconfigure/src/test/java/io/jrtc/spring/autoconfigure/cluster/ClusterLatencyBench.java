package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RtcEngine;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import io.jrtc.whip.WhipClient;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Latency through cluster hops (not a test: {@code scripts/cluster-bench.sh} runs it). Three nodes in this JVM
 * share a real redis-server, with {@code rtc.cluster.max-links-per-stream=1}: a publisher on A, viewers on A
 * (no hop), on B (one hop, pulled from A) and on C (two hops, pulled from B). The publisher's coded VP8-shaped
 * frames (30 fps, 300 to 3,300 bytes) carry the {@link System#nanoTime()} of their push in their first bytes; each
 * viewer notes when it receives each frame, so a frame's latency is one clock's difference. Prints one JSON line:
 * time to first frame for a viewer on the origin, on a fresh edge (the link set up on demand), on an edge already
 * carrying the stream and on a fresh second-hop edge; per path the p50, p99 and max latency over the window, and
 * what each hop adds at p50 and p99.
 *
 * <p>Usage: {@code ClusterLatencyBench [window seconds=20]}.
 */
public final class ClusterLatencyBench {
    private static final String STREAM = "bench";
    private static final int FPS = 30;
    private static final long FIRST_FRAME_TIMEOUT_S = 60;

    private ClusterLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int windowSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.setProperty("logging.level.root", "WARN");
        try (ThreeNodeCluster cluster = ThreeNodeCluster.start("rtc.cluster.max-links-per-stream=1",
                "logging.level.root=WARN", "spring.main.banner-mode=off")) {
            run(cluster.clients, List.of(cluster.a, cluster.b, cluster.c), windowSeconds);
        }
        System.exit(0);
    }

    private static void run(RtcEngine clients, List<ConfigurableApplicationContext> nodes, int windowSeconds)
            throws Exception {
        StampedPublisher publisher = new StampedPublisher(clients);
        WhipClient.builder(ClusterEdgeTest.url(nodes.get(0), "/whip/" + STREAM)).build().publish(publisher.pc)
                .get(60, TimeUnit.SECONDS);
        publisher.start();
        Viewer origin = Viewer.play(clients, nodes.get(0));
        Viewer freshEdge = Viewer.play(clients, nodes.get(1));
        Viewer carryingEdge = Viewer.play(clients, nodes.get(1));
        // C's link is chosen from the directory: it must list B before C asks (one heartbeat).
        Thread.sleep(1000);
        Viewer secondHop = Viewer.play(clients, nodes.get(2));
        List<Viewer> measured = List.of(origin, freshEdge, secondHop);
        measured.forEach(Viewer::startMeasuring);
        Thread.sleep(windowSeconds * 1000L);
        measured.forEach(Viewer::stopMeasuring);
        Path hop0 = Path.of(origin.latenciesMs);
        Path hop1 = Path.of(freshEdge.latenciesMs);
        Path hop2 = Path.of(secondHop.latenciesMs);
        List<String> secondHopPath = nodes.get(2).getBean(EdgeLinks.class).path(STREAM).orElseThrow();
        System.out.println(String.format(Locale.ROOT, "{\"clusterLatency\":{\"windowS\":%d,\"fps\":%d,"
                + "\"secondHopPath\":\"%s\","
                + "\"firstFrameMs\":{\"origin\":%.0f,\"freshEdge\":%.0f,\"carryingEdge\":%.0f,"
                + "\"freshSecondHopEdge\":%.0f},\"latencyMs\":{\"origin\":%s,\"oneHop\":%s,\"twoHops\":%s},"
                + "\"addedPerHopMs\":{\"first\":{\"p50\":%.2f,\"p99\":%.2f},\"second\":{\"p50\":%.2f,\"p99\":%.2f}},"
                + "\"load\":\"%s\",\"cpus\":%d}}", windowSeconds, FPS, String.join(">", secondHopPath),
                origin.firstFrameMs, freshEdge.firstFrameMs,
                carryingEdge.firstFrameMs, secondHop.firstFrameMs, hop0.json(), hop1.json(), hop2.json(),
                hop1.p50 - hop0.p50, hop1.p99 - hop0.p99, hop2.p50 - hop1.p50, hop2.p99 - hop1.p99,
                String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()), Runtime.getRuntime().availableProcessors()));
        publisher.stop();
    }

    /** Percentiles of one path's latencies. */
    private record Path(int frames, double p50, double p99, double max) {
        static Path of(List<Double> latencies) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                throw new IllegalStateException("a viewer received no frame in the window");
            }
            return new Path(sorted.size(), at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1));
        }

        private static double at(List<Double> sorted, double quantile) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size())));
        }

        String json() {
            return String.format(Locale.ROOT, "{\"frames\":%d,\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f}", frames, p50,
                    p99, max);
        }
    }

    /** Coded frames whose first byte says keyframe (as VP8's P bit) and whose next eight are their push time. */
    private static final class StampedPublisher {
        final RTCPeerConnection pc;
        private final BufferedTrack video = new BufferedTrack(MediaKind.VIDEO, 256);
        private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor();
        private final Random random = new Random(7);
        private volatile boolean keyframeWanted = true;
        private long timestamp;

        StampedPublisher(RtcEngine engine) {
            pc = engine.newPeerConnection(new RTCConfiguration());
            pc.addTransceiver(video, RTCRtpTransceiverDirection.SENDONLY);
            video.onKeyframeRequest(() -> keyframeWanted = true);
        }

        void start() {
            pusher.scheduleAtFixedRate(this::push, 0, 1000 / FPS, TimeUnit.MILLISECONDS);
        }

        void stop() {
            pusher.shutdownNow();
            video.stop();
            pc.close();
        }

        private void push() {
            boolean keyframe = keyframeWanted;
            keyframeWanted = false;
            byte[] frame = new byte[300 + random.nextInt(3000)];
            random.nextBytes(frame);
            frame[0] = (byte) (keyframe ? frame[0] & 0xFE : frame[0] | 0x01);
            ByteBuffer.wrap(frame, 1, Long.BYTES).putLong(System.nanoTime());
            video.push(new EncodedFrame("video/VP8", 90_000, frame, timestamp, keyframe));
            timestamp += 90_000 / FPS;
        }
    }

    /** A WHEP viewer reading its video on a thread of its own, noting each frame's latency while measuring. */
    private static final class Viewer {
        final List<Double> latenciesMs = Collections.synchronizedList(new ArrayList<>());
        final double firstFrameMs;
        private final MediaStreamTrack video;
        private volatile boolean measuring;
        private volatile boolean stopped;

        private Viewer(MediaStreamTrack video, double firstFrameMs) {
            this.video = video;
            this.firstFrameMs = firstFrameMs;
        }

        static Viewer play(RtcEngine clients, ConfigurableApplicationContext node) throws Exception {
            long start = System.nanoTime();
            SignalingSession session = WhepClient.builder(ClusterEdgeTest.url(node, "/whep/" + STREAM)).build()
                    .play(clients::newPeerConnection).get(60, TimeUnit.SECONDS);
            MediaStreamTrack video = ClusterMediaPeer.received(session.peerConnection(), MediaKind.VIDEO);
            video.recv().get(FIRST_FRAME_TIMEOUT_S, TimeUnit.SECONDS);
            Viewer viewer = new Viewer(video, (System.nanoTime() - start) / 1e6);
            Thread reader = new Thread(viewer::read, "bench-viewer");
            reader.setDaemon(true);
            reader.start();
            return viewer;
        }

        void startMeasuring() {
            measuring = true;
        }

        void stopMeasuring() {
            measuring = false;
            stopped = true;
        }

        private void read() {
            while (!stopped) {
                Frame frame;
                try {
                    frame = video.recv().get(10, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    continue;
                } catch (Exception e) {
                    return;
                }
                long now = System.nanoTime();
                if (measuring && frame instanceof EncodedFrame coded && coded.data().length > Long.BYTES) {
                    long sent = ByteBuffer.wrap(coded.data(), 1, Long.BYTES).getLong();
                    latenciesMs.add((now - sent) / 1e6);
                }
            }
        }
    }
}

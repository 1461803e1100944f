package io.jrtc.bench;

import io.jrtc.media.MediaRelay;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCInboundRtpStreamStats;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RTCStats;
import io.jrtc.pc.RTCTrackEvent;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One SFU with {@code viewers} viewers on a fresh engine: a publisher connection sends {@link RelayCamera}'s VP8 to
 * an SFU connection; a {@link MediaRelay} fans the received track out to one SFU-side connection per viewer (each
 * proxy added send-only before negotiation, a keyframe asked for when it connects); each viewer connection reads
 * its received track. Everything gathers on one address.
 */
final class RelayRound {
    /** Below this mean rate a stack no longer keeps up; larger viewer counts are not attempted. */
    static final double KEEP_UP_FPS = 24.0;
    private static final long TIMEOUT_S = 60;
    private static final long SETTLE_MS = 2000;

    private final InetAddress address;

    RelayRound(InetAddress address) {
        this.address = address;
    }

    RelayFigures run(int viewers, double windowSeconds) throws Exception {
        try (RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults().withBindAddresses(List.of(address)));
             RelayCamera camera = new RelayCamera()) {
            RTCPeerConnection publisher = engine.newPeerConnection(new RTCConfiguration());
            RTCPeerConnection sfuIn = engine.newPeerConnection(new RTCConfiguration());
            publisher.addTransceiver(camera.track(), RTCRtpTransceiverDirection.SENDONLY);
            CompletableFuture<RTCTrackEvent> published = new CompletableFuture<>();
            sfuIn.onTrack(published::complete);
            long t0 = System.nanoTime();
            CompletableFuture<Void> publisherUp = connected(publisher);
            negotiate(publisher, sfuIn);
            publisherUp.get(TIMEOUT_S, TimeUnit.SECONDS);
            double publisherSetupMs = (System.nanoTime() - t0) / 1e6;
            MediaStreamTrack received = published.get(TIMEOUT_S, TimeUnit.SECONDS).track();
            camera.start();

            MediaRelay relay = new MediaRelay();
            List<RelayViewer> counters = new ArrayList<>();
            List<RTCPeerConnection> viewerSides = new ArrayList<>();
            List<CompletableFuture<Void>> ups = new ArrayList<>();
            long t1 = System.nanoTime();
            long setupStartMillis = System.currentTimeMillis();  // to place profiler samples in their phase
            for (int v = 0; v < viewers; v++) {
                RTCPeerConnection out = engine.newPeerConnection(new RTCConfiguration());
                RTCPeerConnection in = engine.newPeerConnection(new RTCConfiguration());
                MediaStreamTrack proxy = relay.subscribe(received);
                out.addTransceiver(proxy, RTCRtpTransceiverDirection.SENDONLY);
                RelayViewer viewer = new RelayViewer();
                counters.add(viewer);
                viewerSides.add(in);
                in.onTrack(event -> viewer.read(event.track()));
                CompletableFuture<Void> up = connected(out);
                up.thenRun(proxy::requestKeyframe);  // a viewer that joined needs a keyframe
                ups.add(up);
                negotiate(out, in);
            }
            CompletableFuture.allOf(ups.toArray(CompletableFuture[]::new)).get(TIMEOUT_S, TimeUnit.SECONDS);
            double viewersSetupMs = (System.nanoTime() - t1) / 1e6;
            CompletableFuture.allOf(counters.stream().map(c -> c.firstFrame).toArray(CompletableFuture[]::new))
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
            double firstFrameMs = (System.nanoTime() - t1) / 1e6;

            Thread.sleep(SETTLE_MS);  // the keyframe bursts of the joins are over
            long[] frames0 = frames(counters);
            long bytes0 = bytes(counters);
            long packets0 = packetsReceived(viewerSides);
            long sent0 = camera.sent();
            double cpu0 = RelayProcess.cpuSeconds();
            long w0 = System.nanoTime();
            System.err.printf("relay-bench: %d viewers, setup from %d, window from %d (epoch ms)%n", viewers,
                    setupStartMillis, System.currentTimeMillis());
            Thread.sleep((long) (windowSeconds * 1000));
            long[] frames1 = frames(counters);
            long bytes1 = bytes(counters);
            long sent1 = camera.sent();
            double cpu1 = RelayProcess.cpuSeconds();
            double wall = (System.nanoTime() - w0) / 1e9;
            long packets1 = packetsReceived(viewerSides);

            long frames = 0;
            double minFps = Double.MAX_VALUE;
            for (int v = 0; v < viewers; v++) {
                long delta = frames1[v] - frames0[v];
                frames += delta;
                minFps = Math.min(minFps, delta / wall);
            }
            long packets = packets1 - packets0;
            double fpsMean = frames / wall / viewers;
            double heapInUse = RelayProcess.heapUsedMegabytes();
            double rss = RelayProcess.status("VmRSS") / 1e3;
            return new RelayFigures(viewers, publisherSetupMs, viewersSetupMs, firstFrameMs, wall,
                    (sent1 - sent0) / wall, fpsMean, minFps, (bytes1 - bytes0) * 8 / wall / 1e6, packets / wall,
                    (cpu1 - cpu0) / wall, packets == 0 ? 0 : (cpu1 - cpu0) * 1e6 / packets,
                    heapInUse, RelayProcess.liveHeapMegabytes(), rss,
                    RelayProcess.status("Threads"), RelayProcess.javaThreads(), plisSent(sfuIn),
                    fpsMean >= KEEP_UP_FPS);
        }
    }

    private static long[] frames(List<RelayViewer> counters) {
        return counters.stream().mapToLong(RelayViewer::frames).toArray();
    }

    private static long bytes(List<RelayViewer> counters) {
        return counters.stream().mapToLong(RelayViewer::bytes).sum();
    }

    /** RTP packets the viewers received so far (inbound-rtp packetsReceived): what the SFU forwarded. */
    private static long packetsReceived(List<RTCPeerConnection> viewers) throws Exception {
        List<CompletableFuture<Long>> counts = viewers.stream().map(pc -> pc.getStats().thenApply(report -> {
            long sum = 0;
            for (RTCStats stats : report.ofType("inbound-rtp")) {
                sum += ((RTCInboundRtpStreamStats) stats).getPacketsReceived();
            }
            return sum;
        })).toList();
        long total = 0;
        for (CompletableFuture<Long> count : counts) {
            total += count.get(TIMEOUT_S, TimeUnit.SECONDS);
        }
        return total;
    }

    /** The PLIs a receiving connection sent (inbound-rtp pliCount). */
    private static long plisSent(RTCPeerConnection pc) throws Exception {
        long sum = 0;
        for (RTCStats stats : pc.getStats().get(TIMEOUT_S, TimeUnit.SECONDS).ofType("inbound-rtp")) {
            sum += stats.get("pliCount") instanceof Long count ? count : 0;
        }
        return sum;
    }

    private static CompletableFuture<Void> connected(RTCPeerConnection pc) {
        CompletableFuture<Void> up = new CompletableFuture<>();
        pc.onConnectionStateChange(state -> {
            if (state == RTCPeerConnectionState.CONNECTED) {
                up.complete(null);
            }
        });
        return up;
    }

    /** Non-trickle offer/answer, each description after its gathering completed, as bench/pion-relay does. */
    private static void negotiate(RTCPeerConnection offerer, RTCPeerConnection answerer) throws Exception {
        offerer.setLocalDescription().get(TIMEOUT_S, TimeUnit.SECONDS);
        offerer.gatheringComplete().get(TIMEOUT_S, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offerer.getLocalDescription()).get(TIMEOUT_S, TimeUnit.SECONDS);
        answerer.setLocalDescription().get(TIMEOUT_S, TimeUnit.SECONDS);
        answerer.gatheringComplete().get(TIMEOUT_S, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answerer.getLocalDescription()).get(TIMEOUT_S, TimeUnit.SECONDS);
    }
}

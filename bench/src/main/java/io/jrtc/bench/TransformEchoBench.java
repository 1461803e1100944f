package io.jrtc.bench;

import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.TestPattern;
import io.jrtc.media.TrackReading;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.VideoStreamTrack;
import io.jrtc.media.video.DecodingVideoTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transform echo's added latency and CPU (issue 14's benchmark): our RTCPeerConnection sends a 640x480 test
 * pattern at 30 fps to {@code POST /echo?video-transform=NAME} and decodes what comes back. Each picture carries its
 * number in a band across the middle rows (16 blocks, textured for 1, flat for 0: texture survives grayscale, a
 * vertical flip, since the band is symmetric about the middle, and edge detection, which turns texture bright and
 * flat grey black), so each echoed picture is matched to the moment it was drawn. Latency is drawing to decoding
 * the echo, so it includes both ends' coding; "added" is a transform's over the plain echo (coded frames forwarded,
 * no server-side coding). CPU is the service's (Actuator's process.cpu.time) over the measuring window, in cores.
 * One stream at a time, after an unreported transform run that warms the service up. Prints one JSON line. Usage: {@code TransformEchoBench http://127.0.0.1:<port>}; system
 * properties {@code transform.bench.seconds} (measured per transform, default 20) and {@code .warmupSeconds} (5).
 */
public final class TransformEchoBench {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int FPS = 30;
    private static final int BITS = 16;
    private static final int BLOCK = WIDTH / BITS;
    private static final int BAND_TOP = HEIGHT / 2 - 16;
    private static final int BAND_ROWS = 32;
    /** Mean absolute difference of neighbouring pixels above which a block reads as textured. */
    private static final double TEXTURED = 20;

    private final EchoBenchService service;
    private final RtcEngine engine;
    private final int seconds;
    private final int warmupSeconds;

    private TransformEchoBench(EchoBenchService service, RtcEngine engine) {
        this.service = service;
        this.engine = engine;
        this.seconds = Integer.getInteger("transform.bench.seconds", 20);
        this.warmupSeconds = Integer.getInteger("transform.bench.warmupSeconds", 5);
    }

    public static void main(String[] args) throws Exception {
        EchoBenchService service = new EchoBenchService(URI.create(args[0]));
        if (!service.isHealthy()) {
            throw new IllegalStateException("the service at " + args[0] + " is not healthy");
        }
        try (RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress())))) {
            TransformEchoBench bench = new TransformEchoBench(service, engine);
            List<String> results = new ArrayList<>();
            double baseline = Double.NaN;
            // The service's first transform loads FFmpeg and compiles the codec path: a run nobody reports.
            bench.measure("grayscale");
            for (String transform : List.of("none", "grayscale", "flip", "edges")) {
                Run run = bench.measure(transform);
                if (transform.equals("none")) {
                    baseline = run.percentile(0.5);
                }
                results.add(run.toJson(baseline));
                System.err.println("transform-echo-bench " + results.get(results.size() - 1));
            }
            System.out.printf(Locale.ROOT, "{\"bench\":\"transform-echo\",\"size\":\"%dx%d\",\"fps\":%d,"
                    + "\"seconds\":%d,\"cores\":%d,\"loadavg_1m\":%.2f,\"results\":[%s]}%n", WIDTH, HEIGHT, FPS,
                    bench.seconds, Runtime.getRuntime().availableProcessors(), EchoBenchCpu.loadAverage(),
                    String.join(",", results));
        }
        System.exit(0);  // a stuck close must not keep the run alive
    }

    /** One transform's figures: latencies in ms and the service's CPU in cores. */
    private record Run(String transform, double[] latencies, long sent, long unreadable, double serviceCores) {
        double percentile(double p) {
            return latencies.length == 0 ? Double.NaN : EchoBenchPercentiles.nearestRank(latencies, p * 100);
        }

        String toJson(double baselineMedian) {
            return String.format(Locale.ROOT, "{\"transform\":\"%s\",\"frames_sent\":%d,\"frames_echoed\":%d,"
                    + "\"unreadable\":%d,\"latency_p50_ms\":%.1f,\"latency_p99_ms\":%.1f,\"added_p50_ms\":%.1f,"
                    + "\"service_cpu_cores\":%.3f}", transform, sent, latencies.length, unreadable, percentile(0.5),
                    percentile(0.99), percentile(0.5) - baselineMedian, serviceCores);
        }
    }

    private Run measure(String transform) throws Exception {
        Map<Integer, Long> drawn = new ConcurrentHashMap<>();
        List<Double> latencies = new ArrayList<>();
        AtomicLong unreadable = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        boolean[] measuring = {false};
        TestPattern pattern = new TestPattern(WIDTH, HEIGHT);
        VideoStreamTrack camera = new VideoStreamTrack(MediaClock.system(), FPS, pts -> {
            long index = pts / (VideoFrame.CLOCK_RATE / FPS);
            drawn.put((int) (index & 0xFFFF), System.nanoTime());
            if (measuring[0]) {
                sent.incrementAndGet();
            }
            return new VideoFrame(WIDTH, HEIGHT, numbered(pattern.picture(index), (int) index), pts);
        });
        RTCPeerConnection pc = engine.newPeerConnection(new RTCConfiguration());
        pc.addTransceiver(camera, RTCRtpTransceiverDirection.SENDRECV);
        pc.onTrack(event -> TrackReading.readWhile(new DecodingVideoTrack(event.track()), (frame, error) -> {
            if (frame instanceof VideoFrame picture) {
                long now = System.nanoTime();
                int number = number(picture);
                Long at = number < 0 ? null : drawn.remove(number);
                synchronized (latencies) {
                    if (!measuring[0]) {
                        return true;
                    }
                    if (at == null) {
                        unreadable.incrementAndGet();
                    } else {
                        latencies.add((now - at) / 1e6);
                    }
                }
            }
            return error == null;
        }));
        pc.setLocalDescription().get(20, TimeUnit.SECONDS);
        pc.gatheringComplete().get(20, TimeUnit.SECONDS);
        String path = transform.equals("none") ? "/echo" : "/echo?video-transform=" + transform;
        EchoBenchService.Answer answer = service.postOffer(path, pc.getLocalDescription().sdp());
        pc.setRemoteDescription(new RTCSessionDescription(answer.sdp(), RTCSdpType.ANSWER)).get(20, TimeUnit.SECONDS);
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
            double cpuBefore = service.metric("process.cpu.time");
            long wallBefore = System.nanoTime();
            synchronized (latencies) {
                measuring[0] = true;
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            synchronized (latencies) {
                measuring[0] = false;
            }
            double cores = (service.metric("process.cpu.time") - cpuBefore) / (System.nanoTime() - wallBefore);
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Run(transform, sorted, sent.get(), unreadable.get(), cores);
        } finally {
            service.delete(answer.location());
            pc.close();
            camera.stop();
        }
    }

    /** The picture with {@code number}'s 16 bits in the band: textured (a 4-pixel checker) for 1, flat for 0. */
    private static byte[] numbered(byte[] i420, int number) {
        for (int row = BAND_TOP; row < BAND_TOP + BAND_ROWS; row++) {
            for (int x = 0; x < WIDTH; x++) {
                int bit = (number >> (BITS - 1 - x / BLOCK)) & 1;
                boolean light = ((x / 4) + (row / 4)) % 2 == 0;
                i420[row * WIDTH + x] = (byte) (bit == 1 ? (light ? 215 : 40) : 128);
            }
        }
        return i420;
    }

    /** The number a picture carries, or -1 when the picture is of another size. */
    private static int number(VideoFrame picture) {
        if (picture.width() != WIDTH || picture.height() != HEIGHT) {
            return -1;
        }
        byte[] luma = picture.i420();
        int number = 0;
        for (int bit = 0; bit < BITS; bit++) {
            double texture = 0;
            int samples = 0;
            // The inner part of the block and band: coding blurs their borders.
            for (int row = BAND_TOP + 4; row < BAND_TOP + BAND_ROWS - 4; row++) {
                for (int x = bit * BLOCK + 4; x < (bit + 1) * BLOCK - 5; x++) {
                    texture += Math.abs((luma[row * WIDTH + x] & 0xFF) - (luma[row * WIDTH + x + 1] & 0xFF));
                    samples++;
                }
            }
            number = number << 1 | (texture / samples > TEXTURED ? 1 : 0);
        }
        return number;
    }
}

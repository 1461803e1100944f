package io.jrtc.bench;

import io.jrtc.pc.RTCCertificate;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sample service's echo endpoint under load, our RTCPeerConnection as the client, all on loopback. Prints one
 * JSON line:
 * <ol>
 *   <li>{@code post_to_201_ms}: POST /echo until its 201, median and p99 of sequential sessions after a warm-up
 *   (each session is connected, echoes one message, and is deleted), with the service's CPU per session
 *   (approximate: JIT time subtracted); {@code after_201_median_ms}: when our side saw ICE connected, the
 *   connection connected (DTLS done) and the channel open, counted from the 201;</li>
 *   <li>{@code steps}: concurrent sessions ramped up in steps, each keeping its data channel busy with one message
 *   every period; per step the setup times, the echoes lost, the echo round-trip times, the service's heap, live
 *   threads, open files and connections from Actuator, and CPU use of service, client and the whole machine
 *   (shared with other work: a step is judged together with {@code cpu.machine}).
 *   {@code max_concurrent_sessions} is the largest step that held: every session connected in time, every echo
 *   back, nothing backlogged, p99 round trip under the limit; {@code stopped_by} says why the ramp ended.</li>
 * </ol>
 * The run keeps to {@code echo.bench.budgetSeconds} for the ramp, so the whole script stays within ~5 minutes.
 * Usage: {@code EchoServiceBench http://127.0.0.1:<port>}; system properties {@code echo.bench.*} (see
 * {@link Options}) tune it.
 */
public final class EchoServiceBench {
    private static final double MIB = 1024.0 * 1024.0;
    private static final int SETUP_CONCURRENCY = 8;
    private static final long SETTLE_MILLIS = 2000;
    private static final long GRACE_MILLIS = 3000;

    /** The knobs, each an {@code echo.bench.<name>} system property. */
    record Options(int warmup, int sequential, List<Integer> steps, int messageBytes, int periodMillis,
            int windowSeconds, double rttLimitMillis, int budgetSeconds) {
        static Options fromSystemProperties() {
            List<Integer> steps = Arrays.stream(System.getProperty("echo.bench.steps",
                    "50,100,200,400,800,1200,1600,2000").split(","))
                    .map(String::strip).map(Integer::parseInt).toList();
            return new Options(Integer.getInteger("echo.bench.warmup", 30),
                    Integer.getInteger("echo.bench.sequential", 200), steps,
                    Integer.getInteger("echo.bench.messageBytes", 1024),
                    Integer.getInteger("echo.bench.periodMillis", 100),
                    Integer.getInteger("echo.bench.windowSeconds", 6),
                    Double.parseDouble(System.getProperty("echo.bench.rttLimitMillis", "250")),
                    Integer.getInteger("echo.bench.budgetSeconds", 200));
        }
    }

    private final Options options;
    private final EchoBenchService service;
    private final RtcEngine engine;
    private final RTCConfiguration configuration;
    /** Measuring windows so far: each window's messages carry its number. */
    private int windows;

    private EchoServiceBench(Options options, EchoBenchService service, RtcEngine engine) {
        this.options = options;
        this.service = service;
        this.engine = engine;
        // One client certificate for every session, as a browser keeps one per origin: key generation is client
        // work that would otherwise eat the two cores the service is measured on.
        this.configuration = new RTCConfiguration(List.of(), List.of(RTCCertificate.generateCertificate()));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: EchoServiceBench http://127.0.0.1:<port>");
            System.exit(2);
        }
        Options options = Options.fromSystemProperties();
        EchoBenchService service = new EchoBenchService(URI.create(args[0]));
        if (!service.isHealthy()) {
            throw new IllegalStateException("the service at " + args[0] + " is not healthy");
        }
        try (RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress())))) {
            EchoServiceBench bench = new EchoServiceBench(options, service, engine);
            String sequential = bench.sequentialSessions();
            String ramp = bench.concurrentSessions();
            System.out.println("{" + sequential + "," + ramp + "}");
        }
        // Netty's and the engine's pools are daemons, but a stuck close must not keep the run alive.
        System.exit(0);
    }

    /** Part 1: {@code "post_to_201_ms":{...}}. */
    private String sequentialSessions() throws Exception {
        AtomicReference<CompletableFuture<byte[]>> pong = new AtomicReference<>(new CompletableFuture<>());
        byte[] ping = "ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        double[] posts = new double[options.sequential()];
        double[] ices = new double[options.sequential()];
        double[] connecteds = new double[options.sequential()];
        double[] opens = new double[options.sequential()];
        double serviceCpuBefore = Double.NaN;
        for (int i = -options.warmup(); i < options.sequential(); i++) {
            if (i == 0) {
                serviceCpuBefore = serviceCpuWithoutJitNanos();
            }
            EchoBenchSession session = EchoBenchSession.connect(engine, configuration, service,
                    (s, echo) -> pong.get().complete(echo));
            CompletableFuture<byte[]> echoed = new CompletableFuture<>();
            pong.set(echoed);
            session.channel().send(ping);
            if (!Arrays.equals(echoed.get(5, TimeUnit.SECONDS), ping)) {
                throw new IllegalStateException("the echo differs from what was sent");
            }
            session.end(service);
            if (i >= 0) {
                posts[i] = session.postNanos() / 1e6;
                ices[i] = session.iceNanos() / 1e6;
                connecteds[i] = session.connectedNanos() / 1e6;
                opens[i] = session.openNanos() / 1e6;
            }
        }
        // Everything one session costs the service (offer to DELETE), as nothing else runs meanwhile; the fresh
        // service's JIT compiling is not a per-session cost.
        // jvm.compilation.time is elapsed time, so this is approximate, and meaningless over a handful of sessions.
        double serviceCpuMillis = (serviceCpuWithoutJitNanos() - serviceCpuBefore) / 1e6
                / Math.max(1, options.sequential());
        if (options.sequential() < 50 || serviceCpuMillis <= 0) {
            serviceCpuMillis = Double.NaN;
        }
        Arrays.sort(posts);
        Arrays.sort(ices);
        Arrays.sort(connecteds);
        Arrays.sort(opens);
        String afterAnswer = "\"after_201_median_ms\":{\"ice_connected\":"
                + EchoBenchStep.number(EchoBenchPercentiles.median(ices))
                + ",\"connected\":" + EchoBenchStep.number(EchoBenchPercentiles.median(connecteds))
                + ",\"channel_open\":" + EchoBenchStep.number(EchoBenchPercentiles.median(opens)) + "}";
        return afterAnswer + ",\"post_to_201_ms\":{\"median\":" + EchoBenchStep.number(EchoBenchPercentiles.median(posts))
                + ",\"p99\":" + EchoBenchStep.number(EchoBenchPercentiles.nearestRank(posts, 99))
                + ",\"n\":" + posts.length + ",\"service_cpu_ms_per_session\":"
                + EchoBenchStep.number(serviceCpuMillis, 1) + "}";
    }

    /** Connections the service has reaped; its counter appears with the first reaping, so none means 0. */
    private double reapedSoFar() {
        double reaped = service.metric("rtc.peer.connections.reaped");
        return Double.isNaN(reaped) ? 0 : reaped;
    }

    /** The service's CPU time minus its JIT compilers' time, in ns. */
    private double serviceCpuWithoutJitNanos() {
        return service.metric("process.cpu.time") - service.metric("jvm.compilation.time") * 1e6;
    }

    /** Part 2: {@code "max_concurrent_sessions":..,"at_max":{..},"steps":[..],"stopped_by":".."}. */
    private String concurrentSessions() throws Exception {
        long start = System.nanoTime();
        List<String> steps = new ArrayList<>();
        EchoBenchStep held = null;
        String stoppedBy = "cap";
        ExecutorService setups = Executors.newFixedThreadPool(SETUP_CONCURRENCY);
        EchoBenchTraffic traffic = new EchoBenchTraffic(options.messageBytes(), options.periodMillis());
        double setupsPerSecond = Double.NaN;
        try {
            for (int i = 0; i < options.steps().size(); i++) {
                int target = options.steps().get(i);
                int toAdd = target - traffic.sessions().length;
                double elapsed = (System.nanoTime() - start) / 1e9;
                double estimate = (Double.isNaN(setupsPerSecond) ? 0 : toAdd / setupsPerSecond)
                        + (SETTLE_MILLIS + GRACE_MILLIS) / 1e3 + options.windowSeconds() * 2;
                if (elapsed + estimate > options.budgetSeconds()) {
                    stoppedBy = "time budget";
                    break;
                }
                long budgetEnd = start + TimeUnit.SECONDS.toNanos(options.budgetSeconds());
                EchoBenchStep step = runStep(target, toAdd, setups, traffic, budgetEnd);
                if (step.setup().perSecond() > 0) {
                    setupsPerSecond = step.setup().perSecond();
                }
                steps.add(step.toJson());
                System.err.println("echo-bench step " + step.toJson());
                if (!step.held(options.rttLimitMillis())) {
                    stoppedBy = step.firstFailure(options.rttLimitMillis());
                    break;
                }
                held = step;
            }
        } finally {
            endAll(traffic.stop(), setups);
            traffic.close();
            setups.shutdownNow();
        }
        String atMax = held == null ? "null" : "{\"heap_mb\":" + EchoBenchStep.number(held.resources().heapMb(), 1)
                + ",\"threads\":" + EchoBenchStep.number(held.resources().threads(), 0)
                + ",\"echo_rtt_p99_ms\":" + EchoBenchStep.number(held.echoes().rttP99()) + "}";
        return String.format(Locale.ROOT, "\"max_concurrent_sessions\":%d,\"at_max\":%s,\"steps\":[%s],"
                + "\"stopped_by\":\"%s\"", held == null ? 0 : held.sessions(), atMax, String.join(",", steps),
                stoppedBy);
    }

    /**
     * Adds sessions up to {@code target}, lets them settle, and measures one window. A window that failed only on
     * round-trip time is measured once more: the machine is shared, and one burst of someone else's work is not
     * the service's limit; the step then reports the second window and the first one's p99.
     */
    private EchoBenchStep runStep(int target, int toAdd, ExecutorService setups, EchoBenchTraffic traffic,
            long budgetEnd) throws Exception {
        // Leave time for one window: a step whose sessions cannot all connect in time did not hold anyway.
        long setupDeadline = budgetEnd - TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS + GRACE_MILLIS
                + options.windowSeconds() * 1000L);
        EchoBenchStep.Setup setup = addSessions(toAdd, setups, traffic, setupDeadline);
        Thread.sleep(SETTLE_MILLIS);
        EchoBenchStep step = measure(target, setup, traffic, Double.NaN);
        if (setup.skipped() > 0) {
            return step;
        }
        String failure = step.firstFailure(options.rttLimitMillis());
        if (failure != null && failure.startsWith("echo rtt")) {
            step = measure(target, setup, traffic, step.echoes().rttP99());
        }
        return step;
    }

    private EchoBenchStep measure(int target, EchoBenchStep.Setup setup, EchoBenchTraffic traffic,
            double retriedRttP99) throws Exception {
        int sessions = traffic.sessions().length;
        long expected = (long) sessions * options.windowSeconds() * 1000 / options.periodMillis();
        double serviceCpuBefore = service.metric("process.cpu.time");
        EchoBenchCpu.Reading before = EchoBenchCpu.Reading.now();
        EchoBenchTraffic.Window window = traffic.startWindow(++windows, (int) Math.min(Integer.MAX_VALUE - 8,
                expected * 2 + 1024));
        Thread.sleep(options.windowSeconds() * 1000L);
        traffic.endWindow();
        EchoBenchCpu.Reading after = EchoBenchCpu.Reading.now();
        double serviceCpuSeconds = (service.metric("process.cpu.time") - serviceCpuBefore) / 1e9;
        long graceEnd = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        while (window.echoed.sum() < window.sent.sum() && System.nanoTime() < graceEnd) {
            Thread.sleep(20);
        }
        int silent = 0;
        for (EchoBenchSession session : traffic.sessions()) {
            if (session.windowEchoes == 0) {
                silent++;
            }
        }
        EchoBenchStep.Echoes echoes = new EchoBenchStep.Echoes(window.sent.sum(), window.echoed.sum(),
                window.backlogged.sum(), window.sendErrors.sum(), silent, window.sortedRttMillis());
        EchoBenchStep.Resources resources = new EchoBenchStep.Resources(
                service.metric("jvm.memory.used?tag=area:heap") / MIB, service.metric("jvm.threads.live"),
                service.metric("process.files.open"), service.metric("rtc.peer.connections"),
                reapedSoFar(),
                serviceCpuSeconds / after.wallSecondsSince(before) / Runtime.getRuntime().availableProcessors(),
                serviceCpuSeconds * 1e6 / Math.max(1, echoes.echoed()), after.clientFractionSince(before),
                after.machineFractionSince(before), EchoBenchCpu.loadAverage(),
                after.udpReceiveDrops() - before.udpReceiveDrops());
        return new EchoBenchStep(target, sessions, setup, echoes, resources, retriedRttP99);
    }

    /**
     * Connects {@code count} more sessions, {@value #SETUP_CONCURRENCY} at a time, each busy once connected; those
     * not started by {@code deadline} are not attempted.
     */
    private EchoBenchStep.Setup addSessions(int count, ExecutorService setups, EchoBenchTraffic traffic,
            long deadline) throws InterruptedException {
        long start = System.nanoTime();
        List<Future<EchoBenchSession>> added = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            added.add(setups.submit(() -> {
                if (System.nanoTime() > deadline) {
                    return null;
                }
                EchoBenchSession session = EchoBenchSession.connect(engine, configuration, service, traffic::onEcho);
                traffic.add(session);
                return session;
            }));
        }
        int failures = 0;
        String firstError = null;
        double[] gathers = new double[count];
        double[] posts = new double[count];
        double[] opens = new double[count];
        int connected = 0;
        int skipped = 0;
        for (Future<EchoBenchSession> future : added) {
            try {
                EchoBenchSession session = future.get();
                if (session == null) {
                    skipped++;
                    continue;
                }
                gathers[connected] = session.gatherNanos() / 1e6;
                posts[connected] = session.postNanos() / 1e6;
                opens[connected] = session.openNanos() / 1e6;
                connected++;
            } catch (ExecutionException e) {
                failures++;
                if (firstError == null) {
                    firstError = String.valueOf(e.getCause());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EchoBenchStep.Setup(failures, skipped, firstError, seconds, connected / seconds,
                sorted(gathers, connected), sorted(posts, connected), sorted(opens, connected));
    }

    private static double[] sorted(double[] values, int count) {
        double[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        return copy;
    }

    /** DELETEs every session, best effort and bounded in time: the service is stopped after the run anyway. */
    private void endAll(EchoBenchSession[] sessions, ExecutorService setups) throws InterruptedException {
        List<Future<?>> ends = new ArrayList<>();
        for (EchoBenchSession session : sessions) {
            ends.add(setups.submit(() -> {
                session.end(service);
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Future<?> end : ends) {
            try {
                end.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // best effort
            }
        }
    }
}

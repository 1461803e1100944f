package io.jrtc.bench;

import io.jrtc.pc.RTCCertificate;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * An echo server at scale, measured from outside: ramps up to tens of thousands of concurrently connected echo
 * sessions (data channel open) from this one client JVM, whose connections share its event loops, and prints one
 * JSON line per step ({@link ScaleStep}), then a summary line. The server is any process that answers WHIP-style
 * {@code POST /echo} with a 201 and echoes data-channel messages: the sample service or the Pion counterpart; its
 * CPU, memory, threads and files are read from {@code /proc/<pid>} ({@link ScaleServiceProcess}).
 * <p>
 * Per step: the ramp's POST to 201 (concurrent) and setup rate; an idle window with every session silent (the
 * server's upkeep: consent checks, timers); a traffic window with every session sending {@code messageBytes} every
 * {@code periodMillis} (echo round trips, CPU per echoed message beyond the idle upkeep); sequential probe sessions
 * with the others open (POST to 201 one at a time); the footprint after a full collection.
 * <p>
 * Usage: {@code ScaleBench <base URL> <server pid> jvm|go <server name>}; system properties {@code scale.bench.*}
 * (see {@link Options}).
 */
public final class ScaleBench {
    private static final long SETTLE_MILLIS = 2000;
    private static final long GRACE_MILLIS = 3000;

    /** The knobs, each a {@code scale.bench.<name>} system property. */
    record Options(List<Integer> steps, int periodMillis, int messageBytes, int idleSeconds, int windowSeconds,
            int probes, int warmup, int setupConcurrency, String bindAddress, double rttLimitMillis) {
        static Options fromSystemProperties() {
            return new Options(Arrays.stream(System.getProperty("scale.bench.steps", "1000,2500,5000,7500,10000")
                    .split(",")).map(String::strip).map(Integer::parseInt).toList(),
                    Integer.getInteger("scale.bench.periodMillis", 10_000),
                    Integer.getInteger("scale.bench.messageBytes", 1024),
                    Integer.getInteger("scale.bench.idleSeconds", 10),
                    Integer.getInteger("scale.bench.windowSeconds", 20),
                    Integer.getInteger("scale.bench.probes", 40),
                    Integer.getInteger("scale.bench.warmup", 100),
                    Integer.getInteger("scale.bench.setupConcurrency", 16),
                    System.getProperty("scale.bench.bind", "127.0.0.1"),
                    Double.parseDouble(System.getProperty("scale.bench.rttLimitMillis", "250")));
        }
    }

    private final Options options;
    private final String server;
    private final EchoBenchService service;
    private final ScaleServiceProcess process;
    private final RtcEngine engine;
    private final RTCConfiguration configuration;
    private final EchoBenchTraffic traffic;
    private final ExecutorService setups;
    private int windows;

    private ScaleBench(Options options, String server, EchoBenchService service, ScaleServiceProcess process,
            RtcEngine engine) {
        this.options = options;
        this.server = server;
        this.service = service;
        this.process = process;
        this.engine = engine;
        // One client certificate for every session, as a browser keeps one per origin: key generation is client work.
        this.configuration = new RTCConfiguration(List.of(), List.of(RTCCertificate.generateCertificate()));
        this.traffic = new EchoBenchTraffic(options.messageBytes(), options.periodMillis());
        this.setups = Executors.newFixedThreadPool(options.setupConcurrency());
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ScaleBench <base URL> <server pid> jvm|go <server name>");
            System.exit(2);
        }
        Options options = Options.fromSystemProperties();
        URI base = URI.create(args[0]);
        EchoBenchService service = new EchoBenchService(base);
        ScaleServiceProcess process = new ScaleServiceProcess(Long.parseLong(args[1]),
                ScaleServiceProcess.Runtime.valueOf(args[2].toUpperCase(Locale.ROOT)), base);
        try (RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getByName(options.bindAddress()))))) {
            new ScaleBench(options, args[3], service, process, engine).run();
        }
        // A stuck close must not keep the run alive; the script stops the server.
        System.exit(0);
    }

    private void run() throws Exception {
        sequentialSessions(options.warmup());
        ScaleStep.Baseline baseline = new ScaleStep.Baseline(process.heapAfterGcMb(), process.rssMb(),
                process.threads(), process.openFiles(), cpuPerSecond(options.idleSeconds()));
        ScaleStep held = null;
        String stoppedBy = "last step";
        for (int target : options.steps()) {
            ScaleStep step = runStep(target, baseline);
            System.out.println(step.toJson());
            if (step.held(options.rttLimitMillis())) {
                held = step;
            }
            if (step.setupFailures() > Math.max(10, target / 100)) {
                stoppedBy = "setup failures";
                break;
            }
        }
        System.out.println(summary(held, baseline, stoppedBy));
    }

    private String summary(ScaleStep held, ScaleStep.Baseline baseline, String stoppedBy) {
        String atMax = held == null ? "null" : String.format(Locale.ROOT,
                "{\"connections\":%d,\"busy_cpu_s_per_s\":%.3f,\"connections_per_cpu\":%.0f,\"echo_rtt_p99_ms\":%.1f}",
                held.connections(), held.busyCpu(), held.connections() / held.busyCpu(), held.echoes().rttP99());
        return String.format(Locale.ROOT, "{\"server\":\"%s\",\"summary\":{\"baseline\":{\"heap_after_gc_mb\":%s,"
                + "\"rss_mb\":%.1f,\"threads\":%d,\"open_files\":%d,\"idle_cpu_s_per_s\":%.3f},\"message_bytes\":%d,"
                + "\"period_ms\":%d,\"max_held\":%s,\"stopped_by\":\"%s\"}}", server,
                EchoBenchStep.number(baseline.heapAfterGcMb(), 1), baseline.rssMb(), baseline.threads(),
                baseline.openFiles(), baseline.idleCpu(), options.messageBytes(),
                options.periodMillis(), atMax, stoppedBy);
    }

    private ScaleStep runStep(int target, ScaleStep.Baseline baseline) throws Exception {
        int toAdd = Math.max(0, target - traffic.sessions().length);
        long rampStart = System.nanoTime();
        List<Future<EchoBenchSession>> added = new ArrayList<>(toAdd);
        for (int i = 0; i < toAdd; i++) {
            added.add(setups.submit(() -> {
                EchoBenchSession session = EchoBenchSession.connect(engine, configuration, service, traffic::onEcho);
                traffic.add(session);
                return session;
            }));
        }
        double[] rampPosts = new double[toAdd];
        int connected = 0;
        int failures = 0;
        String firstError = null;
        for (Future<EchoBenchSession> future : added) {
            try {
                rampPosts[connected] = future.get().postNanos() / 1e6;
                connected++;
            } catch (ExecutionException e) {
                failures++;
                firstError = firstError == null ? String.valueOf(e.getCause()) : firstError;
            }
        }
        double setupPerSecond = connected / ((System.nanoTime() - rampStart) / 1e9);
        Thread.sleep(SETTLE_MILLIS);

        traffic.pause(true);
        Thread.sleep(GRACE_MILLIS);
        double idleCpu = cpuPerSecond(options.idleSeconds());
        traffic.pause(false);

        EchoBenchCpu.Reading clientBefore = EchoBenchCpu.Reading.now();
        int sessions = traffic.sessions().length;
        long expected = (long) sessions * options.windowSeconds() * 1000 / options.periodMillis();
        EchoBenchTraffic.Window window = traffic.startWindow(++windows, (int) Math.min(Integer.MAX_VALUE - 8,
                expected * 2 + 1024));
        double busyCpu = cpuPerSecond(options.windowSeconds());
        traffic.endWindow();
        EchoBenchCpu.Reading clientAfter = EchoBenchCpu.Reading.now();
        long graceEnd = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        while (window.echoed.sum() < window.sent.sum() && System.nanoTime() < graceEnd) {
            Thread.sleep(20);
        }
        int silent = 0;
        int disconnected = 0;
        java.util.Map<String, Integer> states = new java.util.TreeMap<>();
        for (EchoBenchSession session : traffic.sessions()) {
            silent += session.windowEchoes == 0 ? 1 : 0;
            disconnected += session.isConnected() ? 0 : 1;
            states.merge(session.connectionState(), 1, Integer::sum);
        }
        System.err.println("scale-bench: our sessions by connection state: " + states);
        EchoBenchStep.Echoes echoes = new EchoBenchStep.Echoes(window.sent.sum(), window.echoed.sum(),
                window.backlogged.sum(), window.sendErrors.sum(), silent, window.sortedRttMillis());
        double[] probePosts = sequentialSessions(options.probes());
        return new ScaleStep(server, sessions, disconnected, failures, firstError, setupPerSecond,
                sorted(rampPosts, connected),
                probePosts, idleCpu, busyCpu, options.windowSeconds(), echoes, process.heapAfterGcMb(),
                process.rssMb(), process.threads(), process.openFiles(),
                clientAfter.clientFractionSince(clientBefore) * Runtime.getRuntime().availableProcessors(),
                EchoBenchCpu.loadAverage(), baseline);
    }

    /** The server's CPU seconds per wall second over the next {@code seconds}. */
    private double cpuPerSecond(int seconds) throws InterruptedException {
        double before = process.cpuSeconds();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        return (process.cpuSeconds() - before) / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * {@code count} sessions one after another, each connected, echoing one message and deleted, with whatever
     * else is open left open; returns their POST to 201 times, sorted.
     */
    private double[] sequentialSessions(int count) throws Exception {
        AtomicReference<CompletableFuture<byte[]>> pong = new AtomicReference<>(new CompletableFuture<>());
        byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
        double[] posts = new double[count];
        for (int i = 0; i < count; i++) {
            CompletableFuture<byte[]> echoed = new CompletableFuture<>();
            pong.set(echoed);
            EchoBenchSession session = EchoBenchSession.connect(engine, configuration, service,
                    (s, echo) -> pong.get().complete(echo));
            try {
                session.channel().send(ping);
                echoed.get(10, TimeUnit.SECONDS);
            } finally {
                session.end(service);
            }
            posts[i] = session.postNanos() / 1e6;
        }
        Arrays.sort(posts);
        return posts;
    }

    private static double[] sorted(double[] values, int count) {
        double[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        return copy;
    }
}

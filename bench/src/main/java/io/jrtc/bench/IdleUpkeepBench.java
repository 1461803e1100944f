package io.jrtc.bench;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * What an idle connection costs a server per second, without the HTTP service around it: one JVM, a server engine
 * answering on its shared UDP port (as the sample service does) and a client engine, {@code N} connected pairs with
 * an open data channel and no messages, then the CPU time of the server engine's event-loop threads over a window
 * (consent checks, ICE liveness, SCTP heartbeats, timers: everything a quiet connection does by itself). CPU time
 * per thread (user and system) is meaningful on a loaded machine where wall-clock figures are not.
 * <p>
 * Also the heap after a full collection per pair (client and server side together).
 * Usage: {@code IdleUpkeepBench [connections=1000] [window seconds=30]}; prints one JSON line.
 */
public final class IdleUpkeepBench {
    private static final long SETTLE_SECONDS = 10;
    private static final String LOOP_PREFIX = "jrtc-loop-";

    private IdleUpkeepBench() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int windowSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        RtcEngineSettings base = RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress())).withIncludeLoopback(true);
        try (RtcEngine server = RtcEngine.create(base.withSharedUdpPort(0));
                RtcEngine client = RtcEngine.create(base)) {
            long heapBefore = heapAfterGc();
            List<RTCPeerConnection[]> pairs = connectAll(server, client, connections);
            System.err.printf("idle-upkeep: %d pairs connected; window starts in %d s%n", connections,
                    SETTLE_SECONDS);
            TimeUnit.SECONDS.sleep(SETTLE_SECONDS);
            double[] cpu = loopCpuPerSecond(windowSeconds);
            double heapKibPerPair = (heapAfterGc() - heapBefore) / 1024.0 / connections;
            long connected = pairs.stream()
                    .filter(p -> p[1].getConnectionState() == RTCPeerConnectionState.CONNECTED).count();
            System.out.printf(Locale.ROOT, "{\"connections\":%d,\"connected_after\":%d,\"window_s\":%d,"
                    + "\"server_loops_cpu_s_per_s\":%.4f,\"server_us_per_s_per_connection\":%.1f,"
                    + "\"client_loops_cpu_s_per_s\":%.4f,\"heap_kib_per_pair\":%.1f,\"loadavg\":%.1f}%n",
                    connections, connected, windowSeconds, cpu[0], cpu[0] * 1e6 / connections, cpu[1],
                    heapKibPerPair, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (RTCPeerConnection[] pair : pairs) {
                pair[0].close();
                pair[1].close();
            }
        }
        System.exit(0);
    }

    /**
     * CPU seconds per second of the server's and the client's loop threads over the next {@code seconds}. Loop
     * threads are named jrtc-loop-&lt;pool&gt;-&lt;n&gt;, pools numbered as made: the server's engine was made first.
     */
    private static double[] loopCpuPerSecond(int seconds) throws InterruptedException {
        int serverPool = loopPools().stream().mapToInt(Integer::intValue).min().orElseThrow();
        List<Long> serverLoops = loopThreads(pool -> pool == serverPool);
        List<Long> clientLoops = loopThreads(pool -> pool != serverPool);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long serverBefore = cpuNanos(threads, serverLoops);
        long clientBefore = cpuNanos(threads, clientLoops);
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new double[] {(cpuNanos(threads, serverLoops) - serverBefore) / 1e9 / elapsed,
                (cpuNanos(threads, clientLoops) - clientBefore) / 1e9 / elapsed};
    }

    private static List<RTCPeerConnection[]> connectAll(RtcEngine server, RtcEngine client, int connections)
            throws Exception {
        ExecutorService setups = Executors.newFixedThreadPool(8);
        try {
            List<Future<RTCPeerConnection[]>> futures = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                futures.add(setups.submit(() -> connect(server, client)));
            }
            List<RTCPeerConnection[]> pairs = new ArrayList<>();
            for (Future<RTCPeerConnection[]> future : futures) {
                pairs.add(future.get());
            }
            return pairs;
        } finally {
            // A failed setup ends the run: its worker threads must not keep the JVM alive.
            setups.shutdownNow();
        }
    }

    /** One pair, the client offering a data channel and the server answering, returned once the channel is open. */
    private static RTCPeerConnection[] connect(RtcEngine server, RtcEngine client) throws Exception {
        RTCPeerConnection offerer = client.newPeerConnection(new RTCConfiguration());
        RTCPeerConnection answerer = server.newPeerConnection(new RTCConfiguration());
        RTCDataChannel channel = offerer.createDataChannel("idle");
        CompletableFuture<Void> open = new CompletableFuture<>();
        channel.onOpen(() -> open.complete(null));
        offerer.setLocalDescription().get(30, TimeUnit.SECONDS);
        offerer.gatheringComplete().get(30, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offerer.getLocalDescription()).get(30, TimeUnit.SECONDS);
        answerer.setLocalDescription().get(30, TimeUnit.SECONDS);
        answerer.gatheringComplete().get(30, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answerer.getLocalDescription()).get(30, TimeUnit.SECONDS);
        open.get(60, TimeUnit.SECONDS);
        return new RTCPeerConnection[] {offerer, answerer};
    }

    /** Heap in use after a full collection (both ends of every pair: this JVM holds the two engines). */
    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<Integer> loopPools() {
        List<Integer> pools = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(LOOP_PREFIX)) {
                pools.add(pool(thread));
            }
        }
        return pools;
    }

    private static int pool(Thread thread) {
        return Integer.parseInt(thread.getName().substring(LOOP_PREFIX.length()).split("-")[0]);
    }

    /** Ids of the event-loop threads alive now whose pool number passes {@code pools}. */
    private static List<Long> loopThreads(IntPredicate pools) {
        List<Long> ids = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(LOOP_PREFIX) && pools.test(pool(thread))) {
                ids.add(thread.getId());
            }
        }
        return ids;
    }

    private static long cpuNanos(ThreadMXBean threads, List<Long> ids) {
        long total = 0;
        for (long id : ids) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }
}

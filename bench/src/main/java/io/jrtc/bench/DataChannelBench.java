package io.jrtc.bench;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Two peer connections in one JVM over loopback, measured the way ../shared/peer-bench measures aiortc, Chromium
 * and Pion: setup (createOffer until the offerer's channel is open, descriptions exchanged after gathering,
 * median of 20 after 2000 warm-up setups), 64 MiB of reliable ordered 16 KiB messages, and 1 KiB messages per second (each
 * the median of three transfers, after ten warm-up transfers of each size),
 * sending while bufferedAmount < 1 MiB, else waiting for bufferedamountlow at 256 KiB. Prints one JSON line; with
 * {@code --shared-udp-port} it holds the same figures through the shared UDP port too, measured after them, and with
 * {@code --ice-tcp} through ICE-TCP (RFC 6544): the answerer's passive candidate on the shared TCP port, the
 * offerer's active one, and no UDP candidate in either description.
 */
public final class DataChannelBench {
    private static final long HIGH_WATER = 1 << 20;
    private static final long LOW_WATER = 256 * 1024;
    /**
     * Until C2 has compiled the handshake and signalling code (the issue asks for a warm JVM): the median was 14 ms
     * after 10 setups, about 4.7 ms after 200 and 2.7 ms after 2000, from where it holds.
     */
    private static final int WARM_UP_SETUPS = 2000;
    private static final int WARM_UP_TRANSFERS = 10;
    /** Whether {@link #connect} leaves only TCP candidates in the descriptions: set per {@link #measure} run. */
    private static boolean tcpOnly;

    /** What one configuration measured. */
    private record Figures(double setupMillis, double bulkBytesPerSecond, double smallBytesPerSecond) {
        String json() {
            return String.format(Locale.ROOT, "\"setup_ms\":%.2f,\"throughput_16k_MBps\":%.1f,\"msgs_1k_per_s\":%.0f",
                    setupMillis, bulkBytesPerSecond / 1e6, smallBytesPerSecond / 1024);
        }
    }

    /**
     * Measures with a socket per connection; with {@code --shared-udp-port}, then again in the same run with the
     * answerer on the engine's shared UDP port (the offerer keeps its own socket), printed as "shared_udp_port".
     */
    public static void main(String[] args) throws Exception {
        boolean shared = List.of(args).contains("--shared-udp-port");
        boolean iceTcp = List.of(args).contains("--ice-tcp");
        RtcEngineSettings perConnection = RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress()));
        String line = "{\"stack\":\"jrtc\"," + measure(perConnection, false).json();
        if (shared) {
            line += ",\"shared_udp_port\":{" + measure(perConnection.withSharedUdpPort(0), false).json() + "}";
        }
        if (iceTcp) {
            line += ",\"ice_tcp\":{" + measure(perConnection.withSharedTcpPort(0).withActiveTcpCandidates(true), true)
                    .json() + "}";
        }
        System.out.println(line + "}");
    }

    /** With {@code tcpOnly}, UDP candidates are taken out of both descriptions (see {@link #connect}). */
    private static Figures measure(RtcEngineSettings settings, boolean tcpOnly) throws Exception {
        DataChannelBench.tcpOnly = tcpOnly;
        int setupRuns = 20;
        long bulkBytes = 64L << 20;
        long smallBytes = 32L << 20;
        try (RtcEngine engine = RtcEngine.create(settings)) {
            for (int i = 0; i < WARM_UP_SETUPS; i++) {
                setupMillis(engine);
            }
            double[] setups = new double[setupRuns];
            for (int i = 0; i < setupRuns; i++) {
                setups[i] = setupMillis(engine);
            }
            Arrays.sort(setups);
            // Warm both send paths up (JIT) as the setups are: the first transfers run at a fraction of the
            // steady rate, about the tenth and later at it.
            for (int i = 0; i < WARM_UP_TRANSFERS; i++) {
                throughput(engine, 64L << 20, 16 * 1024);
                throughput(engine, 8L << 20, 1024);
            }
            double bulk = medianOfThree(() -> throughput(engine, bulkBytes, 16 * 1024));
            double small = medianOfThree(() -> throughput(engine, smallBytes, 1024));
            return new Figures((setups[setupRuns / 2 - 1] + setups[setupRuns / 2]) / 2, bulk, small);
        }
    }

    /** One measurement that may fail. */
    private interface Measurement {
        double run() throws Exception;
    }

    /** The median of three runs: one transfer can meet a GC pause or another process on the machine. */
    private static double medianOfThree(Measurement measurement) throws Exception {
        double[] runs = {measurement.run(), measurement.run(), measurement.run()};
        Arrays.sort(runs);
        return runs[1];
    }

    private static double setupMillis(RtcEngine engine) throws Exception {
        RTCPeerConnection offerer = engine.newPeerConnection(new RTCConfiguration());
        RTCPeerConnection answerer = engine.newPeerConnection(new RTCConfiguration());
        try {
            RTCDataChannel channel = offerer.createDataChannel("bench");
            CompletableFuture<Void> open = new CompletableFuture<>();
            channel.onOpen(() -> open.complete(null));
            long start = System.nanoTime();
            connect(offerer, answerer);
            open.get(10, TimeUnit.SECONDS);
            return (System.nanoTime() - start) / 1e6;
        } finally {
            offerer.close().get(5, TimeUnit.SECONDS);
            answerer.close().get(5, TimeUnit.SECONDS);
        }
    }

    /** Bytes per second of {@code total} bytes sent as {@code size}-byte messages, until all arrived. */
    private static double throughput(RtcEngine engine, long total, int size) throws Exception {
        RTCPeerConnection offerer = engine.newPeerConnection(new RTCConfiguration());
        RTCPeerConnection answerer = engine.newPeerConnection(new RTCConfiguration());
        try {
            RTCDataChannel channel = offerer.createDataChannel("bulk");
            CompletableFuture<Void> open = new CompletableFuture<>();
            channel.onOpen(() -> open.complete(null));
            CompletableFuture<Void> received = new CompletableFuture<>();
            AtomicLong count = new AtomicLong();
            answerer.onDataChannel(remote -> remote.onMessage(message -> {
                if (count.addAndGet(message.data().length) >= total) {
                    received.complete(null);
                }
            }));
            connect(offerer, answerer);
            open.get(10, TimeUnit.SECONDS);
            Semaphore low = new Semaphore(0);
            channel.setBufferedAmountLowThreshold(LOW_WATER);
            channel.onBufferedAmountLow(low::release);
            byte[] message = new byte[size];
            long start = System.nanoTime();
            for (long sent = 0; sent < total; sent += size) {
                while (channel.getBufferedAmount() >= HIGH_WATER) {
                    low.tryAcquire(50, TimeUnit.MILLISECONDS);
                }
                channel.send(message);
            }
            received.get(120, TimeUnit.SECONDS);
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            offerer.close().get(5, TimeUnit.SECONDS);
            answerer.close().get(5, TimeUnit.SECONDS);
        }
    }

    private static void connect(RTCPeerConnection offerer, RTCPeerConnection answerer) throws Exception {
        offerer.setLocalDescription().get(10, TimeUnit.SECONDS);
        offerer.gatheringComplete().get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(signalled(offerer.getLocalDescription())).get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription().get(10, TimeUnit.SECONDS);
        answerer.gatheringComplete().get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(signalled(answerer.getLocalDescription())).get(10, TimeUnit.SECONDS);
    }

    /** The description as the other side gets it: without UDP candidates when only TCP is measured. */
    private static RTCSessionDescription signalled(RTCSessionDescription description) {
        if (!tcpOnly) {
            return description;
        }
        String sdp = description.sdp().lines()
                .filter(line -> !(line.startsWith("a=candidate:") && line.split(" ")[2].equalsIgnoreCase("udp")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        return new RTCSessionDescription(sdp, description.type());
    }
}

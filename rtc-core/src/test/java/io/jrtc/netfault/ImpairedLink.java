package io.jrtc.netfault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real, impaired network path between two peers of the test JVM. The test JVM's namespace cannot impair its own
 * traffic (two of its addresses talk through {@code lo}), so the path leaves it: a veth pair leads from
 * {@code jf<n>} (198.19.n.1/30, where the peers bind) to a second network namespace, made with {@code unshare} for
 * a {@link DelayRelay} JVM of its own (198.19.n.2). There an nf_tables rule drops datagrams at random on their way
 * in, {@code tbf} caps the rate leaving either end, and the relay delays and reorders what it forwards. Every
 * datagram between the peers crosses the veth twice and the loss rule once.
 *
 * <p>The namespace lives as long as the relay process, and the veth pair with it: nothing is left behind when the
 * test or its JVM dies, and the free {@code jf<n>} name (taken atomically by {@code ip link add}) keeps links of
 * tests running at once apart. Needs CAP_NET_ADMIN and CAP_SYS_ADMIN in the test namespace: root in the shared
 * {@code jrtc-test} namespace, or the mapped root of the private user namespace scripts/java-in-netns makes.
 */
public final class ImpairedLink implements AutoCloseable {
    private static final int MAX_LINKS = 250;

    private final int index;
    private final LinkImpairment impairment;
    private final Process relay;
    private final BufferedReader fromRelay;
    private final Writer toRelay;
    private final int portA;
    private final int portB;
    private final Pattern hostCandidate;

    private ImpairedLink(int index, LinkImpairment impairment, Process relay, BufferedReader fromRelay,
            Writer toRelay, int portA, int portB) {
        this.index = index;
        this.impairment = impairment;
        this.relay = relay;
        this.fromRelay = fromRelay;
        this.toRelay = toRelay;
        this.portA = portA;
        this.portB = portB;
        this.hostCandidate = Pattern.compile("(a=candidate:\\S+ \\d+ udp \\d+ )" + Pattern.quote(peerHost())
                + " (\\d+)( typ host)");
    }

    /** Builds the link: veth pair, far namespace, loss rule, rate caps, relay. */
    public static ImpairedLink open(LinkImpairment impairment) {
        int index = allocateVeth();
        Process relay = null;
        try {
            relay = startRelay(index, impairment);
            BufferedReader fromRelay = new BufferedReader(new InputStreamReader(relay.getInputStream(),
                    StandardCharsets.UTF_8));
            Writer toRelay = new OutputStreamWriter(relay.getOutputStream(), StandardCharsets.UTF_8);
            expect(fromRelay, relay, "ready");
            wire(index, relay.pid(), impairment);
            toRelay.write("go\n");
            toRelay.flush();
            String[] ports = expect(fromRelay, relay, "ports").split(" ");
            return new ImpairedLink(index, impairment, relay, fromRelay, toRelay, Integer.parseInt(ports[1]),
                    Integer.parseInt(ports[2]));
        } catch (IOException | RuntimeException e) {
            if (relay != null) {
                relay.destroyForcibly();
            }
            NetCommands.attempt(List.of("ip", "link", "del", "jf" + index), null);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** Where the peers bind (the near end of the veth pair): 198.19.n.1. */
    public InetAddress peerAddress() {
        return address(index, 1);
    }

    /** The relay's address in the far namespace: 198.19.n.2. */
    public InetAddress relayAddress() {
        return address(index, 2);
    }

    /** Where the offerer's datagrams go: the relay's socket A, which forwards them to the answerer. */
    public InetSocketAddress relayForOfferer() {
        return new InetSocketAddress(relayAddress(), portA);
    }

    /** Where the answerer's datagrams go: the relay's socket B, which forwards them to the offerer. */
    public InetSocketAddress relayForAnswerer() {
        return new InetSocketAddress(relayAddress(), portB);
    }

    /** The offer as the answerer must see it: the offerer's host candidate moved to the relay's socket B. */
    public String offerForAnswerer(String sdp) {
        return throughRelay(sdp, portB);
    }

    /** The answer as the offerer must see it: the answerer's host candidate moved to the relay's socket A. */
    public String answerForOfferer(String sdp) {
        return throughRelay(sdp, portA);
    }

    /**
     * Lets every datagram through (delay and rate caps stay) until {@link #resumeLoss()}: for a handshake the test
     * does not measure. DTLS's retransmission timer doubles from 1 s on each lost flight, so a handshake through
     * 10 % loss can take longer than a test should wait for it.
     */
    public void suspendLoss() {
        replaceLossRule(0);
    }

    /** Drops the configured share again; the counters start from zero. */
    public void resumeLoss() {
        replaceLossRule(impairment.lossPercent());
    }

    private void replaceLossRule(int percent) {
        NetCommands.run(NetCommands.inNetworkOf(relay.pid(), "nft", "-f", "-"),
                "delete table inet netfault\n" + lossRule(percent));
    }

    /** What the link has done so far: datagrams that reached the loss rule and were dropped, and the relay's counts. */
    public LinkCounters counters() throws IOException {
        String nft = NetCommands.run(NetCommands.inNetworkOf(relay.pid(), "nft", "list", "counters", "table", "inet",
                "netfault"));
        synchronized (this) {
            toRelay.write("stats\n");
            toRelay.flush();
            String[] stats = expect(fromRelay, relay, "stats").split(" ");
            return new LinkCounters(counter(nft, "seen"), counter(nft, "lost"), Long.parseLong(stats[1]),
                    Long.parseLong(stats[2]));
        }
    }

    /**
     * Changes the rate cap on both ends of the veth pair from now on (what queues stays queued): a path that got
     * faster or slower, for tests of rate adaptation. Only for a link opened with a rate cap.
     */
    public void setRate(long bitsPerSecond) {
        NetCommands.run(rateCap("jf" + index, bitsPerSecond));
        NetCommands.run(NetCommands.inNetworkOf(relay.pid(), rateCap("jf" + index + "r", bitsPerSecond)
                .toArray(String[]::new)));
    }

    /** Datagrams the rate caps dropped so far (their queues overflowed): near end and far end of the veth pair. */
    public long[] rateCapDrops() {
        String near = NetCommands.run(List.of("tc", "-s", "qdisc", "show", "dev", "jf" + index));
        String far = NetCommands.run(NetCommands.inNetworkOf(relay.pid(), "tc", "-s", "qdisc", "show", "dev",
                "jf" + index + "r"));
        return new long[] {tbfDrops(near), tbfDrops(far)};
    }

    private static long tbfDrops(String qdiscStatistics) {
        Matcher m = Pattern.compile("qdisc tbf[^\\n]*\\n\\s*Sent \\d+ bytes \\d+ pkt \\(dropped (\\d+)")
                .matcher(qdiscStatistics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Override
    public void close() {
        try {
            toRelay.close();  // the relay exits when its input ends; its namespace and the veth pair go with it
            if (!relay.waitFor(5, TimeUnit.SECONDS)) {
                relay.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            relay.destroyForcibly();
        }
        NetCommands.attempt(List.of("ip", "link", "del", "jf" + index), null);
    }

    private String throughRelay(String sdp, int relayPort) {
        Matcher m = hostCandidate.matcher(sdp);
        if (!m.find()) {
            throw new IllegalArgumentException("no host candidate at " + peerHost() + " in\n" + sdp);
        }
        return m.replaceAll("$1" + relayAddress().getHostAddress() + " " + relayPort + "$3");
    }

    private String peerHost() {
        return peerAddress().getHostAddress();
    }

    /** Takes a free jf<n> name: ip link add fails on a name that exists, so two tests never share one. */
    private static int allocateVeth() {
        int start = ThreadLocalRandom.current().nextInt(MAX_LINKS);
        String lastError = "";
        for (int i = 0; i < MAX_LINKS; i++) {
            int index = 1 + (start + i) % MAX_LINKS;
            NetCommands.Result result = NetCommands.attempt(List.of("ip", "link", "add", "jf" + index, "type", "veth",
                    "peer", "name", "jf" + index + "r"), null);
            if (result.exitCode() == 0) {
                return index;
            }
            lastError = result.output().strip();
            if (!lastError.contains("File exists")) {
                break;
            }
        }
        throw new IllegalStateException("cannot create a veth pair for an impaired link (needs CAP_NET_ADMIN in the "
                + "test namespace; run the tests through scripts/java-in-netns): " + lastError);
    }

    private static Process startRelay(int index, LinkImpairment impairment) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(codeSourceOf(DelayRelay.class)).toString();
        List<String> command = new ArrayList<>(List.of("unshare", "--net", "--", java, "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-cp", classes,
                DelayRelay.class.getName(), address(index, 2).getHostAddress(),
                Long.toString(impairment.delay().toNanos() / 1000),
                Long.toString(impairment.returnDelay().toNanos() / 1000),
                Long.toString(impairment.jitter().toNanos() / 1000), Integer.toString(impairment.jitterPercent()),
                Long.toString(index)));
        try {
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException notFound) {
            throw new IllegalStateException("cannot run unshare (Debian package util-linux): " + notFound.getMessage(),
                    notFound);
        }
    }

    /** Moves the far end into the relay's namespace, addresses both ends, adds the loss rule and the rate caps. */
    private static void wire(int index, long pid, LinkImpairment impairment) {
        String near = "jf" + index;
        String far = near + "r";
        // A GSO batch (jrtc sends with UDP_SEGMENT) would cross the veth as one packet, so the loss rule would
        // drop whole batches; one segment per packet splits it into datagrams first, as a NIC does.
        NetCommands.run(List.of("ip", "link", "set", "dev", near, "gso_max_segs", "1"));
        NetCommands.run(List.of("ip", "link", "set", far, "netns", Long.toString(pid)));
        NetCommands.run(NetCommands.inNetworkOf(pid, "ip", "link", "set", "dev", far, "gso_max_segs", "1"));
        NetCommands.run(List.of("ip", "addr", "add", address(index, 1).getHostAddress() + "/30", "dev", near));
        NetCommands.run(NetCommands.inNetworkOf(pid, "ip", "addr", "add", address(index, 2).getHostAddress() + "/30",
                "dev", far));
        NetCommands.run(NetCommands.inNetworkOf(pid, "ip", "link", "set", "lo", "up"));
        NetCommands.run(NetCommands.inNetworkOf(pid, "nft", "-f", "-"), lossRule(impairment.lossPercent()));
        if (impairment.rateBitsPerSecond() > 0) {
            NetCommands.run(rateCap(near, impairment.rateBitsPerSecond()));
            List<String> farCap = rateCap(far, impairment.rateBitsPerSecond());
            NetCommands.run(NetCommands.inNetworkOf(pid, farCap.toArray(String[]::new)));
        }
        NetCommands.run(NetCommands.inNetworkOf(pid, "ip", "link", "set", far, "up"));
        NetCommands.run(List.of("ip", "link", "set", near, "up"));
        awaitUp(near);
    }

    /** Counts every UDP datagram arriving in the far namespace and drops {@code percent} of them at random. */
    static String lossRule(int percent) {
        return """
                table inet netfault {
                  counter seen { }
                  counter lost { }
                  chain input {
                    type filter hook input priority 0; policy accept;
                    meta l4proto udp counter name "seen"
                    meta l4proto udp numgen random mod 100 < %d counter name "lost" drop
                  }
                }
                """.formatted(percent);
    }

    /**
     * A token bucket on {@code device}'s egress with 50 ms of queue and a burst of one full-size frame, as a link
     * that serializes at its rate passes. A deeper bucket passes a burst unshaped: with 3028 bytes (24 ms at
     * 1 Mbit/s), a bandwidth estimator's 30 ms probes at 1.6 times the rate arrived as fast as they left.
     */
    private static List<String> rateCap(String device, long bitsPerSecond) {
        return List.of("tc", "qdisc", "replace", "dev", device, "root", "tbf", "rate", bitsPerSecond + "bit",
                "burst", "1600", "latency", "50ms");
    }

    private static void awaitUp(String device) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (NetCommands.run(List.of("ip", "-o", "link", "show", "dev", device)).contains("LOWER_UP")) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(device + " did not come up within 5 s");
    }

    private static String expect(BufferedReader from, Process relay, String word) throws IOException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return from.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String read = line.get(15, TimeUnit.SECONDS);
            if (read != null && (read.equals(word) || read.startsWith(word + " "))) {
                return read;
            }
            throw new IllegalStateException("relay said " + read + " instead of " + word + " (alive: "
                    + relay.isAlive() + ")");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("relay did not say " + word + " within 15 s");
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long counter(String nftList, String name) {
        Matcher m = Pattern.compile("counter " + name + " \\{\\s*packets (\\d+)").matcher(nftList);
        if (!m.find()) {
            throw new IllegalStateException("no counter " + name + " in " + nftList);
        }
        return Long.parseLong(m.group(1));
    }

    private static InetAddress address(int index, int host) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 198, 19, (byte) index, (byte) host});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a link did: {@code arrived} datagrams reached the loss rule and {@code dropped} of them were dropped;
     * the relay {@code forwarded} the rest, {@code reordered} of them after a datagram that came in later.
     */
    public record LinkCounters(long arrived, long dropped, long forwarded, long reordered) {
        public double lossRate() {
            return arrived == 0 ? 0 : (double) dropped / arrived;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d datagrams reached the link, %d dropped (%.2f %%), "
                    + "%d forwarded, %d reordered", arrived, dropped, 100 * lossRate(), forwarded, reordered);
        }
    }
}

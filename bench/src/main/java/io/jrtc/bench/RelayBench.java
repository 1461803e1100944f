package io.jrtc.bench;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * jrtc as an SFU: one publisher's coded VP8 (30 fps, about 2 Mbit/s) forwarded as it is to N viewers, all peer
 * connections in this JVM on one address; the counterpart of bench/pion-relay, run side by side by
 * scripts/relay-bench.sh. For each viewer count: setup of all connections, then over a steady window frames per
 * viewer per second, delivered bitrate, CPU per wall second and per forwarded packet, heap, RSS and threads.
 * A round at the warm-up viewer count runs first and is not reported: the JIT compiles the packet path and the
 * signalling and handshake code (100 pairs set up one after another took 3.5 s cold, 0.8 s after 200 pairs).
 * Prints one JSON line.
 *
 * <p>Usage: RelayBench [address=198.18.0.1] [viewers=10,50,100] [window seconds=10] [warm-up viewers=50]
 * [warm-up seconds=10]
 */
public final class RelayBench {
    private RelayBench() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress address = InetAddress.getByName(arg(args, 0, "198.18.0.1"));
        List<Integer> counts = new ArrayList<>();
        for (String count : arg(args, 1, "10,50,100").split(",")) {
            counts.add(Integer.parseInt(count.trim()));
        }
        double window = Double.parseDouble(arg(args, 2, "10"));
        int warmUpViewers = Integer.parseInt(arg(args, 3, "50"));
        double warmUpSeconds = Double.parseDouble(arg(args, 4, "10"));

        RelayRound round = new RelayRound(address);
        if (warmUpViewers > 0) {
            RelayFigures warm = round.run(warmUpViewers, warmUpSeconds);
            System.err.println("relay-bench: warm-up " + warm.toJson());
        }
        List<String> runs = new ArrayList<>();
        for (int viewers : counts) {
            System.gc();
            RelayFigures figures = round.run(viewers, window);
            System.err.println("relay-bench: " + figures.toJson());
            runs.add(figures.toJson());
            if (!figures.keepsUp()) {
                break;
            }
        }
        String version = Runtime.version() + " " + System.getProperty("java.vm.name");
        String warmUp = warmUpViewers > 0
                ? "one unreported round of " + warmUpViewers + " viewers, " + warmUpSeconds + " s window" : "none";
        System.out.println("{\"stack\":\"jrtc\",\"version\":\"" + version + "\",\"warmup\":\"" + warmUp
                + "\",\"notes\":\"one JVM: publisher, SFU and viewers; CPU "
                + "covers all of them; viewers count depacketized frames and their bytes\",\"runs\":["
                + String.join(",", runs) + "]}");
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }
}

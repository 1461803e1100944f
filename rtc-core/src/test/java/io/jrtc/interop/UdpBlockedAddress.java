package io.jrtc.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address of one test's own, 198.19.252.n on a veth link {@code jtcp<n>} whose
 * both ends stay in the test namespace (the kernel here has no dummy links), that no UDP datagram reaches or
 * leaves: an nf_tables table of the test's own drops UDP from and to it (and counts what it dropped), so a peer bound
 * there can only be reached over TCP, as behind a firewall that blocks UDP. Other tests keep UDP: the rule matches
 * only this address, whose link name {@code ip link add} takes atomically. Closing removes table and link.
 */
final class UdpBlockedAddress implements AutoCloseable {
    private static final int MAX_LINKS = 250;
    private final int index;

    private UdpBlockedAddress(int index) {
        this.index = index;
    }

    static UdpBlockedAddress create() {
        int index = allocateLink();
        UdpBlockedAddress blocked = new UdpBlockedAddress(index);
        try {
            run(List.of("ip", "addr", "add", blocked.host() + "/32", "dev", blocked.link()), null);
            run(List.of("ip", "link", "set", blocked.link() + "r", "up"), null);
            run(List.of("ip", "link", "set", blocked.link(), "up"), null);
            run(List.of("nft", "-f", "-"), """
                    table inet %s {
                      counter dropped { }
                      chain output {
                        type filter hook output priority 0; policy accept;
                        ip saddr %s meta l4proto udp counter name "dropped" drop
                        ip daddr %s meta l4proto udp counter name "dropped" drop
                      }
                    }
                    """.formatted(blocked.table(), blocked.host(), blocked.host()));
            return blocked;
        } catch (RuntimeException e) {
            blocked.close();
            throw e;
        }
    }

    InetAddress address() {
        try {
            return InetAddress.getByName(host());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** UDP datagrams the rule has dropped so far, either way. */
    long droppedDatagrams() {
        String listing = run(List.of("nft", "list", "counter", "inet", table(), "dropped"), null);
        Matcher m = Pattern.compile("packets (\\d+)").matcher(listing);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private String host() {
        return "198.19.252." + index;
    }

    private String link() {
        return "jtcp" + index;
    }

    private String table() {
        return "icetcp" + index;
    }

    @Override
    public void close() {
        attempt(List.of("nft", "delete", "table", "inet", table()), null);
        attempt(List.of("ip", "link", "del", link()), null);
    }

    private static int allocateLink() {
        int start = ThreadLocalRandom.current().nextInt(MAX_LINKS);
        String lastError = "";
        for (int i = 0; i < MAX_LINKS; i++) {
            int index = 1 + (start + i) % MAX_LINKS;
            Result result = attempt(List.of("ip", "link", "add", "jtcp" + index, "type", "veth", "peer", "name",
                    "jtcp" + index + "r"), null);
            if (result.exitCode() == 0) {
                return index;
            }
            lastError = result.output().strip();
            if (!lastError.contains("File exists")) {
                break;
            }
        }
        throw new IllegalStateException("cannot add a veth link (needs CAP_NET_ADMIN in the test namespace; run "
                + "the tests through scripts/java-in-netns): " + lastError);
    }

    private record Result(int exitCode, String output) {
    }

    private static String run(List<String> command, String input) {
        Result result = attempt(command, input);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "): "
                    + result.output().strip());
        }
        return result.output();
    }

    private static Result attempt(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, command.get(0) + " cannot run (Debian: iproute2, nftables): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}

package io.jrtc.netfault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the commands that build an impaired link ({@code ip}, {@code tc}, {@code nft}, {@code nsenter}); a failure
 * names the command, its output and, when the program is missing, the Debian package that provides it.
 */
final class NetCommands {
    private static final Map<String, String> PACKAGES = Map.of("ip", "iproute2", "tc", "iproute2",
            "nft", "nftables", "nsenter", "util-linux", "unshare", "util-linux");

    private NetCommands() {
    }

    /** Runs {@code command} and returns its output; throws when it fails. */
    static String run(List<String> command) {
        return run(command, null);
    }

    /** Runs {@code command} with {@code input} on its standard input (null: none). */
    static String run(List<String> command, String input) {
        Result result = attempt(command, input);
        if (result.exitCode != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + result.exitCode + "): "
                    + result.output.strip());
        }
        return result.output;
    }

    /** Runs {@code command}; the caller decides what its exit code means. */
    static Result attempt(List<String> command, String input) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notFound) {
            String program = command.get(0);
            throw new IllegalStateException("cannot run " + program + " (Debian package "
                    + PACKAGES.getOrDefault(program, "?") + "; scripts/ensure-test-peers.sh installs it): "
                    + notFound.getMessage(), notFound);
        }
        try (OutputStream stdin = process.getOutputStream(); InputStream stdout = process.getInputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            stdin.close();
            String output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 10 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** {@code command} as run inside the network namespace of process {@code pid}. */
    static List<String> inNetworkOf(long pid, String... command) {
        List<String> wrapped = new ArrayList<>(List.of("nsenter", "--target", Long.toString(pid), "--net", "--"));
        wrapped.addAll(List.of(command));
        return wrapped;
    }

    record Result(int exitCode, String output) {
    }
}

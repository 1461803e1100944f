package io.jrtc.spring.autoconfigure.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cluster node in a JVM of its own ({@link ClusterNodeMain} on this test's classpath), for tests that kill one
 * with SIGKILL: no shutdown hook runs, the node just stops answering and heartbeating.
 */
final class ClusterNodeProcess implements AutoCloseable {
    private final Process process;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    /** Starts the JVM with these Spring properties ({@code name=value}); {@link #ready()} completes once it serves. */
    ClusterNodeProcess(List<String> properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName()));
        command.addAll(properties);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(this::readOutput, "cluster-node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Reads the node's output (so it never blocks on a full pipe) and notes when it serves. */
    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.contains(ClusterNodeMain.READY)) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        ready.completeExceptionally(new IllegalStateException("the node's JVM exited before serving"));
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the node's JVM outlived SIGKILL by 30 s");
        }
    }

    /** A free loopback port, for a node whose URLs must be known before it starts. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}

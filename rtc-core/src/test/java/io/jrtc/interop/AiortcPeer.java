package io.jrtc.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An aiortc peer: Debian's {@code /usr/bin/python3} (package python3-aiortc, aiortc 1.4) running
 * {@code interop/aiortc_peer.py}, spoken to in JSON lines over its stdin and stdout; its stderr (aiortc's
 * logging, tracebacks) goes to {@link #log()}.
 *
 * <p>Deliberately not the {@code python3} first on PATH: that may be another interpreter without aiortc.
 */
public final class AiortcPeer extends ScriptedPeer {

    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT_RESOURCE = "/interop/aiortc_peer.py";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path script;
    private final Process process;
    private final Writer commands;
    private final Thread eventReader;
    private final Thread stderrReader;

    /** Starts the Python process and waits until it takes commands. */
    public AiortcPeer() {
        super("aiortc");
        script = copyScript();
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), "-u", script.toString());
        // Only Debian's own packages: no user site-packages or PYTHONPATH that could shadow aiortc 1.4.
        Map<String, String> environment = builder.environment();
        environment.remove("PYTHONPATH");
        environment.remove("PYTHONHOME");
        environment.remove("PYTHONSTARTUP");
        environment.put("PYTHONNOUSERSITE", "1");
        environment.put("PYTHONUNBUFFERED", "1");
        try {
            process = builder.start();
        } catch (IOException e) {
            deleteQuietly(script);
            throw new InteropPeerException("aiortc: cannot start " + PYTHON + " (is python3-aiortc installed?)", e);
        }
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        eventReader = readLines(process.getInputStream(), "aiortc-events", this::handleEventJson);
        stderrReader = readLines(process.getErrorStream(), "aiortc-stderr", line -> appendLog("stderr: " + line));
        try {
            awaitReady(START_TIMEOUT);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    protected void transmit(String commandJson) {
        synchronized (commands) {
            try {
                commands.write(commandJson);
                commands.write('\n');
                commands.flush();
            } catch (IOException e) {
                throw new InteropPeerException("aiortc: cannot send a command, the process is gone" + logTail(), e);
            }
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                call("close", Map.of(), Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                appendLog("close command failed: " + e.getMessage().lines().findFirst().orElse(""));
            }
            try {
                synchronized (commands) {
                    commands.close();
                }
            } catch (IOException e) {
                appendLog("closing stdin failed: " + e);
            }
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            }
            eventReader.join(2000);
            stderrReader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteQuietly(script);
    }

    private Thread readLines(InputStream stream, String threadName, Consumer<String> handler) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    handler.accept(line);
                }
            } catch (IOException e) {
                appendLog(threadName + " failed: " + e);
            }
            handleTransportClosed("the aiortc process ended (" + threadName + " closed)");
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Path copyScript() {
        try (InputStream resource = AiortcPeer.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (resource == null) {
                throw new InteropPeerException("aiortc: resource " + SCRIPT_RESOURCE + " is not on the classpath");
            }
            Path copy = Files.createTempFile("jrtc-aiortc-peer-", ".py");
            Files.copy(resource, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("aiortc: cannot copy " + SCRIPT_RESOURCE + " to a temporary file", e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}

package io.jrtc.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The measured server as a Linux process, read from outside so that the same figures come from a JVM and from a Go
 * binary: CPU time, RSS, threads and open files from {@code /proc/<pid>}, and the heap left after a full
 * collection, which each runtime reports its own way ({@link Runtime}).
 */
final class ScaleServiceProcess {
    /** How the server's heap after a full collection is read. */
    enum Runtime {
        /** A JVM: {@code jcmd <pid> GC.run}, then the used figure of {@code jcmd <pid> GC.heap_info}. */
        JVM,
        /** A Go server with the bench's {@code GET /debug/heap} (runtime.GC, then HeapAlloc in bytes). */
        GO
    }

    /** Linux's USER_HZ, the unit of the CPU times in /proc/<pid>/stat, on every architecture the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final long pid;
    private final Runtime runtime;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ScaleServiceProcess(long pid, Runtime runtime, URI base) {
        this.pid = pid;
        this.runtime = runtime;
        this.base = base;
    }

    /** User plus system CPU time of every thread of the process so far, in seconds. */
    double cpuSeconds() {
        String stat = read("stat");
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    double rssMb() {
        return statusField("VmRSS") / 1024.0;
    }

    int threads() {
        return (int) statusField("Threads");
    }

    int openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The heap in use right after a full collection, in MiB; NaN when the runtime does not tell. */
    double heapAfterGcMb() {
        try {
            return runtime == Runtime.JVM ? jvmHeapAfterGcMb() : goHeapAfterGcMb();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private double jvmHeapAfterGcMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    private double goHeapAfterGcMb() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/debug/heap")).timeout(Duration.ofSeconds(30))
                .build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body().strip();
        return Long.parseLong(body) / (1024.0 * 1024.0);
    }

    /** A {@code kB} or count field of /proc/<pid>/status. */
    private long statusField(String name) {
        List<String> lines = read("status").lines().toList();
        for (String line : lines) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).strip().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException(name + " not in /proc/" + pid + "/status");
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new IllegalStateException("the service process " + pid + " is gone", e);
        }
    }
}

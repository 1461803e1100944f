package io.jrtc.pc.internal.transport;

import io.jrtc.pc.internal.loop.EngineResources;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Resolves the host names of ICE server URLs for one engine. A lookup blocks for as long as the resolver takes, and
 * the names may come from clients (a service can let them supply servers), so lookups run on a pool of their own,
 * never on the loops or the callback pool: a few threads, a bounded queue that refuses rather than waits, and a
 * deadline on the engine's clock after which the server is given up, as a browser gives up an unresolvable one.
 * IP literals need no lookup and resolve at once.
 */
public final class IceServerNames implements AutoCloseable {
    /** How long one name may take before its server yields no candidate. */
    public static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(2);
    static final int THREADS = 2;
    static final int QUEUED_LOOKUPS = 256;
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final EngineResources engine;
    private final Lookup lookup;
    private final ThreadPoolExecutor lookups;

    /** The blocking name lookup; the JDK's resolver, or one that tests control. */
    @FunctionalInterface
    interface Lookup {
        InetAddress byName(String host) throws UnknownHostException;
    }

    IceServerNames(EngineResources engine, Lookup lookup) {
        this.engine = engine;
        this.lookup = lookup;
        this.lookups = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_LOOKUPS), task -> {
                    Thread thread = new Thread(task, "jrtc-dns");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        lookups.allowCoreThreadTimeOut(true);
    }

    /** The engine's resolver, made on first use and closed with the engine. */
    public static IceServerNames of(EngineResources engine) {
        return engine.service(IceServerNames.class, () -> new IceServerNames(engine, InetAddress::getByName));
    }

    /**
     * The address of {@code host}: at once for an IP literal, else from a lookup that fails with
     * {@link UnknownHostException} when the name does not resolve, {@link TimeoutException} after
     * {@link #LOOKUP_TIMEOUT}, or {@link RejectedExecutionException} when too many lookups are waiting.
     */
    public CompletableFuture<InetAddress> resolve(String host) {
        if (isLiteral(host)) {
            try {
                return CompletableFuture.completedFuture(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<InetAddress> address = new CompletableFuture<>();
        try {
            lookups.execute(() -> lookUp(host, address));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
        engine.clock().schedule(LOOKUP_TIMEOUT.toNanos(), () -> address.completeExceptionally(
                new TimeoutException("no address for " + host + " within " + LOOKUP_TIMEOUT.toMillis() + " ms")));
        return address;
    }

    private void lookUp(String host, CompletableFuture<InetAddress> address) {
        if (address.isDone()) {
            return;
        }
        try {
            address.complete(lookup.byName(host));
        } catch (UnknownHostException | RuntimeException e) {
            address.completeExceptionally(e);
        }
    }

    /** Literals take the JDK's no-lookup path: dotted IPv4, or anything with a colon (IPv6, bracketed or not). */
    static boolean isLiteral(String host) {
        return IPV4_LITERAL.matcher(host).matches() || host.indexOf(':') >= 0;
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}

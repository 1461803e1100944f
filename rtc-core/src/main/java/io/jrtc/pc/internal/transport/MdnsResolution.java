package io.jrtc.pc.internal.transport;

import io.jrtc.ice.IceCandidate;
import io.jrtc.ice.IceCandidateType;
import io.jrtc.mdns.DnsName;
import io.jrtc.mdns.MdnsEvent;
import io.jrtc.mdns.MdnsNames;
import io.jrtc.mdns.MdnsResolver;
import io.jrtc.mdns.MdnsResponder;
import io.jrtc.net.EventLoops;
import io.jrtc.net.MdnsSocket;
import io.jrtc.pc.internal.loop.EngineResources;
import io.jrtc.pc.internal.loop.Pump;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The engine's one mDNS resolver and responder and their port-5353 socket, driven on one event loop like a
 * connection. The socket opens on the first resolve or the first name made; a resolve is answered by a future that
 * completes on this loop (callers hop to their own loop). Names that do not resolve, and every name still pending
 * when the engine closes, fail their futures with {@link UnknownHostException}.
 *
 * <p>When the engine hides host addresses, {@link #hide} gives each local address one random {@code <uuid>.local}
 * name for the engine's life (draft-ietf-mmusic-mdns-ice-candidates §3.1.1), which the responder answers for on
 * IPv4 and IPv6 until the engine closes and says goodbye (RFC 6762 §10.1).
 */
public final class MdnsResolution implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MdnsResolution.class.getName());

    private final EventLoops loops;
    private final Pump pump;
    private final Map<String, List<CompletableFuture<InetAddress>>> waiting = new HashMap<>();
    /** Our own names, one per address; written from any connection's loop, read by the responder's. */
    private final Map<InetAddress, String> ownNames = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final MdnsResponder responder = new MdnsResponder();
    private MdnsResolver resolver = new MdnsResolver();
    private MdnsSocket socket;
    private boolean opening;
    private boolean closed;

    /** The engine's resolver, made on first use. */
    public static MdnsResolution of(EngineResources engine) {
        return engine.service(MdnsResolution.class, () -> new MdnsResolution(engine));
    }

    private MdnsResolution(EngineResources engine) {
        this.loops = engine.loops();
        this.pump = new Pump(loops.next(), engine.clock());
        pump.add(new Pump.Stage() {
            @Override
            public boolean pump(long now) {
                return moveOutputs();
            }

            @Override
            public long deadline() {
                return Math.min(resolver.pollTimeout(), responder.pollTimeout());
            }

            @Override
            public void onTimeout(long now) {
                resolver.handleTimeout(now);
                responder.handleTimeout(now);
            }

            @Override
            public void settle() {
                if (socket != null) {
                    socket.flush();
                }
            }
        });
    }

    /** Resolves a {@code .local} name; never throws, a name that is not one fails the future. */
    public CompletableFuture<InetAddress> resolve(String name) {
        CompletableFuture<InetAddress> result = new CompletableFuture<>();
        try {
            pump.loop().execute(() -> resolveOnLoop(name, result));
        } catch (RejectedExecutionException loopGone) {
            result.completeExceptionally(unresolved(name, "the engine is closed"));
        }
        return result;
    }

    private void resolveOnLoop(String name, CompletableFuture<InetAddress> result) {
        if (closed) {
            result.completeExceptionally(unresolved(name, "the engine is closed"));
            return;
        }
        try {
            resolver.resolve(pump.now(), name);
        } catch (IllegalArgumentException notLocal) {
            result.completeExceptionally(unresolved(name, notLocal.getMessage()));
            return;
        }
        // A cached answer is only an event so far: it completes this future when the pump drains it.
        waiting.computeIfAbsent(DnsName.normalize(name), k -> new ArrayList<>()).add(result);
        openSocket();
        pump.run();
    }

    /**
     * The candidate as we signal it when hiding host addresses (draft-ietf-mmusic-mdns-ice-candidates §3.1.1,
     * §3.1.2): a host candidate's address becomes the address's {@code .local} name, and a server-reflexive
     * candidate's related address 0.0.0.0 with port 0, so that it does not give the host address away either.
     * Other candidates, and a host candidate whose address is not an IP literal, are returned as they are.
     */
    public IceCandidate hide(IceCandidate candidate) {
        if (candidate.type() == IceCandidateType.SRFLX && candidate.relatedAddress() != null) {
            return new IceCandidate(candidate.foundation(), candidate.component(), candidate.protocol(),
                    candidate.priority(), candidate.address(), candidate.port(), candidate.type(), "0.0.0.0", 0,
                    candidate.tcpType());
        }
        InetAddress address = candidate.type() == IceCandidateType.HOST ? literal(candidate.address()) : null;
        if (address == null) {
            return candidate;
        }
        String name = nameFor(address);
        return new IceCandidate(candidate.foundation(), candidate.component(), candidate.protocol(),
                candidate.priority(), name, candidate.port(), candidate.type(), candidate.relatedAddress(),
                candidate.relatedPort(), candidate.tcpType());
    }

    /** The address of an IP literal, or null for anything else (never a DNS lookup). */
    private static InetAddress literal(String text) {
        if (!text.matches("[0-9A-Fa-f:.]+") || !(text.contains(":") || text.matches("[0-9.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }

    /** The {@code .local} name of one of our addresses, made and answered for on first use; any thread. */
    public String nameFor(InetAddress address) {
        return ownNames.computeIfAbsent(address, key -> {
            String name = MdnsNames.random(random);
            try {
                pump.loop().execute(() -> register(name, key));
            } catch (RejectedExecutionException loopGone) {
                // the engine is closing: the name is never answered for, as no connection will use it
            }
            return name;
        });
    }

    private void register(String name, InetAddress address) {
        if (closed) {
            return;
        }
        responder.register(pump.now(), name, address);
        openSocket();
        pump.run();
    }

    private void openSocket() {
        if (socket != null || opening) {
            return;
        }
        opening = true;
        MdnsSocket.open(loops, pump.loop(), (sender, data, length) -> {
            long now = pump.now();
            resolver.handleReceive(now, data, 0, length);
            responder.handleReceive(now, sender, data, 0, length);
            pump.run();
        }).whenComplete((opened, failure) -> {
            try {
                pump.loop().execute(() -> onOpened(opened, failure));
            } catch (RejectedExecutionException loopGone) {
                if (opened != null) {
                    opened.close();
                }
            }
        });
    }

    private void onOpened(MdnsSocket opened, Throwable failure) {
        opening = false;
        if (closed) {
            if (opened != null) {
                opened.close();
            }
            return;
        }
        if (failure != null) {
            LOG.log(Level.DEBUG, () -> "cannot open the mDNS port: " + failure.getMessage());
            // Fail what waits; the next resolve tries to open the port again.
            resolver = new MdnsResolver();
            failAll("cannot open the mDNS port: " + failure.getMessage());
            return;
        }
        socket = opened;
        pump.run();
    }

    private boolean moveOutputs() {
        boolean moved = false;
        if (socket != null) {
            for (byte[] query = resolver.pollTransmit(); query != null; query = resolver.pollTransmit()) {
                socket.send(query);
                moved = true;
            }
            for (MdnsResponder.Transmit answer = responder.pollTransmit(); answer != null;
                 answer = responder.pollTransmit()) {
                if (answer.multicast()) {
                    socket.send(answer.data());
                } else {
                    socket.sendTo(answer.destination(), answer.data());
                }
                moved = true;
            }
        }
        for (MdnsEvent event = resolver.pollEvent(); event != null; event = resolver.pollEvent()) {
            moved = true;
            if (event instanceof MdnsEvent.Resolved resolved) {
                complete(resolved.name(), resolved.address(), null);
            } else if (event instanceof MdnsEvent.Failed failed) {
                LOG.log(Level.DEBUG, () -> "mDNS name did not resolve: " + failed.name());
                complete(failed.name(), null, unresolved(failed.name(), "no mDNS response"));
            }
        }
        return moved;
    }

    private void complete(String key, InetAddress address, UnknownHostException failure) {
        List<CompletableFuture<InetAddress>> futures = waiting.remove(key);
        if (futures == null) {
            return;
        }
        for (CompletableFuture<InetAddress> future : futures) {
            if (failure == null) {
                future.complete(address);
            } else {
                future.completeExceptionally(failure);
            }
        }
    }

    private void failAll(String reason) {
        for (String key : List.copyOf(waiting.keySet())) {
            complete(key, null, unresolved(key, reason));
        }
    }

    private static UnknownHostException unresolved(String name, String reason) {
        return new UnknownHostException(name + ": " + reason);
    }

    /** Closes the socket and fails what is pending; waits briefly for the loop to do it. */
    @Override
    public void close() {
        try {
            pump.loop().submit(() -> {
                closed = true;
                ownNames.values().forEach(responder::unregister);
                if (socket != null) {
                    moveOutputs();
                    socket.flush();
                }
                pump.close();
                if (socket != null) {
                    socket.close();
                }
                failAll("the engine is closed");
            }).await(2, TimeUnit.SECONDS);
        } catch (RejectedExecutionException | InterruptedException loopGone) {
            if (loopGone instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.jrtc.pc.internal.transport;

import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.internal.loop.ConnectionContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A connection's ICE servers with their names resolved, before it gathers. */
final class IceServerResolution {
    private IceServerResolution() {
    }

    /** The configured servers with their names resolved. */
    record Servers(List<InetSocketAddress> stun, List<TurnRelays.Server> turn) {
    }

    /**
     * STUN servers ({@code stun:}) and TURN servers over UDP, TCP or TLS ({@code turn:},
     * {@code turn:...?transport=tcp}, {@code turns:}), with their names resolved by the engine's
     * {@link IceServerNames}; a server whose name does not resolve in time yields no candidate, as in browsers.
     */
    static CompletableFuture<Servers> resolve(ConnectionContext context, List<RTCIceServer> iceServers) {
        List<IceServerUrl> urls = new ArrayList<>();
        List<RTCIceServer> owners = new ArrayList<>();
        List<CompletableFuture<InetAddress>> addresses = new ArrayList<>();
        for (RTCIceServer server : iceServers) {
            for (String url : server.urls()) {
                IceServerUrl parsed = IceServerUrl.parse(url);
                if (parsed.scheme().equals("stun") || parsed.turnTransport() != null) {
                    urls.add(parsed);
                    owners.add(server);
                    addresses.add(IceServerNames.of(context.engine()).resolve(parsed.host())
                            .exceptionally(unresolved -> null));
                }
            }
        }
        return CompletableFuture.allOf(addresses.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<InetSocketAddress> stun = new ArrayList<>();
            List<TurnRelays.Server> turn = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                InetAddress address = addresses.get(i).join();
                if (address == null) {
                    continue;
                }
                IceServerUrl url = urls.get(i);
                InetSocketAddress resolved = new InetSocketAddress(address, url.port());
                if (url.turnTransport() != null) {
                    RTCIceServer owner = owners.get(i);
                    turn.add(new TurnRelays.Server(resolved, owner.username(), owner.credential(),
                            url.turnTransport(), url.host()));
                } else {
                    stun.add(resolved);
                }
            }
            return new Servers(stun, turn);
        });
    }
}

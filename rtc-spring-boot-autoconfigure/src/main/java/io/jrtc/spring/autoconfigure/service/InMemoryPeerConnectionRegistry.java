package io.jrtc.spring.autoconfigure.service;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link PeerConnectionRegistry}: a concurrent map in this JVM, one instance per bean. */
public class InMemoryPeerConnectionRegistry implements PeerConnectionRegistry {
    private final Map<String, ManagedPeerConnection> connections = new ConcurrentHashMap<>();

    @Override
    public void register(ManagedPeerConnection connection) {
        ManagedPeerConnection previous = connections.putIfAbsent(connection.id(), connection);
        if (previous != null) {
            throw new IllegalStateException("Peer connection " + connection.id() + " is already registered");
        }
    }

    @Override
    public Optional<ManagedPeerConnection> find(String id) {
        return Optional.ofNullable(connections.get(id));
    }

    @Override
    public Optional<ManagedPeerConnection> remove(String id) {
        return Optional.ofNullable(connections.remove(id));
    }

    @Override
    public Collection<ManagedPeerConnection> all() {
        return connections.values().stream()
                .sorted(java.util.Comparator.comparing(ManagedPeerConnection::createdAt)
                        .thenComparing(ManagedPeerConnection::id))
                .toList();
    }

    @Override
    public int size() {
        return connections.size();
    }
}

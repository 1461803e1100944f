package io.jrtc.spring.autoconfigure.service;

import java.util.Collection;
import java.util.Optional;

/**
 * Where the open peer connections of this node are kept, by id.
 *
 * <p>A peer connection's sockets and keys live on the node that created it, so the registry holds local handles.
 * A distributed implementation replaces this bean to also publish which node owns which id (for routing signalling
 * requests to the owner, or a cluster-wide count) while keeping {@link #find} for the local handles; nothing in the
 * service holds connections anywhere else. Implementations must be thread-safe.
 */
public interface PeerConnectionRegistry {

    /** Adds a newly created connection; its id is not yet registered. */
    void register(ManagedPeerConnection connection);

    Optional<ManagedPeerConnection> find(String id);

    /** Removes the connection and returns it, or empty when it was not (or no longer) registered. */
    Optional<ManagedPeerConnection> remove(String id);

    /** A snapshot of the registered connections, in creation order where the implementation knows it. */
    Collection<ManagedPeerConnection> all();

    int size();
}

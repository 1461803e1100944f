package io.jrtc.ice;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.StunRetransmissionPolicy;
import io.jrtc.stun.StunTransaction;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Server-reflexive candidates (RFC 8445 §5.1.1.2): a plain Binding request from each socket to each STUN server of
 * the same address family; the XOR-MAPPED-ADDRESS of the answer is the candidate.
 */
final class ServerReflexiveGatherer {
    private static final System.Logger LOG = System.getLogger(ServerReflexiveGatherer.class.getName());
    /** Short enough that gathering ends in about 5.5 s when a server is unreachable. */
    static final StunRetransmissionPolicy POLICY = new StunRetransmissionPolicy(
            TimeUnit.MILLISECONDS.toNanos(500), TimeUnit.SECONDS.toNanos(2), 4, 4);

    private record Query(LocalCandidates.HostSocket socket, InetSocketAddress server, StunTransaction transaction) {
    }

    private final Outbox outbox;
    private final Map<ByteBuffer, Query> queries = new HashMap<>();

    ServerReflexiveGatherer(Outbox outbox) {
        this.outbox = outbox;
    }

    void start(long now, LocalCandidates.HostSocket socket, List<InetSocketAddress> servers) {
        for (InetSocketAddress server : servers) {
            if (server.getAddress() == null || !socket.sameFamily(server.getAddress())) {
                continue;
            }
            byte[] tid = outbox.newTransactionId();
            byte[] request = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, tid, List.of()).encode(null, true);
            StunTransaction t = new StunTransaction(tid, request, POLICY);
            queries.put(Outbox.key(tid), new Query(socket, server, t));
            outbox.send(socket.socketId(), server, t.start(now));
        }
    }

    /** Takes a response if it answers one of our queries; returns whether it did. */
    boolean handleResponse(int socketId, InetSocketAddress from, StunMessage response, LocalCandidates locals) {
        Query q = queries.get(Outbox.key(response.transactionId()));
        if (q == null || q.socket().socketId() != socketId || !q.server().equals(from)) {
            return false;
        }
        queries.remove(Outbox.key(response.transactionId()));
        q.transaction().complete();
        InetSocketAddress mapped = response.xorMappedAddress();
        if (mapped == null) {
            mapped = response.mappedAddress();
        }
        if (response.messageClass() != StunClass.SUCCESS_RESPONSE || mapped == null) {
            LOG.log(System.Logger.Level.DEBUG, "STUN server {0} gave no mapped address", from);
            return true;
        }
        IceCandidate c = locals.addServerReflexive(q.socket(), mapped, q.server());
        if (c != null) {
            outbox.emit(new IceEvent.CandidateGathered(c));
        }
        return true;
    }

    void handleTimeout(long now) {
        for (Query q : new ArrayList<>(queries.values())) {
            byte[] again = q.transaction().handleTimeout(now);
            if (again != null) {
                outbox.send(q.socket().socketId(), q.server(), again);
            } else if (!q.transaction().isPending()) {
                LOG.log(System.Logger.Level.DEBUG, "STUN server {0} did not answer", q.server());
                queries.remove(Outbox.key(q.transaction().transactionId()));
            }
        }
    }

    long deadline() {
        long d = Long.MAX_VALUE;
        for (Query q : queries.values()) {
            d = Math.min(d, q.transaction().deadline());
        }
        return d;
    }

    boolean isIdle() {
        return queries.isEmpty();
    }

    void clear() {
        queries.clear();
    }
}

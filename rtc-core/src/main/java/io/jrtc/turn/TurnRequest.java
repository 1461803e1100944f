package io.jrtc.turn;

import io.jrtc.stun.StunAttribute;
import io.jrtc.stun.StunTransaction;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * One request of the TURN client in flight: what it is for, its attributes before authentication (so it can be
 * re-sent with a new nonce under a new transaction id), its transaction, and how often it was retried after 401
 * and 438.
 */
final class TurnRequest {
    enum Kind { ALLOCATE, REFRESH, DEALLOCATE, CREATE_PERMISSION, CHANNEL_BIND }

    final Kind kind;
    final int method;
    final List<StunAttribute> attributes;
    final InetAddress permissionPeer;
    final Channel channel;
    final int unauthorizedRetries;
    final int staleNonceRetries;
    StunTransaction transaction;
    boolean authenticated;

    TurnRequest(Kind kind, int method, List<StunAttribute> attributes, InetAddress permissionPeer, Channel channel,
            int unauthorizedRetries, int staleNonceRetries) {
        this.kind = kind;
        this.method = method;
        this.attributes = List.copyOf(attributes);
        this.permissionPeer = permissionPeer;
        this.channel = channel;
        this.unauthorizedRetries = unauthorizedRetries;
        this.staleNonceRetries = staleNonceRetries;
    }

    TurnRequest retryAfterUnauthorized() {
        return new TurnRequest(kind, method, attributes, permissionPeer, channel, unauthorizedRetries + 1,
                staleNonceRetries);
    }

    TurnRequest retryAfterStaleNonce() {
        return new TurnRequest(kind, method, attributes, permissionPeer, channel, unauthorizedRetries,
                staleNonceRetries + 1);
    }

    /** A channel binding this client asked for: confirmed once the server answered ChannelBind with success. */
    static final class Channel {
        final int number;
        final InetSocketAddress peer;
        boolean confirmed;
        boolean refreshing;
        long refreshAt = Long.MAX_VALUE;

        Channel(int number, InetSocketAddress peer) {
            this.number = number;
            this.peer = peer;
        }
    }

    /** A permission for one peer IP: pending until the server confirmed it, then refreshed on a timer. */
    static final class Permission {
        boolean installed;
        boolean refreshing;
        long refreshAt = Long.MAX_VALUE;
    }
}

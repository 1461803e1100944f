package io.jrtc.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What a {@link TurnClient} reports to its owner. An error code of {@link #NO_RESPONSE} means the server was
 * silent.
 */
public sealed interface TurnEvent {
    /** Error code of failures where the server sent no error response: the transaction timed out. */
    int NO_RESPONSE = 0;

    /** The allocation exists (RFC 8656 §7.3): its relayed address, our server-reflexive address and lifetime. */
    record Allocated(InetSocketAddress relayedAddress, InetSocketAddress mappedAddress, long lifetimeSeconds)
            implements TurnEvent {
        public Allocated {
            Objects.requireNonNull(relayedAddress, "relayedAddress");
        }
    }

    /** A Refresh succeeded (RFC 8656 §8): the allocation now lives this long. */
    record Refreshed(long lifetimeSeconds) implements TurnEvent {
    }

    /** The server installed a permission for this peer IP (RFC 8656 §9). Refreshes are not reported. */
    record PermissionCreated(InetAddress peer) implements TurnEvent {
    }

    /** CreatePermission for this peer failed or went unanswered; the permission is forgotten. */
    record PermissionFailed(InetAddress peer, int errorCode, String reason) implements TurnEvent {
    }

    /** The server bound this channel to the peer (RFC 8656 §12); sends to the peer now use ChannelData. */
    record ChannelBound(InetSocketAddress peer, int channelNumber) implements TurnEvent {
    }

    /** ChannelBind failed or went unanswered; the channel is forgotten. */
    record ChannelBindFailed(InetSocketAddress peer, int channelNumber, int errorCode, String reason)
            implements TurnEvent {
    }

    /** A peer sent data to the relayed address, received in a Data indication or ChannelData. */
    record DataReceived(InetSocketAddress peer, byte[] data) implements TurnEvent {
    }

    /** The allocation could not be made or kept; the client is finished. */
    record Failed(int errorCode, String reason) implements TurnEvent {
    }

    /** The allocation was deleted after {@link TurnClient#close}, or never made; the client is finished. */
    record Closed() implements TurnEvent {
    }
}

package io.jrtc.pc.internal.transport;

import io.jrtc.ice.IceAgent;
import io.jrtc.rtp.MultiplexedPacketKind;
import java.net.InetSocketAddress;

/**
 * The one place where a datagram of a connection's 5-tuple is told apart by its first byte (RFC 7983 §7, through
 * {@link MultiplexedPacketKind}). Every receive path, host sockets and TURN relays alike, ends here: STUN goes to
 * the ICE agent; anything else counts as traffic on its path (what consent freshness may rely on, RFC 7675 §5.1),
 * then DTLS goes to the DTLS transport and SRTP/SRTCP to the media side; ZRTP, TURN channel numbers inside a
 * relayed payload and unknown bytes are dropped. Lives on the connection's loop.
 */
public final class PacketDemultiplexer {
    /** Takes one datagram of the kind it was registered for; on the loop, the array is the caller's. */
    public interface Receiver {
        void onDatagram(byte[] data, int length);
    }

    /** Takes one datagram with the path it came by (local socket, sender); on the loop, the array is the caller's. */
    public interface PathReceiver {
        void onDatagram(int socketId, InetSocketAddress sender, byte[] data, int length);
    }

    private static final Receiver DROP = (data, length) -> { };

    private final IceAgent agent;
    private PathReceiver dtls = (socketId, sender, data, length) -> { };
    private Receiver media = DROP;
    private volatile long packetsReceived;
    private volatile long bytesReceived;
    private long dropped;

    PacketDemultiplexer(IceAgent agent) {
        this.agent = agent;
    }

    /** Whether a datagram is STUN (RFC 7983: first byte 0..3). */
    public static boolean isStun(byte[] data, int offset, int length) {
        return MultiplexedPacketKind.classify(data, offset, length) == MultiplexedPacketKind.STUN;
    }

    /** Where DTLS records (first byte 20..63) go, with their path, for the DTLS transport to check. */
    public void setDtlsReceiver(PathReceiver receiver) {
        this.dtls = receiver;
    }

    /** Where SRTP and SRTCP packets (first byte 128..191) go. */
    public void setMediaReceiver(Receiver receiver) {
        this.media = receiver;
    }

    /** One datagram from {@code sender} on the local socket {@code socketId} (host or relayed); on the loop. */
    void dispatch(long now, int socketId, InetSocketAddress sender, byte[] data, int length) {
        if (length == 0) {
            return;
        }
        MultiplexedPacketKind kind = MultiplexedPacketKind.classify(data, 0, length);
        if (kind == MultiplexedPacketKind.STUN) {
            agent.handleReceive(now, socketId, sender, data, 0, length);
            return;
        }
        agent.noteTrafficReceived(now, socketId, sender);
        packetsReceived++;
        bytesReceived += length;
        switch (kind) {
            case DTLS -> dtls.onDatagram(socketId, sender, data, length);
            case RTP, RTCP -> media.onDatagram(data, length);
            default -> dropped++;
        }
    }

    /** Datagrams other than STUN received on any path: what the transport stats count. */
    public long packetsReceived() {
        return packetsReceived;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    /** Datagrams of no kind this stack speaks (ZRTP, unknown first bytes). */
    public long droppedDatagrams() {
        return dropped;
    }
}

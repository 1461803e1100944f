package io.jrtc.net;

import io.jrtc.ice.Rfc4571Framer;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An active ICE-TCP candidate (RFC 6544 §5.1) as a datagram endpoint: the first packet to a peer's passive candidate
 * opens a stream there (RFC 4571 framing), later ones go on it, and what the peer sends back arrives as from that
 * address. Packets queued while the stream connects go out once it is up; a stream that cannot be opened drops them,
 * as a lost datagram, and the check that wanted it times out. Everything runs on the connection's loop.
 */
public final class ActiveTcpEndpoint implements DatagramEndpoint {
    /** The port an active candidate is signalled with (RFC 6544 §4.5: the discard port, it is never connected to). */
    public static final int DISCARD_PORT = 9;
    /** Streams one connection opens at most: one per remote passive candidate, far fewer than ICE pairs. */
    static final int MAX_STREAMS = 16;
    /** Packets held per stream while it connects. */
    static final int MAX_QUEUED = 32;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final EventLoops loops;
    private final EventLoop loop;
    private final InetSocketAddress localAddress;
    private final DatagramReceiver receiver;
    private final Map<InetSocketAddress, Stream> streams = new HashMap<>();
    private boolean open = true;

    private final class Stream implements TcpStreamSocket.StreamReceiver {
        final InetSocketAddress remote;
        final Rfc4571Framer framer = new Rfc4571Framer();
        List<byte[]> queued = new ArrayList<>();
        TcpStreamSocket socket;

        Stream(InetSocketAddress remote) {
            this.remote = remote;
        }

        @Override
        public void onBytes(TcpStreamSocket s, byte[] data, int offset, int length) {
            framer.feed(data, offset, length);
            for (byte[] packet = framer.next(); packet != null; packet = framer.next()) {
                if (open && packet.length > 0) {
                    receiver.onDatagram(ActiveTcpEndpoint.this, remote, packet, packet.length);
                }
            }
        }

        @Override
        public void onReadComplete(TcpStreamSocket s) {
            if (open) {
                receiver.onReadComplete(ActiveTcpEndpoint.this);
            }
        }

        @Override
        public void onClosed(TcpStreamSocket s, Throwable cause) {
            streams.remove(remote, this);
        }
    }

    /** An active candidate on {@code address} for the connection on {@code loop}. */
    public ActiveTcpEndpoint(EventLoops loops, EventLoop loop, InetAddress address, DatagramReceiver receiver) {
        this.loops = loops;
        this.loop = loop;
        this.localAddress = new InetSocketAddress(address, DISCARD_PORT);
        this.receiver = receiver;
    }

    /** Streams open or connecting now. */
    public int streamCount() {
        return streams.size();
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public void send(InetSocketAddress destination, byte[] data, int offset, int length) {
        if (!open || length > Rfc4571Framer.MAX_PACKET) {
            return;
        }
        byte[] framed = Rfc4571Framer.frame(data, offset, length);
        Stream stream = streams.get(destination);
        if (stream == null) {
            if (streams.size() >= MAX_STREAMS) {
                return;
            }
            stream = connect(destination);
        }
        if (stream.socket != null) {
            stream.socket.write(framed, 0, framed.length);
        } else if (stream.queued.size() < MAX_QUEUED) {
            stream.queued.add(framed);
        }
    }

    private Stream connect(InetSocketAddress destination) {
        Stream stream = new Stream(destination);
        streams.put(destination, stream);
        TcpStreamSocket.connect(loops, loop, destination, null, CONNECT_TIMEOUT, stream)
                .whenComplete((socket, failure) -> {
                    if (failure != null || !open || streams.get(destination) != stream) {
                        streams.remove(destination, stream);
                        if (socket != null) {
                            socket.close();
                        }
                        return;
                    }
                    stream.socket = socket;
                    for (byte[] framed : stream.queued) {
                        socket.write(framed, 0, framed.length);
                    }
                    stream.queued = List.of();
                    socket.flush();
                });
        return stream;
    }

    @Override
    public void flush() {
        for (Stream stream : streams.values()) {
            if (stream.socket != null) {
                stream.socket.flush();
            }
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        for (Stream stream : List.copyOf(streams.values())) {
            if (stream.socket != null) {
                stream.socket.close();
            }
        }
        streams.clear();
    }
}

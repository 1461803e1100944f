package io.jrtc.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The multicast DNS port (RFC 6762 §3, §5.2): one UDP socket per usable IPv4 interface, each bound to
 * 0.0.0.0:5353 with address and port reuse (browsers and system responders listen there too), joined to
 * 224.0.0.251 on its interface and sending there with TTL 255 (RFC 6762 §11). Browsers answer only queries sent
 * from port 5353, with a multicast response, which is why this is not an ephemeral-port socket. IPv6 (FF02::FB)
 * is not served.
 */
public final class MdnsSocket implements AutoCloseable {
    public static final int PORT = 5353;
    public static final InetSocketAddress GROUP = new InetSocketAddress(ipv4Group(), PORT);
    private static final int MAX_DATAGRAM = 9000;

    /** Receives each datagram on the socket's loop; {@code data} is reused after the call returns. */
    @FunctionalInterface
    public interface Receiver {
        void onDatagram(InetSocketAddress sender, byte[] data, int length);
    }

    /** What {@link #selectInterfaces} needs to know of a network interface. */
    record InterfaceFacts(String name, boolean up, boolean loopback, boolean multicast, boolean hasIpv4) {
    }

    private final List<Channel> channels;
    private final List<String> interfaceNames;

    private MdnsSocket(List<Channel> channels, List<String> interfaceNames) {
        this.channels = channels;
        this.interfaceNames = interfaceNames;
    }

    /**
     * Opens a socket on every interface {@link #selectInterfaces} picks, on {@code loop}. Fails when none can be
     * opened; interfaces that fail are left out.
     */
    public static CompletableFuture<MdnsSocket> open(EventLoops loops, EventLoop loop, Receiver receiver) {
        CompletableFuture<MdnsSocket> result = new CompletableFuture<>();
        List<NetworkInterface> interfaces;
        try {
            interfaces = usableInterfaces();
        } catch (SocketException e) {
            result.completeExceptionally(e);
            return result;
        }
        if (interfaces.isEmpty()) {
            result.completeExceptionally(new IOException("no up, multicast-capable IPv4 interface for mDNS"));
            return result;
        }
        List<Channel> opened = Collections.synchronizedList(new ArrayList<>());
        List<String> names = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger outstanding = new AtomicInteger(interfaces.size());
        for (NetworkInterface nif : interfaces) {
            openOn(loops, loop, nif, receiver).whenComplete((channel, failure) -> {
                if (failure == null) {
                    opened.add(channel);
                    names.add(nif.getName());
                } else {
                    failures.add(failure);
                }
                if (outstanding.decrementAndGet() == 0) {
                    finish(result, opened, names, failures);
                }
            });
        }
        return result;
    }

    private static void finish(CompletableFuture<MdnsSocket> result, List<Channel> opened, List<String> names,
                               List<Throwable> failures) {
        if (opened.isEmpty()) {
            IOException failure = new IOException("cannot open the mDNS port " + PORT + " on any interface");
            failures.forEach(failure::addSuppressed);
            result.completeExceptionally(failure);
        } else {
            result.complete(new MdnsSocket(List.copyOf(opened), List.copyOf(names)));
        }
    }

    private static CompletableFuture<Channel> openOn(EventLoops loops, EventLoop loop, NetworkInterface nif,
                                                     Receiver receiver) {
        CompletableFuture<Channel> result = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(loops.datagramChannelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.IP_MULTICAST_TTL, 255)
                .option(ChannelOption.IP_MULTICAST_IF, nif)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .handler(new Inbound(receiver));
        if (loops.isEpoll()) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        bootstrap.bind(new InetSocketAddress(PORT)).addListener((ChannelFuture bound) -> {
            if (!bound.isSuccess()) {
                result.completeExceptionally(bound.cause());
                return;
            }
            DatagramChannel channel = (DatagramChannel) bound.channel();
            channel.joinGroup(GROUP, nif).addListener((ChannelFuture joined) -> {
                if (joined.isSuccess()) {
                    result.complete(channel);
                } else {
                    channel.close();
                    result.completeExceptionally(joined.cause());
                }
            });
        });
        return result;
    }

    private static List<NetworkInterface> usableInterfaces() throws SocketException {
        List<InterfaceFacts> facts = new ArrayList<>();
        List<NetworkInterface> all = Collections.list(NetworkInterface.getNetworkInterfaces());
        for (NetworkInterface nif : all) {
            boolean ipv4 = Collections.list(nif.getInetAddresses()).stream().anyMatch(a -> a instanceof Inet4Address);
            facts.add(new InterfaceFacts(nif.getName(), nif.isUp(), nif.isLoopback(), nif.supportsMulticast(), ipv4));
        }
        List<String> chosen = selectInterfaces(facts);
        return all.stream().filter(nif -> chosen.contains(nif.getName())).toList();
    }

    /**
     * The interfaces to query on: every up, multicast-capable interface with an IPv4 address, loopback only when
     * there is no other, since peers on other hosts (and browsers, which do not offer loopback candidates) are
     * reached through the real interfaces, while a host with nothing but loopback may still have a responder there.
     */
    static List<String> selectInterfaces(List<InterfaceFacts> interfaces) {
        List<String> external = new ArrayList<>();
        List<String> loopback = new ArrayList<>();
        for (InterfaceFacts nif : interfaces) {
            if (nif.up() && nif.multicast() && nif.hasIpv4()) {
                (nif.loopback() ? loopback : external).add(nif.name());
            }
        }
        return external.isEmpty() ? loopback : external;
    }

    /** Names of the interfaces this socket queries on. */
    public List<String> interfaceNames() {
        return interfaceNames;
    }

    /** Multicasts {@code data} to 224.0.0.251:5353 on every interface; call on the socket's loop. */
    public void send(byte[] data) {
        for (Channel channel : channels) {
            if (channel.isActive()) {
                ByteBuf copy = Unpooled.wrappedBuffer(data);
                channel.write(new DatagramPacket(copy, GROUP));
            }
        }
    }

    public void flush() {
        for (Channel channel : channels) {
            channel.flush();
        }
    }

    public boolean isOpen() {
        return channels.stream().anyMatch(Channel::isOpen);
    }

    @Override
    public void close() {
        for (Channel channel : channels) {
            channel.close();
        }
    }

    private static InetAddress ipv4Group() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 224, 0, 0, (byte) 251});
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Receiver receiver;
        private final byte[] buffer = new byte[MAX_DATAGRAM];

        Inbound(Receiver receiver) {
            this.receiver = receiver;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            int length = Math.min(content.readableBytes(), buffer.length);
            content.getBytes(content.readerIndex(), buffer, 0, length);
            receiver.onDatagram(packet.sender(), buffer, length);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP errors and the like surface here; the socket keeps serving.
        }
    }
}

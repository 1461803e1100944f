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
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
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
 * The multicast DNS port (RFC 6762 §3, §5.2, §6): on every usable interface one UDP socket for IPv4, joined to
 * 224.0.0.251, and one for IPv6 where the interface has an IPv6 address, joined to FF02::FB (RFC 6762 §3), each
 * bound to port 5353 with address and port reuse (browsers and system responders listen there too) and sending
 * to its group on its own interface with TTL / hop limit 255 (RFC 6762 §11). Browsers answer only queries sent
 * from port 5353, with a multicast response, which is why this is not an ephemeral-port socket. A responder's
 * answers to legacy unicast queries (RFC 6762 §6.7) go out with {@link #sendTo}.
 */
public final class MdnsSocket implements AutoCloseable {
    public static final int PORT = 5353;
    public static final InetSocketAddress GROUP = new InetSocketAddress(group(224, 0, 0, 251), PORT);
    /** FF02::FB, the link-local IPv6 group (RFC 6762 §3); scoped to each interface when sent to. */
    static final InetAddress IPV6_GROUP = group(0xFF, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFB);
    private static final int MAX_DATAGRAM = 9000;

    /** Receives each datagram on the socket's loop; {@code data} is reused after the call returns. */
    @FunctionalInterface
    public interface Receiver {
        void onDatagram(InetSocketAddress sender, byte[] data, int length);
    }

    /** What {@link #selectInterfaces} needs to know of a network interface. */
    record InterfaceFacts(String name, boolean up, boolean loopback, boolean multicast, boolean hasIpv4,
                          boolean hasIpv6) {
    }

    /** One socket: its interface, and the group it joined there, scoped to the interface for IPv6. */
    private record Membership(NetworkInterface nif, boolean ipv6, InetSocketAddress group) {
    }

    /** One open socket and where it multicasts to. */
    private record Joined(Channel channel, InetSocketAddress group) {
    }

    private final List<Joined> channels;
    private final List<String> interfaceNames;

    private MdnsSocket(List<Joined> channels, List<String> interfaceNames) {
        this.channels = channels;
        this.interfaceNames = interfaceNames;
    }

    /**
     * Opens the sockets {@link #selectInterfaces} picks, on {@code loop}. Fails when none can be opened; sockets
     * that fail are left out.
     */
    public static CompletableFuture<MdnsSocket> open(EventLoops loops, EventLoop loop, Receiver receiver) {
        CompletableFuture<MdnsSocket> result = new CompletableFuture<>();
        List<Membership> memberships;
        try {
            memberships = usableMemberships();
        } catch (SocketException e) {
            result.completeExceptionally(e);
            return result;
        }
        if (memberships.isEmpty()) {
            result.completeExceptionally(new IOException("no up, multicast-capable interface for mDNS"));
            return result;
        }
        List<Joined> opened = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger outstanding = new AtomicInteger(memberships.size());
        for (Membership membership : memberships) {
            openOn(loops, loop, membership, receiver).whenComplete((channel, failure) -> {
                if (failure == null) {
                    opened.add(new Joined(channel, membership.group()));
                } else {
                    failures.add(failure);
                }
                if (outstanding.decrementAndGet() == 0) {
                    finish(result, memberships, opened, failures);
                }
            });
        }
        return result;
    }

    private static void finish(CompletableFuture<MdnsSocket> result, List<Membership> memberships,
                               List<Joined> opened, List<Throwable> failures) {
        if (opened.isEmpty()) {
            IOException failure = new IOException("cannot open the mDNS port " + PORT + " on any interface");
            failures.forEach(failure::addSuppressed);
            result.completeExceptionally(failure);
            return;
        }
        List<String> names = memberships.stream().map(m -> m.nif().getName()).distinct().toList();
        result.complete(new MdnsSocket(List.copyOf(opened), names));
    }

    private static CompletableFuture<Channel> openOn(EventLoops loops, EventLoop loop, Membership membership,
                                                     Receiver receiver) {
        CompletableFuture<Channel> result = new CompletableFuture<>();
        SocketProtocolFamily family = membership.ipv6() ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(() -> loops.isEpoll() ? new EpollDatagramChannel(family)
                        : new NioDatagramChannel(family))
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.IP_MULTICAST_TTL, 255)
                .option(ChannelOption.IP_MULTICAST_IF, membership.nif())
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .handler(new Inbound(receiver));
        if (loops.isEpoll()) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        InetSocketAddress wildcard = membership.ipv6()
                ? new InetSocketAddress(group(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), PORT)
                : new InetSocketAddress(group(0, 0, 0, 0), PORT);
        bootstrap.bind(wildcard).addListener((ChannelFuture bound) -> {
            if (!bound.isSuccess()) {
                result.completeExceptionally(bound.cause());
                return;
            }
            DatagramChannel channel = (DatagramChannel) bound.channel();
            channel.joinGroup(membership.group(), membership.nif()).addListener((ChannelFuture joined) -> {
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

    private static List<Membership> usableMemberships() throws SocketException {
        List<InterfaceFacts> facts = new ArrayList<>();
        List<NetworkInterface> all = Collections.list(NetworkInterface.getNetworkInterfaces());
        for (NetworkInterface nif : all) {
            List<InetAddress> addresses = Collections.list(nif.getInetAddresses());
            facts.add(new InterfaceFacts(nif.getName(), nif.isUp(), nif.isLoopback(), nif.supportsMulticast(),
                    addresses.stream().anyMatch(a -> a instanceof Inet4Address),
                    addresses.stream().anyMatch(a -> a instanceof Inet6Address)));
        }
        List<Membership> memberships = new ArrayList<>();
        for (NetworkInterface nif : all) {
            if (selectInterfaces(facts, false).contains(nif.getName())) {
                memberships.add(new Membership(nif, false, GROUP));
            }
            if (selectInterfaces(facts, true).contains(nif.getName())) {
                memberships.add(new Membership(nif, true, new InetSocketAddress(scoped(nif), PORT)));
            }
        }
        return memberships;
    }

    private static InetAddress scoped(NetworkInterface nif) throws SocketException {
        try {
            return Inet6Address.getByAddress(null, IPV6_GROUP.getAddress(), nif);
        } catch (java.net.UnknownHostException impossible) {
            throw new SocketException(impossible.getMessage());
        }
    }

    /**
     * The interfaces to use for one address family: every up, multicast-capable interface with an address of
     * that family, loopback only when there is no other, since peers on other hosts (and browsers, which do not
     * offer loopback candidates) are reached through the real interfaces, while a host with nothing but loopback
     * may still have a responder there.
     */
    static List<String> selectInterfaces(List<InterfaceFacts> interfaces, boolean ipv6) {
        List<String> external = new ArrayList<>();
        List<String> loopback = new ArrayList<>();
        for (InterfaceFacts nif : interfaces) {
            if (nif.up() && nif.multicast() && (ipv6 ? nif.hasIpv6() : nif.hasIpv4())) {
                (nif.loopback() ? loopback : external).add(nif.name());
            }
        }
        return external.isEmpty() ? loopback : external;
    }

    /** Names of the interfaces this socket queries on. */
    public List<String> interfaceNames() {
        return interfaceNames;
    }

    /** Multicasts {@code data} to 224.0.0.251:5353 and [FF02::FB]:5353 on every interface; on the socket's loop. */
    public void send(byte[] data) {
        for (Joined joined : channels) {
            if (joined.channel().isActive()) {
                joined.channel().write(new DatagramPacket(Unpooled.wrappedBuffer(data), joined.group()));
            }
        }
    }

    /** Sends {@code data} to one address (a legacy unicast answer, RFC 6762 §6.7); on the socket's loop. */
    public void sendTo(InetSocketAddress destination, byte[] data) {
        boolean ipv6 = destination.getAddress() instanceof Inet6Address;
        for (Joined joined : channels) {
            boolean channelIpv6 = joined.group().getAddress() instanceof Inet6Address;
            if (channelIpv6 == ipv6 && joined.channel().isActive()) {
                joined.channel().write(new DatagramPacket(Unpooled.wrappedBuffer(data), destination));
                return;
            }
        }
    }

    public void flush() {
        for (Joined joined : channels) {
            joined.channel().flush();
        }
    }

    public boolean isOpen() {
        return channels.stream().anyMatch(joined -> joined.channel().isOpen());
    }

    /** Whether a socket joined to FF02::FB is open. */
    public boolean servesIpv6() {
        return channels.stream().anyMatch(j -> j.group().getAddress() instanceof Inet6Address
                && j.channel().isOpen());
    }

    @Override
    public void close() {
        for (Joined joined : channels) {
            joined.channel().close();
        }
    }

    private static InetAddress group(int... octets) {
        byte[] bytes = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            bytes[i] = (byte) octets[i];
        }
        try {
            return InetAddress.getByAddress(bytes);
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

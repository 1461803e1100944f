package io.jrtc.netfault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The user-space half of an {@link ImpairedLink}, run in a JVM of its own inside the link's far network namespace
 * (the kernel there has no netem, so delay and reordering are done here). Two sockets, A and B: a datagram arriving
 * at one leaves from the other after the link's delay plus a random part of its jitter, towards the address the
 * other socket last heard from (as a NAT binding would). Each peer is told the other lives at one of the sockets.
 *
 * <p>Talks to its parent over standard input and output, one line each: it prints {@code ready} once running (so
 * the parent knows the namespace exists), binds on {@code go} and prints {@code ports <a> <b>}, answers
 * {@code stats} with {@code stats <forwarded> <reordered>}, and exits when its input ends.
 *
 * <p>Arguments: bind address, delay from A to B and from B to A in microseconds, jitter in microseconds, the
 * percentage of datagrams that get jitter, seed.
 */
public final class DelayRelay {
    private final DelayQueue<Held> held = new DelayQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong reordered = new AtomicLong();
    private final long[] delayNanos;
    private final long jitterNanos;
    private final int jitterPercent;
    private final SplittableRandom random;
    private final DatagramSocket a;
    private final DatagramSocket b;
    private volatile SocketAddress heardOnA;
    private volatile SocketAddress heardOnB;
    private final long[] highestSent = {-1, -1};

    private DelayRelay(InetAddress address, long[] delayMicros, long jitterMicros, int jitterPercent, long seed)
            throws IOException {
        this.jitterPercent = jitterPercent;
        this.delayNanos = new long[] {TimeUnit.MICROSECONDS.toNanos(delayMicros[0]),
                TimeUnit.MICROSECONDS.toNanos(delayMicros[1])};
        this.jitterNanos = TimeUnit.MICROSECONDS.toNanos(jitterMicros);
        this.random = new SplittableRandom(seed);
        this.a = new DatagramSocket(new InetSocketAddress(address, 0));
        this.b = new DatagramSocket(new InetSocketAddress(address, 0));
        for (DatagramSocket socket : new DatagramSocket[] {a, b}) {
            socket.setReceiveBufferSize(4 << 20);
            socket.setSendBufferSize(4 << 20);
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("ready");
        if (!"go".equals(in.readLine())) {
            return;
        }
        DelayRelay relay = new DelayRelay(InetAddress.getByName(args[0]),
                new long[] {Long.parseLong(args[1]), Long.parseLong(args[2])}, Long.parseLong(args[3]),
                Integer.parseInt(args[4]), Long.parseLong(args[5]));
        relay.start();
        out.println("ports " + relay.a.getLocalPort() + " " + relay.b.getLocalPort());
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("stats")) {
                out.println("stats " + relay.forwarded.get() + " " + relay.reordered.get());
            }
        }
        System.exit(0);  // input ended: the parent is done or gone
    }

    private void start() {
        daemon("relay-in-a", () -> receive(a, 0));
        daemon("relay-in-b", () -> receive(b, 1));
        daemon("relay-out", this::send);
    }

    private void receive(DatagramSocket socket, int direction) {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (true) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (IOException closed) {
                return;
            }
            if (direction == 0) {
                heardOnA = packet.getSocketAddress();
            } else {
                heardOnB = packet.getSocketAddress();
            }
            long extra;
            synchronized (random) {
                boolean jittered = jitterNanos > 0 && random.nextInt(100) < jitterPercent;
                extra = jittered ? random.nextLong(jitterNanos + 1) : 0;
            }
            held.add(new Held(System.nanoTime() + delayNanos[direction] + extra, direction, received.getAndIncrement(),
                    Arrays.copyOf(buffer, packet.getLength())));
        }
    }

    private void send() {
        while (true) {
            Held next;
            try {
                next = held.take();
            } catch (InterruptedException e) {
                return;
            }
            SocketAddress to = next.direction == 0 ? heardOnB : heardOnA;
            if (to == null) {
                continue;  // the far peer has not spoken yet; its ICE checks will come
            }
            if (next.sequence < highestSent[next.direction]) {
                reordered.incrementAndGet();
            }
            highestSent[next.direction] = Math.max(highestSent[next.direction], next.sequence);
            try {
                (next.direction == 0 ? b : a).send(new DatagramPacket(next.data, next.data.length, to));
                forwarded.incrementAndGet();
            } catch (IOException e) {
                // a full socket buffer loses the datagram, as a router's full queue would
            }
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A datagram waiting for its time; {@code sequence} is the order of arrival at the relay. */
    private record Held(long dueNanos, int direction, long sequence, byte[] data) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Held that = (Held) other;
            int byTime = Long.compare(dueNanos, that.dueNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, that.sequence);
        }
    }
}

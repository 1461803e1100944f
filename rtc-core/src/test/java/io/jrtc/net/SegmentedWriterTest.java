package io.jrtc.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentedWriterTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5000);
    private static final InetSocketAddress OTHER = new InetSocketAddress("127.0.0.1", 5001);

    @Test
    void equalDatagramsToOnePeerBecomeOneSegmentedSendEndingWithAShorterOne() {
        assertThat(SegmentedDatagramPacket.isSupported()).as("UDP GSO through the epoll transport").isTrue();
        EmbeddedChannel channel = new EmbeddedChannel();
        SegmentedWriter writer = new SegmentedWriter(channel, 16);
        writer.write(PEER, bytes(100, 1), 0, 100);
        writer.write(PEER, bytes(100, 2), 0, 100);
        writer.write(PEER, bytes(40, 3), 0, 40);
        writer.write(PEER, bytes(100, 4), 0, 100);
        writer.flush();

        List<DatagramPacket> sent = outbound(channel);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).isInstanceOf(SegmentedDatagramPacket.class);
        assertThat(((SegmentedDatagramPacket) sent.get(0)).segmentSize()).isEqualTo(100);
        assertThat(ByteBufUtil.getBytes(sent.get(0).content()))
                .isEqualTo(concat(bytes(100, 1), bytes(100, 2), bytes(40, 3)));
        assertThat(sent.get(1)).isNotInstanceOf(SegmentedDatagramPacket.class);
        assertThat(ByteBufUtil.getBytes(sent.get(1).content())).isEqualTo(bytes(100, 4));
        sent.forEach(DatagramPacket::release);
    }

    @Test
    void runsEndAtAnotherDestinationALargerDatagramOrTheSegmentLimit() {
        assertThat(SegmentedDatagramPacket.isSupported()).as("UDP GSO through the epoll transport").isTrue();
        EmbeddedChannel channel = new EmbeddedChannel();
        SegmentedWriter writer = new SegmentedWriter(channel, 2);
        writer.write(PEER, bytes(50, 1), 0, 50);
        writer.write(OTHER, bytes(50, 2), 0, 50);
        writer.write(OTHER, bytes(60, 3), 0, 60);
        writer.write(OTHER, bytes(60, 4), 0, 60);
        writer.write(OTHER, bytes(60, 5), 0, 60);
        writer.flush();

        List<DatagramPacket> sent = outbound(channel);
        assertThat(sent).extracting(DatagramPacket::recipient).containsExactly(PEER, OTHER, OTHER, OTHER);
        assertThat(sent).extracting(p -> p.content().readableBytes()).containsExactly(50, 50, 120, 60);
        sent.forEach(DatagramPacket::release);
    }

    @Test
    void withoutSegmentationEveryDatagramIsSentAlone() {
        EmbeddedChannel channel = new EmbeddedChannel();
        SegmentedWriter writer = new SegmentedWriter(channel, 1);
        for (int i = 0; i < 3; i++) {
            writer.write(PEER, bytes(80, i), 0, 80);
        }
        assertThat(outbound(channel)).as("nothing before flush").isEmpty();
        writer.flush();

        List<DatagramPacket> sent = outbound(channel);
        assertThat(sent).hasSize(3).allSatisfy(p -> {
            assertThat(p).isNotInstanceOf(SegmentedDatagramPacket.class);
            assertThat(p.content().readableBytes()).isEqualTo(80);
        });
        sent.forEach(DatagramPacket::release);
    }

    @Test
    void aLongBurstReachesTheSocketWhileItIsWrittenNotOnlyAtTheFlush() {
        EmbeddedChannel channel = new EmbeddedChannel();
        SegmentedWriter writer = new SegmentedWriter(channel, 16);
        int datagrams = 0;
        List<DatagramPacket> early = List.of();
        while (early.isEmpty() && datagrams < 1000) {
            writer.write(PEER, bytes(1200, datagrams), 0, 1200);
            datagrams++;
            early = outbound(channel);
        }

        // At least 64 KiB in complete runs are flushed at once: here four runs of 16 datagrams.
        assertThat(datagrams).isEqualTo(4 * 16 + 1);
        assertThat(early).hasSize(4);
        writer.flush();
        List<DatagramPacket> rest = outbound(channel);
        assertThat(rest).hasSize(1);
        early.forEach(DatagramPacket::release);
        rest.forEach(DatagramPacket::release);
    }

    private static List<DatagramPacket> outbound(EmbeddedChannel channel) {
        List<DatagramPacket> packets = new ArrayList<>();
        Object message;
        while ((message = channel.readOutbound()) != null) {
            packets.add((DatagramPacket) message);
        }
        return packets;
    }

    private static byte[] bytes(int length, int fill) {
        byte[] data = new byte[length];
        java.util.Arrays.fill(data, (byte) fill);
        return data;
    }

    private static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}

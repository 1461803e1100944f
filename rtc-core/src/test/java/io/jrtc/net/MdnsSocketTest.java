package io.jrtc.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.net.MdnsSocket.InterfaceFacts;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MdnsSocketTest {
    private final EventLoops loops = new EventLoops(2);

    @AfterEach
    void closeLoops() {
        loops.close();
    }

    @Test
    void twoSocketsShareTheMdnsPortAndHearEachOthersMulticast() throws Exception {
        LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
        MdnsSocket first = MdnsSocket.open(loops, loops.next(), (sender, data, length) -> { })
                .get(5, TimeUnit.SECONDS);
        MdnsSocket second = MdnsSocket.open(loops, loops.next(),
                (sender, data, length) -> heard.add(new String(data, 0, length, java.nio.charset.StandardCharsets.US_ASCII)
                        + " from port " + sender.getPort())).get(5, TimeUnit.SECONDS);
        try {
            byte[] hello = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            loops.next().submit(() -> {
                first.send(hello);
                first.flush();
            }).get(5, TimeUnit.SECONDS);

            assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("hello from port 5353");
            assertThat(first.interfaceNames()).isNotEmpty().doesNotContain("lo");
        } finally {
            first.close();
            second.close();
        }
        // Channels close on their loop, shortly after close() returns.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> !first.isOpen() && !second.isOpen());
    }

    @Test
    void queriesGoOutOnEveryMulticastInterfaceOfTheFamilyAndLoopbackOnlyWhenAlone() {
        List<InterfaceFacts> machine = List.of(
                new InterfaceFacts("lo", true, true, true, true, true),
                new InterfaceFacts("eth0", true, false, true, true, true),
                new InterfaceFacts("eth1", false, false, true, true, true),
                new InterfaceFacts("tun0", true, false, false, true, true),
                new InterfaceFacts("v6only", true, false, true, false, true),
                new InterfaceFacts("jt0", true, false, true, true, false));

        assertThat(MdnsSocket.selectInterfaces(machine, false)).containsExactly("eth0", "jt0");
        assertThat(MdnsSocket.selectInterfaces(machine, true)).containsExactly("eth0", "v6only");
        assertThat(MdnsSocket.selectInterfaces(List.of(machine.get(0), machine.get(2)), false)).containsExactly("lo");
        assertThat(MdnsSocket.selectInterfaces(List.of(machine.get(0), machine.get(2)), true)).containsExactly("lo");
        assertThat(MdnsSocket.selectInterfaces(List.of(machine.get(3)), false)).isEmpty();
    }

    @Test
    void ipv6SocketsJoinFf02FbAndHearEachOthersMulticast() throws Exception {
        LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
        MdnsSocket first = MdnsSocket.open(loops, loops.next(), (sender, data, length) -> { })
                .get(5, TimeUnit.SECONDS);
        MdnsSocket second = MdnsSocket.open(loops, loops.next(), (sender, data, length) -> {
            if (sender.getAddress() instanceof java.net.Inet6Address) {
                heard.add(new String(data, 0, length, java.nio.charset.StandardCharsets.US_ASCII));
            }
        }).get(5, TimeUnit.SECONDS);
        try {
            assertThat(first.servesIpv6()).isTrue();
            byte[] hello = "hello over IPv6".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            loops.next().submit(() -> {
                first.send(hello);
                first.flush();
            }).get(5, TimeUnit.SECONDS);

            assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("hello over IPv6");
        } finally {
            first.close();
            second.close();
        }
    }
}

package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Proves that surefire runs this JVM inside the network namespace {@code jrtc-test} (scripts/java-in-netns), where
 * the only non-loopback interfaces are the two ends of a veth pair that has no link to the outside.
 */
class TestNetworkNamespaceTest {

    @Test
    void testJvmSeesOnlyTheNamespaceInterfaces() throws SocketException {
        List<String> addresses = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .map(InetAddress::getHostAddress)
                .collect(Collectors.toList());
        System.out.println("Interface addresses seen by the test JVM: " + addresses);

        assertThat(addresses).contains("198.18.0.1", "198.18.0.2", "127.0.0.1");
        assertThat(NetworkInterface.networkInterfaces().map(NetworkInterface::getName))
                .containsOnly("lo", "jt0", "jt1");
    }
}

package io.jrtc.pc.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.ice.IceAgent;
import io.jrtc.ice.IceAgentConfig;
import io.jrtc.ice.IceParameters;
import io.jrtc.ice.IceRole;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7983 §7 first-byte ranges as the one demultiplexer of a connection applies them. */
class PacketDemultiplexerTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("198.18.0.2", 5000);

    private final List<String> routed = new ArrayList<>();
    private final PacketDemultiplexer demultiplexer = newDemultiplexer(routed);

    private static PacketDemultiplexer newDemultiplexer(List<String> routed) {
        IceAgent agent = new IceAgent(IceAgentConfig.defaults(IceRole.CONTROLLING,
                new IceParameters("ufrag", "password-of-22-chars!!", false)));
        PacketDemultiplexer demultiplexer = new PacketDemultiplexer(agent);
        demultiplexer.setDtlsReceiver((socketId, sender, data, length) -> routed.add("dtls"));
        demultiplexer.setMediaReceiver((data, length) -> routed.add("media"));
        return demultiplexer;
    }

    @ParameterizedTest(name = "first byte {0} -> {1}")
    @CsvSource({
        "0, stun", "3, stun",
        "4, dropped", "15, dropped",
        "16, dropped", "19, dropped",          // ZRTP
        "20, dtls", "22, dtls", "63, dtls",
        "64, dropped", "79, dropped",          // TURN channel numbers
        "80, dropped", "127, dropped",
        "128, media", "144, media", "191, media",
        "192, dropped", "255, dropped"
    })
    void eachFirstByteRangeGoesWhereRfc7983SendsIt(int firstByte, String expected) {
        byte[] datagram = new byte[32];
        datagram[0] = (byte) firstByte;
        datagram[1] = (byte) 200;  // an RTCP sender report type, for the 128..191 range
        demultiplexer.dispatch(0, 0, PEER, datagram, datagram.length);

        // STUN goes to the agent, which counts it nowhere here: it is what is neither routed nor counted.
        String route = !routed.isEmpty() ? routed.get(0)
                : demultiplexer.packetsReceived() == 0 ? "stun"
                : demultiplexer.droppedDatagrams() == 1 ? "dropped" : "lost";
        assertThat(route).isEqualTo(expected);
        assertThat(routed).hasSizeLessThanOrEqualTo(1);
        assertThat(PacketDemultiplexer.isStun(datagram, 0, datagram.length)).isEqualTo(expected.equals("stun"));
    }

    @Property
    void anyBytesAreRoutedOnceOrDroppedAndNeverThrow(@ForAll byte[] datagram) {
        List<String> seen = new ArrayList<>();
        PacketDemultiplexer fresh = newDemultiplexer(seen);
        fresh.dispatch(0, 0, PEER, datagram, datagram.length);
        assertThat(seen).hasSizeLessThanOrEqualTo(1);
        long counted = fresh.packetsReceived();
        assertThat(counted).isEqualTo(datagram.length == 0 || (datagram[0] & 0xFF) < 4 ? 0 : 1);
        assertThat(fresh.bytesReceived()).isEqualTo(counted == 0 ? 0 : datagram.length);
    }
}

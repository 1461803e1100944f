package io.jrtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.mdns.DnsMessage;
import io.jrtc.mdns.DnsParseException;
import io.jrtc.mdns.MdnsResolver;
import io.jrtc.mdns.MdnsResponder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * Datagrams on the mDNS port (RFC 6762) as anyone on the link may send them: each input is fed to a resolver
 * waiting for a name and to a responder answering for one, from port 5353 and from another port (a legacy
 * unicast query). Nothing may throw; whatever parses must survive writing and reading; every answer the
 * responder sends parses and names only our address.
 */
class MdnsFuzzTest {
    private static final String NAME = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b.local";

    @FuzzTest(maxDuration = "5s")
    void datagrams(byte[] data) throws Exception {
        InputBudget.within(() -> run(data));
    }

    private static void run(byte[] data) throws Exception {
        DnsMessage parsed;
        try {
            parsed = DnsMessage.parse(data, 0, data.length);
        } catch (DnsParseException e) {
            parsed = null;
        }
        if (parsed != null) {
            byte[] written = parsed.encode();
            if (!Arrays.equals(written, DnsMessage.parse(written, 0, written.length).encode())) {
                throw new AssertionError(parsed + " does not survive writing and reading");
            }
        }
        MdnsResolver resolver = new MdnsResolver();
        resolver.resolve(0, NAME);
        resolver.handleReceive(1, data, 0, data.length);
        InetAddress ours = InetAddress.getByAddress(new byte[] {(byte) 198, 18, 0, 1});
        MdnsResponder responder = new MdnsResponder();
        responder.register(0, NAME, ours);
        responder.pollTransmit();
        responder.handleReceive(2_000_000_000L, new InetSocketAddress(ours, 5353), data, 0, data.length);
        responder.handleReceive(2_000_000_000L, new InetSocketAddress(ours, 40000), data, 0, data.length);
        for (MdnsResponder.Transmit t = responder.pollTransmit(); t != null; t = responder.pollTransmit()) {
            DnsMessage answer = DnsMessage.parse(t.data(), 0, t.data().length);
            if (!answer.answers().stream().allMatch(record -> ours.equals(record.address()))) {
                throw new AssertionError("answered with another address: " + answer);
            }
        }
    }
}

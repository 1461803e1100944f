package io.jrtc.pc.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.ice.IceCandidate;
import io.jrtc.ice.IceCandidateParseException;
import io.jrtc.ice.IceCandidateType;
import io.jrtc.mdns.DnsMessage;
import io.jrtc.mdns.DnsParseException;
import io.jrtc.mdns.DnsQuestion;
import io.jrtc.mdns.DnsRecord;
import io.jrtc.net.EventLoops;
import io.jrtc.net.MdnsSocket;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCIceRole;
import io.jrtc.pc.RTCIceTransportPolicy;
import io.jrtc.pc.RTCIceTransportState;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.EngineResources;
import io.jrtc.time.RtcClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote candidates named by mDNS, against a responder on the real mDNS port that answers for the names a test
 * gives it, as a browser does for its host candidates. Drives the internal ICE transport, whose selected pair and
 * agent the public API does not show.
 */
class MdnsCandidateTest {
    private final EventLoops responderLoops = new EventLoops(1);
    private final Map<String, InetAddress> answers = new ConcurrentHashMap<>();
    private MdnsSocket responder;
    private EngineResources engine;

    @BeforeEach
    void startResponder() throws Exception {
        AtomicReference<MdnsSocket> socket = new AtomicReference<>();
        responder = MdnsSocket.open(responderLoops, responderLoops.next(),
                (sender, data, length) -> answer(socket.get(), data, length)).get(5, TimeUnit.SECONDS);
        socket.set(responder);
        engine = new EngineResources(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress())), RtcClock.system());
    }

    @AfterEach
    void stop() {
        engine.close();
        responder.close();
        responderLoops.close();
    }

    private void answer(MdnsSocket socket, byte[] data, int length) {
        try {
            DnsMessage query = DnsMessage.parse(data, 0, length);
            for (DnsQuestion question : query.questions()) {
                InetAddress address = answers.get(question.name());
                if (!query.isResponse() && address != null && question.type() == DnsRecord.TYPE_A) {
                    DnsRecord record = DnsRecord.address(question.name(), address, true, 120);
                    socket.send(new DnsMessage(0, 0x8400, List.of(), List.of(record), List.of(), List.of()).encode());
                    socket.flush();
                }
            }
        } catch (DnsParseException notDns) {
            // not for this responder
        }
    }

    private static String newName() {
        return UUID.randomUUID() + ".local";
    }

    /** {@code candidate} with its address replaced by {@code name}, as a browser would signal it. */
    private static RTCIceCandidate named(RTCIceCandidate candidate, String name) throws IceCandidateParseException {
        IceCandidate ice = IceCandidate.parse(candidate.getCandidate());
        return new RTCIceCandidate(new IceCandidate(ice.foundation(), ice.component(), ice.protocol(),
                ice.priority(), name, ice.port(), ice.type(), null, null, null).toSdpValue(), "0", 0, null);
    }

    private IceTransport[] transports() {
        IceGatherer gatherer1 = new IceGatherer(ConnectionContext.create(engine), List.of(), RTCIceTransportPolicy.ALL);
        IceGatherer gatherer2 = new IceGatherer(ConnectionContext.create(engine), List.of(), RTCIceTransportPolicy.ALL);
        join(gatherer1.gather());
        join(gatherer2.gather());
        IceTransport ice1 = new IceTransport(gatherer1);
        IceTransport ice2 = new IceTransport(gatherer2);
        ice1.setRole(RTCIceRole.CONTROLLING);
        ice2.setRole(RTCIceRole.CONTROLLED);
        return new IceTransport[] {ice1, ice2};
    }

    private static <T> T join(CompletableFuture<T> future) {
        return future.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void aNamedCandidateIsResolvedAndCheckedAsAHostCandidateAndTheHeldEndOfCandidatesFollows() throws Exception {
        IceTransport[] ice = transports();
        RTCIceCandidate real = ice[1].gatherer().getLocalCandidates().get(0);
        String name = newName();
        answers.put(name, InetAddress.getLoopbackAddress());

        // ice2 is told nothing, so it never checks first: ice1 can only reach it through the resolved name.
        join(ice[0].addRemoteCandidate(named(real, name.toUpperCase())));
        join(ice[0].addRemoteCandidate(null));
        ice[0].start(ice[1].gatherer().getLocalParameters());
        ice[1].start(ice[0].gatherer().getLocalParameters());

        // Completed needs the end of remote candidates, which was held while the name was being resolved.
        await().atMost(Duration.ofSeconds(10)).until(() -> ice[0].getState() == RTCIceTransportState.COMPLETED);
        assertThat(ice[0].selectedPair().remote().type()).isEqualTo(IceCandidateType.HOST);
        assertThat(ice[0].selectedPair().remoteAddress().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(ice[0].selectedPair().remoteAddress().getPort()).isEqualTo(real.getPort());
        assertThat(ice[0].getRemoteCandidates()).extracting(RTCIceCandidate::getIp)
                .containsExactly(name.toUpperCase());
    }

    @Test
    void aNameNobodyAnswersIsDroppedAndTheOtherSidesChecksStillConnect() throws Exception {
        IceTransport[] ice = transports();
        RTCIceCandidate real = ice[1].gatherer().getLocalCandidates().get(0);

        long added = System.nanoTime();
        join(ice[0].addRemoteCandidate(named(real, newName())));
        join(ice[0].addRemoteCandidate(null));
        for (RTCIceCandidate candidate : ice[0].gatherer().getLocalCandidates()) {
            join(ice[1].addRemoteCandidate(candidate));
        }
        ice[0].start(ice[1].gatherer().getLocalParameters());
        ice[1].start(ice[0].gatherer().getLocalParameters());

        await().atMost(Duration.ofSeconds(10)).until(() -> ice[0].selectedPair() != null);
        RTCIceTransportState whileResolving = ice[0].getState();
        if (System.nanoTime() - added < TimeUnit.MILLISECONDS.toNanos(2500)) {
            // The name is still pending, so the end of candidates is held back and ICE cannot complete yet.
            assertThat(whileResolving).isEqualTo(RTCIceTransportState.CONNECTED);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ice[0].getState() == RTCIceTransportState.COMPLETED);
        assertThat(System.nanoTime() - added).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(3));
        assertThat(ice[0].selectedPair().remote().type()).isEqualTo(IceCandidateType.PRFLX);
        assertThat(ice[0].gatherer().agent().remoteCandidates())
                .allSatisfy(c -> assertThat(c.type()).isEqualTo(IceCandidateType.PRFLX));
    }

    @Test
    void closingWhileANameIsPendingReleasesEverythingQuietly() throws Exception {
        IceTransport[] ice = transports();
        RTCIceCandidate real = ice[1].gatherer().getLocalCandidates().get(0);

        join(ice[0].addRemoteCandidate(named(real, newName())));
        join(ice[0].addRemoteCandidate(null));
        join(ice[0].stop());
        engine.close();

        assertThat(engine.isShutdown()).isTrue();
        assertThat(ice[0].getState()).isEqualTo(RTCIceTransportState.CLOSED);
    }

    @Test
    void namesResolveInParallelAndAnswersAreSharedAndCached() throws Exception {
        MdnsResolution resolution = MdnsResolution.of(engine);
        String first = newName();
        String second = newName();
        InetAddress one = InetAddress.getByName("198.18.0.77");
        InetAddress two = InetAddress.getByName("198.18.0.78");
        answers.put(first, one);
        answers.put(second, two);

        var a = resolution.resolve(first);
        var b = resolution.resolve(second);
        var c = resolution.resolve(first.toUpperCase());

        assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(one);
        assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo(two);
        assertThat(c.get(5, TimeUnit.SECONDS)).isEqualTo(one);
        answers.clear();
        assertThat(resolution.resolve(first).get(5, TimeUnit.SECONDS)).as("from the cache").isEqualTo(one);
        assertThat(resolution.resolve("example.com")).failsWithin(Duration.ofSeconds(5));
    }
}

package io.jrtc.spring.autoconfigure.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannelState;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.events.RtcEventType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: the starter kept every data channel and two subscriptions each in lists that never shrank. 10,000
 * channels opened and closed through the service on a real connection leave the registry and the subscriptions
 * where they started, and no channelId is ever given twice.
 */
class ClosedChannelsAreForgottenTest {
    private static final int CHANNELS = 10_000;
    private static final int BATCH = 100;

    private final RtcEngine serverEngine = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
    private final RtcEngine clientEngine = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
    private PeerConnectionService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.closeAll();
        }
        serverEngine.close();
        clientEngine.close();
    }

    @Test
    void tenThousandChannelsOpenedAndClosedLeaveNothingBehind() throws Exception {
        RtcEventBus events = new RtcEventBus();
        AtomicInteger openEvents = new AtomicInteger();
        AtomicInteger closeEvents = new AtomicInteger();
        events.subscribe(event -> {
            if (event.is(RtcEventType.DATA_CHANNEL_OPEN)) {
                openEvents.incrementAndGet();
            } else if (event.is(RtcEventType.DATA_CHANNEL_CLOSE)) {
                closeEvents.incrementAndGet();
            }
        });
        service = new PeerConnectionService(serverEngine, servers -> new RTCConfiguration(),
                new InMemoryPeerConnectionRegistry(), events, PeerConnectionLimits.defaults(), Clock.systemUTC(),
                System::nanoTime);
        ManagedPeerConnection server = service.create(null);
        RTCPeerConnection client = clientEngine.newPeerConnection(new RTCConfiguration());
        client.createDataChannel("keep");
        AtomicInteger announced = new AtomicInteger();
        client.onDataChannel(channel -> announced.incrementAndGet());
        client.setLocalDescription(client.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
        client.gatheringComplete().get(10, TimeUnit.SECONDS);
        RTCSessionDescription answer = service.await(service.acceptOffer(server.id(), client.getLocalDescription()),
                "answer");
        service.await(service.gatheringComplete(server.id()), "gathering");
        client.setRemoteDescription(new RTCSessionDescription(
                server.peerConnection().getLocalDescription().sdp(), RTCSdpType.ANSWER)).get(10, TimeUnit.SECONDS);
        assertThat(answer.type()).isEqualTo(RTCSdpType.ANSWER);
        // The open event is published once the channel's listeners are all registered.
        await(() -> client.getConnectionState() == RTCPeerConnectionState.CONNECTED && openEvents.get() == 1);
        int baselineChannels = server.dataChannels().size();
        int baselineSubscriptions = server.subscriptionCount();

        Set<String> ids = new HashSet<>();
        for (int done = 0; done < CHANNELS; done += BATCH) {
            List<ManagedDataChannel> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(service.createDataChannel(server.id(), "c" + (done + i), null));
            }
            for (ManagedDataChannel channel : batch) {
                assertThat(ids.add(channel.channelId())).as("channelId %s given twice", channel.channelId()).isTrue();
            }
            await(() -> batch.stream().allMatch(c -> c.channel().getReadyState() == RTCDataChannelState.OPEN));
            for (ManagedDataChannel channel : batch) {
                service.closeDataChannel(server.id(), channel.channelId(), "test");
            }
            int expectedCloses = done + BATCH;
            await(() -> closeEvents.get() == expectedCloses);
            assertThat(server.dataChannels()).hasSize(baselineChannels);
            assertThat(server.subscriptionCount()).isEqualTo(baselineSubscriptions);
        }
        assertThat(ids).hasSize(CHANNELS);
        assertThat(announced.get()).isEqualTo(CHANNELS);
        client.close().get(5, TimeUnit.SECONDS);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(2);
        }
    }
}

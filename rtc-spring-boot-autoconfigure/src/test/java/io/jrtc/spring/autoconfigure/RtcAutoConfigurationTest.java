package io.jrtc.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.jrtc.pc.RTCCertificate;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannelInit;
import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RTCIceTransportPolicy;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.spring.autoconfigure.diagnostics.InvalidIceServerException;
import io.jrtc.spring.autoconfigure.diagnostics.PortRangeUnavailableException;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.service.InMemoryPeerConnectionRegistry;
import io.jrtc.spring.autoconfigure.service.ManagedPeerConnection;
import io.jrtc.spring.autoconfigure.service.PeerConnectionLimits;
import io.jrtc.spring.autoconfigure.service.PeerConnectionRegistry;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.RtcCertificates;
import io.jrtc.spring.autoconfigure.service.RtcConfigurationFactory;
import io.jrtc.spring.autoconfigure.service.TurnCredentials;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class RtcAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RtcAutoConfiguration.class));

    @Test
    void defaultsGiveAnEngineOnEphemeralPortsAndAServiceWithTheDefaultLimits() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RtcEngine.class).hasSingleBean(PeerConnectionService.class)
                    .hasSingleBean(RtcEventBus.class).hasSingleBean(RtcConfigurationFactory.class);
            assertThat(context.getBean(PeerConnectionRegistry.class)).isInstanceOf(InMemoryPeerConnectionRegistry.class);
            RtcEngineSettings settings = context.getBean(RtcEngine.class).settings();
            assertThat(settings.minPort()).isZero();
            assertThat(settings.maxPort()).isZero();
            assertThat(settings.bindAddresses()).isEmpty();
            assertThat(settings.includeLoopback()).isFalse();
            assertThat(settings.announcedAddresses()).isEmpty();
            assertThat(context.getBean(RtcEngine.class).isRunning()).isTrue();
            assertThat(context.getBean(PeerConnectionLimits.class)).isEqualTo(PeerConnectionLimits.defaults());
            assertThat(context.getBean(RtcConfigurationFactory.class).create(null).getIceServers()).isEmpty();
        });
    }

    @Test
    void aSharedSecretTurnServerJoinsEveryConnectionWithFreshCredentials() {
        runner.run(context -> assertThat(context).doesNotHaveBean(TurnCredentials.class));
        runner.withPropertyValues("rtc.ice-servers[0].urls=stun:stun.example.org",
                "rtc.turn.urls=turn:turn.example.org", "rtc.turn.shared-secret=shared").run(context -> {
                    List<RTCIceServer> servers = context.getBean(RtcConfigurationFactory.class).create(null)
                            .getIceServers();
                    assertThat(servers).hasSize(2);
                    assertThat(servers.get(1).urls()).containsExactly("turn:turn.example.org");
                    assertThat(servers.get(1).username()).matches("\\d{10}:jrtc");
                    assertThat(context.getBean(RtcConfigurationFactory.class)
                            .create(List.of(new RTCIceServer("stun:own.example.org"))).getIceServers())
                            .as("a request's own servers are used as given").hasSize(1);
                });
        runner.withPropertyValues("rtc.turn.urls=stun:not-turn.example.org", "rtc.turn.shared-secret=shared")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void rtcTcpPortOffersPassiveIceTcpCandidatesOnOnePortAndIsOffUnlessSet() {
        runner.run(context -> assertThat(context.getBean(RtcEngine.class).settings().sharedPorts().sharesTcp())
                .isFalse());
        runner.withPropertyValues("rtc.tcp.port=0").run(context ->
                assertThat(context.getBean(RtcEngine.class).settings().sharedPorts().tcpPort()).isZero());
        runner.withPropertyValues("rtc.tcp.port=7882", "rtc.udp.port=7882").run(context -> {
            assertThat(context.getBean(RtcEngine.class).settings().sharedPorts().tcpPort()).isEqualTo(7882);
            assertThat(context.getBean(RtcEngine.class).settings().sharedPorts().udpPort()).isEqualTo(7882);
        });
        runner.withPropertyValues("rtc.tcp.port=-2").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("rtc.tcp.port"));
    }

    @Test
    void rtcUdpPortSharesOnePortAmongAnsweredConnectionsAndIsOffUnlessSet() {
        runner.run(context -> assertThat(context.getBean(RtcEngine.class).settings().sharedPorts().sharesUdp())
                .isFalse());
        runner.withPropertyValues("rtc.udp.port=0").run(context ->
                assertThat(context.getBean(RtcEngine.class).settings().sharedPorts().udpPort()).isZero());
        runner.withPropertyValues("rtc.udp.port=7882").run(context ->
                assertThat(context.getBean(RtcEngine.class).settings().sharedPorts().udpPort()).isEqualTo(7882));
        runner.withPropertyValues("rtc.udp.port=70000").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("rtc.udp.port"));
    }

    @Test
    void theIceTransportPolicyIsAllUnlessRelayIsConfigured() {
        runner.run(context -> assertThat(context.getBean(RtcConfigurationFactory.class).create(null)
                .getIceTransportPolicy()).isEqualTo(RTCIceTransportPolicy.ALL));
        runner.withPropertyValues("rtc.ice-transport-policy=relay").run(context ->
                assertThat(context.getBean(RtcConfigurationFactory.class).create(null).getIceTransportPolicy())
                        .isEqualTo(RTCIceTransportPolicy.RELAY));
    }

    @Test
    void connectionsShareTheServiceCertificateAndAnAppCertificateSourceWins() {
        runner.run(context -> {
            RtcConfigurationFactory factory = context.getBean(RtcConfigurationFactory.class);
            RTCConfiguration first = factory.create(null);
            assertThat(first.getCertificates()).hasSize(1);
            assertThat(factory.create(null).getCertificates()).isEqualTo(first.getCertificates());
        });
        RtcCertificates own = new RtcCertificates();
        runner.withBean(RtcCertificates.class, () -> own).run(context ->
                assertThat(context.getBean(RtcCertificates.class)).isSameAs(own));
    }

    @Test
    void theCertificateIsMadeInTheBackgroundOnceTheApplicationIsReadyNotDuringTheStart() {
        RecordingCertificates own = new RecordingCertificates();
        runner.withBean(RtcCertificates.class, () -> own).run(context -> {
            assertThat(own.callers).isEmpty();
            context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context,
                    Duration.ZERO));
            await().atMost(Duration.ofSeconds(20)).until(() -> !own.callers.isEmpty());
            assertThat(own.callers).containsExactly(CertificateWarmUp.THREAD_NAME);
        });
    }

    @Test
    void everyEnginePropertyReachesTheSettings() throws Exception {
        int port = freeUdpPort();
        runner.withPropertyValues("rtc.port-range.min=" + port, "rtc.port-range.max=" + port,
                "rtc.bind-addresses=127.0.0.1", "rtc.include-loopback=true",
                "rtc.announced-addresses=203.0.113.7", "rtc.event-loop-threads=1").run(context -> {
                    RtcEngineSettings settings = context.getBean(RtcEngineSettings.class);
                    assertThat(settings.minPort()).isEqualTo(port);
                    assertThat(settings.maxPort()).isEqualTo(port);
                    assertThat(settings.bindAddresses()).containsExactly(InetAddress.getByName("127.0.0.1"));
                    assertThat(settings.includeLoopback()).isTrue();
                    assertThat(settings.announcedAddresses()).containsExactly("203.0.113.7");
                    assertThat(settings.eventLoopThreads()).isEqualTo(1);
                });
    }

    @Test
    void iceServersAndLimitsComeFromProperties() {
        runner.withPropertyValues("rtc.ice-servers[0].urls=stun:stun.example.org:3478",
                "rtc.ice-servers[1].urls=turn:turn.example.org:3478?transport=udp", "rtc.ice-servers[1].username=u",
                "rtc.ice-servers[1].credential=p", "rtc.limits.max-peer-connections=7",
                "rtc.limits.max-sdp-bytes=1000", "rtc.limits.idle-timeout=5s", "rtc.limits.session-timeout=1m",
                "rtc.limits.operation-timeout=2s", "rtc.events.stats-interval=0").run(context -> {
                    List<RTCIceServer> servers = context.getBean(RtcConfigurationFactory.class).create(null)
                            .getIceServers();
                    assertThat(servers).hasSize(2);
                    assertThat(servers.get(0).urls()).containsExactly("stun:stun.example.org:3478");
                    assertThat(servers.get(1).username()).isEqualTo("u");
                    assertThat(servers.get(1).credential()).isEqualTo("p");
                    assertThat(context.getBean(PeerConnectionLimits.class)).isEqualTo(new PeerConnectionLimits(7,
                            1000, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ZERO));
                });
    }

    @Test
    void customizersAdjustTheSettingsAndEveryConfiguration() {
        RTCIceServer extra = new RTCIceServer("stun:customized.example.org");
        runner.withBean(RtcEngineSettingsCustomizer.class, () -> settings -> settings.withEventLoopThreads(2))
                .withBean(RTCConfigurationCustomizer.class, () -> configuration -> new RTCConfiguration(
                        java.util.stream.Stream.concat(configuration.getIceServers().stream(),
                                java.util.stream.Stream.of(extra)).toList()))
                .run(context -> {
                    assertThat(context.getBean(RtcEngineSettings.class).eventLoopThreads()).isEqualTo(2);
                    assertThat(context.getBean(RtcConfigurationFactory.class).create(List.of()).getIceServers())
                            .containsExactly(extra);
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnBeans() {
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasSingleBean(RtcEngine.class).hasSingleBean(PeerConnectionRegistry.class);
            assertThat(context.getBean(RtcEngine.class)).isSameAs(context.getBean("ownEngine"));
            assertThat(context.getBean(PeerConnectionRegistry.class)).isSameAs(context.getBean("ownRegistry"));
            assertThat(context.getBean(PeerConnectionService.class).engine()).isSameAs(context.getBean("ownEngine"));
        });
    }

    @Test
    void backsOffWithoutTheCoreOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(RTCPeerConnection.class))
                .run(context -> assertThat(context).doesNotHaveBean(RtcEngine.class)
                        .doesNotHaveBean(PeerConnectionService.class));
    }

    @Test
    void aMalformedIceServerUrlFailsStartupNamingIt() {
        runner.withPropertyValues("rtc.ice-servers[0].urls=stun:ok.example.org,http://not-ice.example.org")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidIceServerException.class)
                            .hasMessageContaining("rtc.ice-servers[0].urls[1]")
                            .hasMessageContaining("http://not-ice.example.org");
                });
    }

    @Test
    void aPortRangeThatCannotBindFailsStartup() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = taken.getLocalPort();
            runner.withPropertyValues("rtc.port-range.min=" + port, "rtc.port-range.max=" + port,
                    "rtc.bind-addresses=127.0.0.1").run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .isInstanceOfAny(PortRangeUnavailableException.class, java.net.BindException.class);
                    });
        }
    }

    @Test
    void closingTheContextClosesEveryConnectionAndTheEngineAndReleasesEveryPort() throws Exception {
        RtcEngine[] engine = new RtcEngine[1];
        int first = twoFreeLoopbackPorts();
        runner.withPropertyValues("rtc.bind-addresses=127.0.0.1", "rtc.port-range.min=" + first,
                "rtc.port-range.max=" + (first + 1)).run(context -> {
            PeerConnectionService service = context.getBean(PeerConnectionService.class);
            for (int i = 0; i < 2; i++) {
                ManagedPeerConnection connection = service.create(null);
                service.createDataChannel(connection.id(), "gathers", RTCDataChannelInit.defaults());
                service.createOffer(connection.id()).get(10, TimeUnit.SECONDS);
                service.gatheringComplete(connection.id()).get(10, TimeUnit.SECONDS);
                assertThat(connection.localCandidates()).isNotEmpty();
            }
            assertThat(service.size()).isEqualTo(2);
            engine[0] = context.getBean(RtcEngine.class);
        });
        assertThat(engine[0].isRunning()).isFalse();
        assertThat(engine[0].openPeerConnections()).isZero();
        for (int port = first; port <= first + 1; port++) {
            try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    port))) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        }
    }

    /** The first of two consecutive UDP ports free on loopback. */
    private static int twoFreeLoopbackPorts() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        while (true) {
            int first = freeUdpPort();
            try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(loopback, first));
                 DatagramSocket b = new DatagramSocket(new InetSocketAddress(loopback, first + 1))) {
                return first;
            } catch (java.net.BindException taken) {
                // try another pair
            }
        }
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Records which threads asked for the certificate. */
    static class RecordingCertificates extends RtcCertificates {
        final List<String> callers = new CopyOnWriteArrayList<>();

        @Override
        public synchronized RTCCertificate current() {
            callers.add(Thread.currentThread().getName());
            return super.current();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        @Bean(destroyMethod = "close")
        RtcEngine ownEngine() {
            return RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
        }

        @Bean
        PeerConnectionRegistry ownRegistry() {
            return new InMemoryPeerConnectionRegistry();
        }
    }
}

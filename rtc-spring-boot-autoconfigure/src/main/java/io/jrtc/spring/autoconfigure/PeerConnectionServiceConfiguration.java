package io.jrtc.spring.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.service.ClientLimiter;
import io.jrtc.spring.autoconfigure.service.IceServers;
import io.jrtc.spring.autoconfigure.service.InMemoryPeerConnectionRegistry;
import io.jrtc.spring.autoconfigure.service.PeerConnectionLimits;
import io.jrtc.spring.autoconfigure.service.PeerConnectionRegistry;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.RtcCertificates;
import io.jrtc.spring.autoconfigure.service.RtcConfigurationFactory;
import io.jrtc.spring.autoconfigure.service.TurnCredentials;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The peer-connection service, its registry, configuration factory and event bus. */
@Configuration(proxyBeanMethods = false)
class PeerConnectionServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RtcEventBus rtcEventBus() {
        return new RtcEventBus();
    }

    @Bean
    @ConditionalOnMissingBean
    PeerConnectionRegistry peerConnectionRegistry() {
        return new InMemoryPeerConnectionRegistry();
    }

    @Bean
    @ConditionalOnMissingBean
    RtcCertificates rtcCertificates() {
        return new RtcCertificates();
    }

    @Bean
    CertificateWarmUp rtcCertificateWarmUp(ObjectProvider<RtcCertificates> certificates) {
        return new CertificateWarmUp(certificates);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("rtc.turn.shared-secret")
    TurnCredentials rtcTurnCredentials(RtcProperties properties) {
        TurnProperties turn = properties.getTurn();
        return new TurnCredentials(turn.getUrls(), turn.getSharedSecret(), turn.getCredentialTtl(),
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    RtcConfigurationFactory rtcConfigurationFactory(RtcProperties properties, RtcCertificates certificates,
            ObjectProvider<RTCConfigurationCustomizer> customizers, ObjectProvider<TurnCredentials> turn) {
        List<RTCIceServer> configured = properties.createIceServers();
        List<RTCConfigurationCustomizer> ordered = customizers.orderedStream().toList();
        TurnCredentials turnCredentials = turn.getIfAvailable();
        return requested -> {
            List<RTCIceServer> servers = requested != null ? requested : configured;
            if (requested == null && turnCredentials != null) {
                // Fresh credentials per connection: they outlive no connection by more than the configured TTL.
                servers = new ArrayList<>(servers);
                servers.add(turnCredentials.issue("jrtc"));
            }
            RTCConfiguration configuration = new RTCConfiguration(servers,
                    List.of(certificates.current()), properties.getIceTransportPolicy());
            for (RTCConfigurationCustomizer customizer : ordered) {
                configuration = customizer.customize(configuration);
            }
            return configuration;
        };
    }

    @Bean
    @ConditionalOnMissingBean
    PeerConnectionLimits peerConnectionLimits(RtcProperties properties) {
        LimitProperties limits = properties.getLimits();
        return new PeerConnectionLimits(limits.getMaxPeerConnections(), limits.getMaxSdpBytes(),
                limits.getIdleTimeout(), limits.getSessionTimeout(), limits.getOperationTimeout(),
                properties.getEvents().getStatsInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    ClientLimiter rtcClientLimiter(RtcProperties properties) {
        return new ClientLimiter(properties.getLimits().getClient().toLimits());
    }

    @Bean
    @ConditionalOnMissingBean
    PeerConnectionService peerConnectionService(RtcEngine engine, RtcConfigurationFactory configurations,
            PeerConnectionRegistry registry, RtcEventBus events, PeerConnectionLimits limits,
            ClientLimiter clients) {
        return new PeerConnectionService(engine, configurations, registry, events, limits, clients);
    }
}

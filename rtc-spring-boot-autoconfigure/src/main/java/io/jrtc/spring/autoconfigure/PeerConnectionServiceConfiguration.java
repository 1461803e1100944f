package io.jrtc.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.service.IceServers;
import io.jrtc.spring.autoconfigure.service.InMemoryPeerConnectionRegistry;
import io.jrtc.spring.autoconfigure.service.PeerConnectionLimits;
import io.jrtc.spring.autoconfigure.service.PeerConnectionRegistry;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.RtcCertificates;
import io.jrtc.spring.autoconfigure.service.RtcConfigurationFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
    RtcConfigurationFactory rtcConfigurationFactory(RtcProperties properties, RtcCertificates certificates,
            ObjectProvider<RTCConfigurationCustomizer> customizers) {
        List<RTCIceServer> defaults = iceServers(properties);
        List<RTCConfigurationCustomizer> ordered = customizers.orderedStream().toList();
        return requested -> {
            RTCConfiguration configuration = new RTCConfiguration(requested == null ? defaults : requested,
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
        RtcProperties.Limits limits = properties.getLimits();
        return new PeerConnectionLimits(limits.getMaxPeerConnections(), limits.getMaxSdpBytes(),
                limits.getIdleTimeout(), limits.getSessionTimeout(), limits.getOperationTimeout(),
                properties.getEvents().getStatsInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    PeerConnectionService peerConnectionService(RtcEngine engine, RtcConfigurationFactory configurations,
            PeerConnectionRegistry registry, RtcEventBus events, PeerConnectionLimits limits) {
        return new PeerConnectionService(engine, configurations, registry, events, limits);
    }

    /** Validated at startup, so a malformed URL fails the application with an explanation. */
    static List<RTCIceServer> iceServers(RtcProperties properties) {
        List<RTCIceServer> servers = new ArrayList<>();
        List<RtcProperties.IceServer> configured = properties.getIceServers();
        for (int i = 0; i < configured.size(); i++) {
            RtcProperties.IceServer server = configured.get(i);
            servers.add(IceServers.create("rtc.ice-servers[" + i + "]", server.getUrls(), server.getUsername(),
                    server.getCredential()));
        }
        return List.copyOf(servers);
    }
}

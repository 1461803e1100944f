package io.jrtc.spring.autoconfigure.web;

import java.util.List;

import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.security.RtcAccessPolicy;
import io.jrtc.spring.autoconfigure.service.MediaFiles;
import io.jrtc.spring.autoconfigure.service.MediaStreams;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.TransceiverService;
import io.jrtc.spring.autoconfigure.service.TurnCredentials;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * The controllers, their problem-details advice and the access/size filter of the API (the event stream has its
 * own, registered with the stream, so it is guarded whether or not the API is served).
 */
@Configuration(proxyBeanMethods = false)
class RtcRestConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PeerConnectionController peerConnectionController(PeerConnectionService service, RtcProperties properties) {
        return new PeerConnectionController(service,
                new ClientIceServerPolicy(properties.getRest().getClientIceServers()));
    }

    @Bean
    @ConditionalOnMissingBean
    DataChannelController dataChannelController(PeerConnectionService service, RtcProperties properties) {
        return new DataChannelController(service, properties.getRest().getDataChannels());
    }

    @Bean
    @ConditionalOnMissingBean
    TransceiverService transceiverService(PeerConnectionService service, RtcProperties properties,
            ObjectProvider<MediaStreams> streams) {
        return new TransceiverService(service, new MediaFiles(properties.getMedia().getDirectory()),
                streams.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    TransceiverController transceiverController(TransceiverService transceivers) {
        return new TransceiverController(transceivers);
    }

    @Bean
    @ConditionalOnMissingBean
    IceServersController iceServersController(RtcProperties properties, ObjectProvider<TurnCredentials> turn) {
        return new IceServersController(properties.createIceServers(),
                turn.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    RtcProblemDetailsAdvice rtcProblemDetailsAdvice() {
        return new RtcProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean(name = "rtcRestRequestFilter")
    FilterRegistrationBean<RtcRestRequestFilter> rtcRestRequestFilter(RtcProperties properties,
            ObjectProvider<RtcAccessPolicy> policy, ObjectProvider<JsonMapper> jsonMapper) {
        RtcRestRequestFilter filter = new RtcRestRequestFilter(
                policy.getIfAvailable(() -> RtcAccessPolicy.of(properties)).controlPlane(),
                properties.getLimits().getMaxSdpBytes(), properties.getRest().getDataChannels().getMaxMessageBytes(),
                jsonMapper.getIfAvailable(JsonMapper::new));
        FilterRegistrationBean<RtcRestRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setUrlPatterns(List.of(RtcPaths.trimSlash(properties.getRest().getBasePath()) + "/*"));
        registration.setName("rtcRestRequestFilter");
        return registration;
    }
}

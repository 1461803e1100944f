package io.jrtc.spring.autoconfigure.whip;

import java.util.List;

import io.jrtc.spring.autoconfigure.RtcAutoConfiguration;
import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.security.RtcAccessPolicy;
import io.jrtc.spring.autoconfigure.security.RtcAccessRule;
import io.jrtc.spring.autoconfigure.service.MediaStreams;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.TurnCredentials;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import tools.jackson.databind.json.JsonMapper;

/**
 * WHIP ingest at {@code rtc.whip.path} and WHEP playback at {@code rtc.whep.path}, in a servlet web application
 * with Spring MVC, on by default ({@code rtc.whip.enabled}). Every bean backs off when the application defines its
 * own; a {@link StreamRegistry} bean replaces the in-memory one.
 */
@AutoConfiguration(after = RtcAutoConfiguration.class, afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, JsonMapper.class })
@ConditionalOnBean(PeerConnectionService.class)
@ConditionalOnBooleanProperty(name = "rtc.whip.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RtcProperties.class)
public final class WhipAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StreamRegistry streamRegistry() {
        return new InMemoryStreamRegistry();
    }

    @Bean
    @ConditionalOnMissingBean
    MediaStreams mediaStreams(StreamRegistry streams) {
        return new RegistryMediaStreams(streams);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "rtc.rest.enabled", matchIfMissing = true)
    StreamsController streamsController(StreamRegistry streams) {
        return new StreamsController(streams);
    }

    @Bean
    @ConditionalOnMissingBean
    WhipSessions whipSessions(PeerConnectionService service, StreamRegistry streams, RtcEventBus events) {
        return new WhipSessions(service, streams, events);
    }

    @Bean
    @ConditionalOnMissingBean
    IceServerLinks iceServerLinks(RtcProperties properties, ObjectProvider<TurnCredentials> turn) {
        return new IceServerLinks(properties.createIceServers(), turn.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    WhipController whipController(WhipSessions sessions, IceServerLinks links) {
        return new WhipController(sessions, links);
    }

    @Bean
    @ConditionalOnMissingBean
    WhepController whepController(WhipSessions sessions, IceServerLinks links) {
        return new WhepController(sessions, links);
    }

    @Bean
    @ConditionalOnMissingBean
    WhepEventStreams whepEventStreams(WhipSessions sessions, ObjectProvider<JsonMapper> jsonMapper) {
        return new WhepEventStreams(sessions, jsonMapper.getIfAvailable(JsonMapper::new));
    }

    @Bean
    @ConditionalOnMissingBean
    WhepExtensionsController whepExtensionsController(WhipSessions sessions, WhepEventStreams events) {
        return new WhepExtensionsController(sessions, events);
    }

    @Bean
    @ConditionalOnMissingBean
    WhipProblemDetailsAdvice whipProblemDetailsAdvice() {
        return new WhipProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean(name = "whipRequestFilter")
    FilterRegistrationBean<WhipRequestFilter> whipRequestFilter(RtcProperties properties,
            ObjectProvider<RtcAccessPolicy> policy, ObjectProvider<JsonMapper> jsonMapper) {
        return filter("whipRequestFilter", properties.getWhip().getPath(),
                policy.getIfAvailable(() -> RtcAccessPolicy.of(properties)).whip(), properties, jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean(name = "whepRequestFilter")
    FilterRegistrationBean<WhipRequestFilter> whepRequestFilter(RtcProperties properties,
            ObjectProvider<RtcAccessPolicy> policy, ObjectProvider<JsonMapper> jsonMapper) {
        return filter("whepRequestFilter", properties.getWhep().getPath(),
                policy.getIfAvailable(() -> RtcAccessPolicy.of(properties)).whep(), properties, jsonMapper);
    }

    private static FilterRegistrationBean<WhipRequestFilter> filter(String name, String path, RtcAccessRule access,
            RtcProperties properties, ObjectProvider<JsonMapper> jsonMapper) {
        WhipRequestFilter filter = new WhipRequestFilter(access, properties.getLimits().getMaxSdpBytes(),
                jsonMapper.getIfAvailable(JsonMapper::new));
        FilterRegistrationBean<WhipRequestFilter> registration = new FilterRegistrationBean<>(filter);
        String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        registration.setUrlPatterns(List.of(base + "/*"));
        registration.setName(name);
        return registration;
    }

    /** The gauges, when Micrometer is there (Boot binds every MeterBinder bean to the registry). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class WhipMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        WhipMetrics whipMetrics(WhipSessions sessions) {
            return new WhipMetrics(sessions);
        }
    }
}

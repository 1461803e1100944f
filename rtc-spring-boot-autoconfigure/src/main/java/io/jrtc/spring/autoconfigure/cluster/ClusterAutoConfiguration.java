package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.micrometer.core.instrument.MeterRegistry;
import io.jrtc.spring.autoconfigure.security.RtcAccessRule;
import io.jrtc.spring.autoconfigure.whip.WhipAutoConfiguration;
import io.jrtc.spring.autoconfigure.whip.WhipRequestFilter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cluster mode, on with {@code rtc.cluster.enabled=true} when Spring Data Redis is on the classpath: the streams
 * registry becomes one whose leases live in the Redis directory, and the node heartbeats into it.
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class, before = WhipAutoConfiguration.class)
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnProperty(prefix = "rtc.cluster", name = "enabled", havingValue = "true")
@EnableConfigurationProperties({ ClusterProperties.class, RtcProperties.class })
public class ClusterAutoConfiguration {

    /** Made first, so a cluster without a usable secret fails at startup, explained by a FailureAnalyzer. */
    @Bean
    ClusterTokens clusterTokens(ClusterProperties properties) {
        return new ClusterTokens(properties.getSecret(), Clock.systemUTC());
    }

    @Bean
    ClusterDirectory clusterDirectory(StringRedisTemplate redis, ClusterProperties properties) {
        return new ClusterDirectory(redis, properties);
    }

    /** WHIP's sessions end a link's viewers when it goes; they are made after this configuration, so lazily. */
    @Bean
    EdgeLinks edgeLinks(RtcEngine engine, ClusterDirectory directory, ClusterTokens tokens,
            ClusterProperties properties, ObjectProvider<WhipSessions> sessions) {
        return new EdgeLinks(engine, directory, tokens, properties, sessions, Clock.systemUTC());
    }

    @Bean
    ServedLinks clusterServedLinks() {
        return new ServedLinks();
    }

    @Bean
    ClusterStreamRegistry clusterStreamRegistry(ClusterDirectory directory, EdgeLinks links, ServedLinks served,
            ClusterProperties properties) {
        return new ClusterStreamRegistry(directory, links, served, properties);
    }

    /** WHIP's sessions give the node's load; they are made after this configuration, so they come lazily. */
    @Bean
    ClusterMembership clusterMembership(ClusterDirectory directory, ClusterStreamRegistry streams,
            ObjectProvider<WhipSessions> sessions, ObjectProvider<PeerConnectionService> connections,
            ClusterProperties properties, ClusterMetrics metrics) {
        return new ClusterMembership(directory, streams, sessions, connections, properties, metrics);
    }

    @Bean
    ClusterMetrics clusterMetrics() {
        return new ClusterMetrics();
    }

    /**
     * The node-internal WHEP endpoint edges pull from, and the placement of new WHIP and WHEP sessions, when this
     * node serves WHIP and WHEP.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({ DispatcherServlet.class, JsonMapper.class })
    @ConditionalOnBooleanProperty(name = "rtc.whip.enabled", matchIfMissing = true)
    static class InternalEndpointConfiguration {
        @Bean
        ClusterWhepController clusterWhepController(WhipSessions sessions, ClusterStreamRegistry streams,
                ClusterTokens tokens, ServedLinks served, ClusterProperties properties) {
            return new ClusterWhepController(sessions, streams, tokens, served, properties);
        }

        /**
         * The SDP size limit on the internal endpoint, before its body is read: the endpoint checks its token only
         * once the request reaches it, and an outsider's oversized body must not be held in memory first.
         */
        @Bean
        FilterRegistrationBean<WhipRequestFilter> clusterInternalRequestFilter(RtcProperties rtc,
                ObjectProvider<JsonMapper> jsonMapper) {
            FilterRegistrationBean<WhipRequestFilter> registration = new FilterRegistrationBean<>(
                    new WhipRequestFilter(RtcAccessRule.anyone(), rtc.getLimits().getMaxSdpBytes(),
                            jsonMapper.getIfAvailable(JsonMapper::new)));
            registration.setUrlPatterns(List.of(ClusterWhepController.PATH + "/*"));
            registration.setName("clusterInternalRequestFilter");
            return registration;
        }

        @Bean
        ClusterProblemDetailsAdvice clusterProblemDetailsAdvice() {
            return new ClusterProblemDetailsAdvice();
        }

        /** Before the endpoints' own filters: a full node sends the client on before doing anything for it. */
        @Bean
        FilterRegistrationBean<ClusterPlacementFilter> clusterPlacementFilter(ClusterMembership membership,
                ClusterDirectory directory, ClusterMetrics metrics, RtcProperties rtc,
                ObjectProvider<JsonMapper> jsonMapper) {
            FilterRegistrationBean<ClusterPlacementFilter> registration = new FilterRegistrationBean<>(
                    new ClusterPlacementFilter(membership, directory, metrics, jsonMapper.getIfAvailable(JsonMapper::new)));
            registration.setUrlPatterns(ClusterPlacementFilter.urlPatterns(rtc.getWhip().getPath(),
                    rtc.getWhep().getPath()));
            registration.setName("clusterPlacementFilter");
            registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
            return registration;
        }

        /** First: a session on another node is passed on before this node's access rules or placement apply. */
        @Bean
        FilterRegistrationBean<ClusterSessionFilter> clusterSessionFilter(ClusterProperties properties,
                PeerConnectionService service, ClusterDirectory directory, ClusterMetrics metrics,
                RtcProperties rtc, ObjectProvider<JsonMapper> jsonMapper) {
            FilterRegistrationBean<ClusterSessionFilter> registration = new FilterRegistrationBean<>(
                    new ClusterSessionFilter(properties, service, directory, metrics,
                            jsonMapper.getIfAvailable(JsonMapper::new)));
            registration.setUrlPatterns(ClusterPlacementFilter.urlPatterns(rtc.getWhip().getPath(),
                    rtc.getWhep().getPath()));
            registration.setName("clusterSessionFilter");
            registration.setOrder(Ordered.LOWEST_PRECEDENCE - 2);
            return registration;
        }
    }

    /** The {@code rtc.cluster.*} meters, when Micrometer is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {
        @Bean
        ClusterMeters clusterMeters(ClusterMetrics metrics, ClusterStreamRegistry streams, EdgeLinks links) {
            return new ClusterMeters(metrics, streams, links);
        }
    }

    /**
     * While Redis is unreachable, Lettuce's default is to queue commands until it reconnects, so every publish would
     * wait out the command timeout; rejecting them at once answers 503 at once and lets local plays go on.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ClientOptions.class)
    static class LettuceConfiguration {
        @Bean
        LettuceClientOptionsBuilderCustomizer clusterFailsFastWithoutRedis() {
            return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        }

        /**
         * Lettuce backs off up to 30 s between reconnects; a restarted Redis is then healed only that late. Capped
         * at one heartbeat, the directory is whole again within a heartbeat or two of Redis coming back.
         */
        @Bean
        ClientResourcesBuilderCustomizer clusterReconnectsWithinAHeartbeat(ClusterProperties properties) {
            return resources -> resources.reconnectDelay(Delay.exponential(Duration.ofMillis(10),
                    properties.getHeartbeat(), 2, TimeUnit.MILLISECONDS));
        }
    }

    /** The node's cluster state in Actuator's health ({@code management.health.cluster.enabled}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {
        @Bean
        @ConditionalOnEnabledHealthIndicator("cluster")
        ClusterHealthIndicator clusterHealthIndicator(ClusterMembership membership) {
            return new ClusterHealthIndicator(membership);
        }
    }
}

package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.whip.IceServerLinks;
import io.jrtc.spring.autoconfigure.whip.WhipAutoConfiguration;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Cluster mode's part in WHIP and WHEP, where they are served: the node-to-node endpoint edges pull from, edge
 * pull itself, placement and redirects, and forwarding of session requests to the node that holds the session.
 */
@AutoConfiguration(after = { ClusterAutoConfiguration.class, WhipAutoConfiguration.class })
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnProperty(prefix = "rtc.cluster", name = "enabled", havingValue = "true")
@ConditionalOnBean({ ClusterDirectory.class, WhipSessions.class })
public final class ClusterEdgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClusterSessions clusterSessions(ClusterDirectory directory, ClusterStreamRegistry streams,
            ClusterProperties properties, RtcEventBus events) {
        return new ClusterSessions(directory, streams, properties, events);
    }

    @Bean
    @ConditionalOnMissingBean
    EdgeLinks edgeLinks(ClusterDirectory directory, ClusterStreamRegistry streams, ClusterSessions sessions,
            PeerConnectionService service, ClusterTokens tokens, ClusterProperties properties,
            RtcProperties rtc) {
        return new EdgeLinks(directory, streams, sessions, service, tokens, properties,
                rtc.getLimits().getOperationTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    SessionForwarder sessionForwarder(ClusterDirectory directory, ClusterProperties properties, RtcProperties rtc) {
        return new SessionForwarder(directory, properties, rtc.getLimits().getOperationTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    ClusterRouting clusterRouting(ClusterMembership membership, ClusterDirectory directory,
            ClusterStreamRegistry streams, ClusterSessions sessions, EdgeLinks edges, SessionForwarder forwarder,
            ClusterProperties properties) {
        return new ClusterRouting(membership, directory, streams, sessions, edges, forwarder, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ClusterWhepController clusterWhepController(WhipSessions sessions, IceServerLinks links, ClusterTokens tokens,
            ClusterSessions held) {
        return new ClusterWhepController(sessions, links, tokens, held);
    }

    @Bean
    @ConditionalOnMissingBean
    ClusterProblemDetailsAdvice clusterProblemDetailsAdvice() {
        return new ClusterProblemDetailsAdvice();
    }
}

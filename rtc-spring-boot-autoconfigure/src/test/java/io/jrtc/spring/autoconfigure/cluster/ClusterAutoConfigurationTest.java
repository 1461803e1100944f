package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.spring.autoconfigure.RtcAutoConfiguration;
import io.jrtc.spring.autoconfigure.whip.InMemoryStreamRegistry;
import io.jrtc.spring.autoconfigure.whip.StreamRegistry;
import io.jrtc.spring.autoconfigure.whip.WhipAutoConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@link ClusterAutoConfiguration} on its own: off by default, on with {@code rtc.cluster.enabled=true} (against
 * a real redis-server, as its heartbeat starts with the context), refused without a usable secret, and its
 * properties bound.
 */
class ClusterAutoConfigurationTest {
    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(RtcAutoConfiguration.class,
            JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class, ClusterAutoConfiguration.class,
            WhipAutoConfiguration.class);
    private static RedisServerProcess redis;

    /** Made per test, after Redis started. */
    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
            .withPropertyValues("rtc.events.stats-interval=0", "spring.data.redis.host=127.0.0.1",
                    "spring.data.redis.port=" + redis.port());

    @BeforeAll
    static void startRedis() throws Exception {
        redis = new RedisServerProcess();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    private WebApplicationContextRunner cluster() {
        return web.withPropertyValues("rtc.cluster.enabled=true", "rtc.cluster.secret="
                + ClusterDirectoryTest.SECRET);
    }

    @Test
    void offByDefaultTheStreamsStayInMemory() {
        web.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ClusterMembership.class)
                .doesNotHaveBean(ClusterDirectory.class).doesNotHaveBean(ClusterPlacementFilter.class)
                .doesNotHaveBean("clusterPlacementFilter").hasSingleBean(InMemoryStreamRegistry.class));
        web.withPropertyValues("rtc.cluster.enabled=false", "rtc.cluster.secret=" + ClusterDirectoryTest.SECRET)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ClusterMembership.class));
    }

    @Test
    void onTheStreamRegistryIsTheClustersAndTheNodeJoinsTheDirectory() {
        cluster().withPropertyValues("rtc.cluster.node-id=runner").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ClusterTokens.class)
                    .hasSingleBean(ClusterDirectory.class).hasSingleBean(EdgeLinks.class)
                    .hasSingleBean(ClusterMembership.class).hasSingleBean(ClusterMetrics.class)
                    .hasSingleBean(ClusterMeters.class).hasSingleBean(ClusterWhepController.class)
                    .hasSingleBean(ClusterProblemDetailsAdvice.class).doesNotHaveBean(InMemoryStreamRegistry.class);
            assertThat(context.getBean(StreamRegistry.class)).isInstanceOf(ClusterStreamRegistry.class);
            assertThat(context.getBean("clusterPlacementFilter", FilterRegistrationBean.class).getUrlPatterns())
                    .containsExactly("/whip/*", "/whep/*");
            assertThat(context.getBean("clusterSessionFilter", FilterRegistrationBean.class).getUrlPatterns())
                    .containsExactly("/whip/*", "/whep/*");
            assertThat(context.getBean("clusterInternalRequestFilter", FilterRegistrationBean.class)
                    .getUrlPatterns()).containsExactly(ClusterWhepController.PATH + "/*");
            ClusterMembership membership = context.getBean(ClusterMembership.class);
            assertThat(membership.isRunning()).isTrue();
            membership.heartbeat();
            assertThat(membership.lastFailure()).isNull();
            assertThat(context.getBean(ClusterDirectory.class).node("runner")).isPresent();
        });
    }

    @Test
    void theEndpointsFollowTheConfiguredWhipAndWhepPaths() {
        cluster().withPropertyValues("rtc.whip.path=/ingest/", "rtc.whep.path=/play").run(context -> assertThat(
                context.getBean("clusterPlacementFilter", FilterRegistrationBean.class).getUrlPatterns())
                .containsExactly("/ingest/*", "/play/*"));
    }

    @Test
    void withoutWhipOrOutsideAWebApplicationThereAreNoClusterEndpoints() {
        cluster().withPropertyValues("rtc.whip.enabled=false").run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(ClusterMembership.class).doesNotHaveBean(ClusterWhepController.class)
                .doesNotHaveBean("clusterPlacementFilter"));
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS).withPropertyValues(
                "rtc.events.stats-interval=0", "spring.data.redis.port=" + redis.port(), "rtc.cluster.enabled=true",
                "rtc.cluster.secret=" + ClusterDirectoryTest.SECRET).run(context -> assertThat(context)
                .hasNotFailed().hasSingleBean(ClusterMembership.class).doesNotHaveBean(ClusterWhepController.class));
    }

    @Test
    void withoutSpringDataRedisThereIsNoClusterEvenWhenEnabled() {
        cluster().withClassLoader(new FilteredClassLoader(StringRedisTemplate.class)).run(context -> assertThat(
                context).hasNotFailed().doesNotHaveBean(ClusterMembership.class)
                .hasSingleBean(InMemoryStreamRegistry.class));
    }

    @Test
    void aMissingSecretFailsStartupWithTheAnalyzersExplanation() {
        web.withPropertyValues("rtc.cluster.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ClusterSecretFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("rtc.cluster.enabled=true")
                    .contains("rtc.cluster.secret is not set");
            assertThat(analysis.getAction()).contains("rtc.cluster.secret").contains("16 bytes");
        });
    }

    @Test
    void aShortSecretFailsStartupWithTheAnalyzersExplanation() {
        web.withPropertyValues("rtc.cluster.enabled=true", "rtc.cluster.secret=fifteen-bytes!!").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ClusterSecretFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("rtc.cluster.secret has 15 bytes, fewer than 16");
        });
    }

    @Test
    void propertiesAreBound() {
        cluster().withPropertyValues("rtc.cluster.node-id=edge-7", "rtc.cluster.public-url=https://edge7.example.org",
                "rtc.cluster.internal-url=http://10.0.0.7:8080", "rtc.cluster.heartbeat=500ms",
                "rtc.cluster.node-ttl=3s", "rtc.cluster.max-viewers=250", "rtc.cluster.edge-link-grace=4s",
                "rtc.cluster.edge-link-timeout=7s", "rtc.cluster.key-prefix=test7:",
                "rtc.cluster.drain-timeout=20s").run(context -> {
                    ClusterProperties properties = context.getBean(ClusterProperties.class);
                    assertThat(properties.getNodeId()).isEqualTo("edge-7");
                    assertThat(properties.getPublicUrl()).isEqualTo("https://edge7.example.org");
                    assertThat(properties.getInternalUrl()).isEqualTo("http://10.0.0.7:8080");
                    assertThat(properties.getHeartbeat()).isEqualTo(Duration.ofMillis(500));
                    assertThat(properties.getNodeTtl()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.getMaxViewers()).isEqualTo(250);
                    assertThat(properties.getEdgeLinkGrace()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(properties.getEdgeLinkTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(properties.getKeyPrefix()).isEqualTo("test7:");
                    assertThat(properties.getDrainTimeout()).isEqualTo(Duration.ofSeconds(20));
                    ClusterNode self = context.getBean(ClusterMembership.class).self();
                    assertThat(self.publicUrl()).isEqualTo("https://edge7.example.org");
                    assertThat(self.maxViewers()).isEqualTo(250);
                });
    }

    @Test
    void theDefaults() {
        cluster().run(context -> {
            ClusterProperties properties = context.getBean(ClusterProperties.class);
            assertThat(properties.getNodeId()).startsWith("node-");
            assertThat(properties.getPublicUrl()).isNull();
            assertThat(properties.getInternalUrl()).isNull();
            assertThat(properties.getHeartbeat()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.getNodeTtl()).isEqualTo(Duration.ofSeconds(6));
            assertThat(properties.getMaxViewers()).isZero();
            assertThat(properties.getKeyPrefix()).isEqualTo("jrtc:");
            assertThat(properties.getDrainTimeout()).isZero();
        });
    }
}

package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Cluster mode refuses to start without a usable secret, and the failure analyzer says what to set. */
class ClusterSecretRequiredTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, ClusterAutoConfiguration.class))
            .withPropertyValues("rtc.cluster.enabled=true", "rtc.cluster.node-id=a");

    @Test
    void withoutASecretTheContextFailsWithAnExplanationAndTheFix() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new ClusterSecretFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("rtc.cluster.secret", "not set");
            assertThat(analysis.getAction()).contains("rtc.cluster.secret", "every node", "rtc.cluster.enabled=false");
        });
    }

    @Test
    void aShortSecretFailsToo() {
        runner.withPropertyValues("rtc.cluster.secret=short").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ClusterSecretFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("too short");
        });
    }

    @Test
    void withASecretTheTokensAreThere() {
        runner.withPropertyValues("rtc.cluster.secret=0123456789abcdef0123456789abcdef").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ClusterTokens.class);
        });
    }

    @Test
    void offByDefault() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                        ClusterAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ClusterTokens.class));
    }
}

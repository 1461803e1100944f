package io.jrtc.spring.autoconfigure.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import io.jrtc.spring.autoconfigure.whip.InMemoryStreamRegistry;
import io.jrtc.spring.autoconfigure.whip.StreamRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class RecordingAutoConfigurationTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RecordingAutoConfiguration.class))
            .withUserConfiguration(Registry.class);

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        StreamRegistry streamRegistry() {
            return new InMemoryStreamRegistry();
        }
    }

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(StreamRecordings.class)
                .doesNotHaveBean(RecordingController.class));
    }

    @Test
    void enabledWithItsPropertiesBound() {
        runner.withPropertyValues("rtc.recording.enabled=true", "rtc.recording.directory=/tmp/rec",
                "rtc.recording.format=webm").run(context -> {
                    assertThat(context).hasSingleBean(StreamRecordings.class).hasSingleBean(RecordingController.class)
                            .hasSingleBean(RecordingProblemDetailsAdvice.class);
                    RecordingProperties properties = context.getBean(RecordingProperties.class);
                    assertThat(properties.getDirectory()).isEqualTo(Path.of("/tmp/rec"));
                    assertThat(properties.getFormat()).isEqualTo(RecordingProperties.Format.WEBM);
                });
    }

    @Test
    void backsOffForTheApplicationsOwnRecordings() {
        runner.withPropertyValues("rtc.recording.enabled=true")
                .withBean("mine", StreamRecordings.class, () -> new StreamRecordings(new InMemoryStreamRegistry(),
                        new RecordingProperties(), Clock.systemUTC()))
                .run(context -> assertThat(context).hasSingleBean(StreamRecordings.class)
                        .hasBean("mine"));
    }
}

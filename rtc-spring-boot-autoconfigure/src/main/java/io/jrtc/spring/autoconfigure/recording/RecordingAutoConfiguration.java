package io.jrtc.spring.autoconfigure.recording;

import java.time.Clock;

import io.jrtc.spring.autoconfigure.whip.StreamRegistry;
import io.jrtc.spring.autoconfigure.whip.WhipAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Recording of WHIP streams ({@code rtc.recording.enabled=true}): a {@link StreamRecordings} over the
 * {@link StreamRegistry} and its REST endpoints. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = WhipAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(StreamRegistry.class)
@ConditionalOnBooleanProperty(name = "rtc.recording.enabled")
@EnableConfigurationProperties(RecordingProperties.class)
public final class RecordingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StreamRecordings streamRecordings(StreamRegistry streams, RecordingProperties properties) {
        return new StreamRecordings(streams, properties, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    RecordingController recordingController(StreamRecordings recordings) {
        return new RecordingController(recordings);
    }

    @Bean
    @ConditionalOnMissingBean
    RecordingProblemDetailsAdvice recordingProblemDetailsAdvice() {
        return new RecordingProblemDetailsAdvice();
    }
}

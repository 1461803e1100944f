package io.jrtc.spring.autoconfigure.recording;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A bare application with every auto-configuration on the test classpath. */
@SpringBootConfiguration
@EnableAutoConfiguration
class RecordingTestApplication {
}

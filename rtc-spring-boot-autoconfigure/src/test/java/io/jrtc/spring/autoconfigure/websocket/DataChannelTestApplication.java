package io.jrtc.spring.autoconfigure.websocket;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A bare application with every auto-configuration on the test classpath, for the data-channel bridge. */
@SpringBootConfiguration
@EnableAutoConfiguration
class DataChannelTestApplication {
}

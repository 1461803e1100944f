package io.jrtc.spring.autoconfigure.security;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A bare application with every auto-configuration on the test classpath. */
@SpringBootConfiguration
@EnableAutoConfiguration
class SecurityTestApplication {

    /** A MockMvc request from another client address (MockMvc's own is 127.0.0.1). */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}

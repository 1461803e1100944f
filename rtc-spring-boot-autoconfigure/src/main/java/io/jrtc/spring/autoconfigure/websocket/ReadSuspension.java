package io.jrtc.spring.autoconfigure.websocket;

import org.springframework.util.ClassUtils;
import org.springframework.web.socket.WebSocketSession;

/**
 * Stops and restarts reading frames from one WebSocket without holding a thread: the client's TCP window then
 * fills and its sends slow down (RFC 6455 has no flow control of its own; TCP's is the one that reaches the
 * client). Only Tomcat offers this; elsewhere the bridge blocks the reading thread instead.
 */
interface ReadSuspension {
    void suspend();

    void resume();

    /** Tomcat's, or null when the container has none. */
    static ReadSuspension of(WebSocketSession session) {
        if (!ClassUtils.isPresent("org.apache.tomcat.websocket.WsSession", ReadSuspension.class.getClassLoader())) {
            return null;
        }
        return TomcatReadSuspension.of(session);
    }
}

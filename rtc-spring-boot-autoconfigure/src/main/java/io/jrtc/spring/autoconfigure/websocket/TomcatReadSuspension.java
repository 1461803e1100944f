package io.jrtc.spring.autoconfigure.websocket;

import org.apache.tomcat.websocket.WsSession;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/** {@link ReadSuspension} through Tomcat's {@code WsSession.suspend()/resume()}. Only loaded when Tomcat is. */
final class TomcatReadSuspension implements ReadSuspension {
    private final WsSession session;

    private TomcatReadSuspension(WsSession session) {
        this.session = session;
    }

    static ReadSuspension of(WebSocketSession session) {
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof WsSession tomcat) {
            return new TomcatReadSuspension(tomcat);
        }
        return null;
    }

    @Override
    public void suspend() {
        session.suspend();
    }

    @Override
    public void resume() {
        session.resume();
    }
}

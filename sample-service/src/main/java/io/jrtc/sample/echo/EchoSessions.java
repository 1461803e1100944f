package io.jrtc.sample.echo;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.jrtc.pc.Subscription;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.events.RtcEventType;
import io.jrtc.spring.autoconfigure.service.ManagedPeerConnection;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The echo sessions: which peer connections are echo sessions, their ETags (RFC 9725 section 4.3.1), and the echo
 * itself: every message on every data channel the client opens is sent back on that channel, text as text and
 * binary as binary, in order, while the client reads ({@link ChannelEcho}).
 */
@Component
public class EchoSessions implements DisposableBean {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final Subscription closedSubscription;

    public EchoSessions(RtcEventBus events) {
        // A session closed by DELETE, the reaper or shutdown is no longer an echo session.
        closedSubscription = events.subscribe(event -> {
            if (event.is(RtcEventType.CLOSED)) {
                etags.remove(event.peerConnectionId());
            }
        });
    }

    /** Makes the connection echo, and returns the session's ETag. */
    public String start(ManagedPeerConnection connection) {
        connection.peerConnection().onDataChannel(ChannelEcho::start);
        String etag = "\"" + HexFormat.of().formatHex(nonce()) + "\"";
        etags.put(connection.id(), etag);
        return etag;
    }

    private static byte[] nonce() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public boolean isSession(String id) {
        return etags.containsKey(id);
    }

    public String etag(String id) {
        return etags.get(id);
    }

    public void end(String id) {
        etags.remove(id);
    }

    @Override
    public void destroy() {
        closedSubscription.close();
    }
}

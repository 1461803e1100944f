package io.jrtc.turn;

import io.jrtc.stun.ChannelNumberAttribute;
import io.jrtc.stun.DataAttribute;
import io.jrtc.stun.ErrorCodeAttribute;
import io.jrtc.stun.LifetimeAttribute;
import io.jrtc.stun.NonceAttribute;
import io.jrtc.stun.RealmAttribute;
import io.jrtc.stun.StunAttribute;
import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunIntegrity;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.XorAddressAttribute;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory TURN server for simulation tests: long-term credentials with a nonce it can declare stale, scripted
 * losses and error responses, and a record of every request, Send indication and ChannelData it got.
 */
final class ScriptedTurnServer {
    static final InetSocketAddress ADDRESS = new InetSocketAddress(ip("192.0.2.10"), 3478);
    static final InetSocketAddress CLIENT = new InetSocketAddress(ip("198.51.100.1"), 40000);
    static final InetSocketAddress RELAYED = new InetSocketAddress(ip("192.0.2.10"), 49152);
    static final String USER = "alice";
    static final String PASSWORD = "secret";
    static final String REALM = "example.org";

    final byte[] key = StunIntegrity.longTermKey(USER, REALM, PASSWORD);
    final List<StunMessage> requests = new ArrayList<>();
    final List<StunMessage> sendIndications = new ArrayList<>();
    final List<ChannelData> channelData = new ArrayList<>();
    /** Requests to lose before answering again. */
    int dropRequests;
    /** Answer the next authenticated request with 438 and a new nonce. */
    boolean staleNonceNext;
    /** Error code per method, answered instead of success (signed, as real servers do). */
    final Map<Integer, Integer> errors = new HashMap<>();
    /** Sign the next success with the wrong key, as a forger would. */
    boolean forgeNext;
    long lifetime = 600;
    private int nonceCounter = 1;
    private String nonce = "nonce-1";

    /** Takes one datagram from the client and returns the server's answers. */
    List<byte[]> receive(byte[] datagram) throws Exception {
        if (ChannelData.isChannelData(datagram, 0, datagram.length)) {
            channelData.add(ChannelData.parse(datagram, 0, datagram.length));
            return List.of();
        }
        StunMessage m = StunMessage.parse(datagram);
        if (m.messageClass() == StunClass.INDICATION) {
            sendIndications.add(m);
            return List.of();
        }
        requests.add(m);
        if (dropRequests > 0) {
            dropRequests--;
            return List.of();
        }
        if (!m.hasIntegrity() || !m.verifyIntegrity(key) || !USER.equals(m.username())) {
            return List.of(error(m, ErrorCodeAttribute.UNAUTHORIZED, null));
        }
        if (staleNonceNext || !nonce.equals(m.nonce())) {
            staleNonceNext = false;
            nonce = "nonce-" + ++nonceCounter;
            return List.of(error(m, ErrorCodeAttribute.STALE_NONCE, null));
        }
        Integer code = errors.get(m.method());
        if (code != null) {
            return List.of(error(m, code, key));
        }
        return List.of(success(m));
    }

    private byte[] success(StunMessage request) {
        List<StunAttribute> attributes = new ArrayList<>();
        switch (request.method()) {
            case StunMethod.ALLOCATE -> {
                attributes.add(XorAddressAttribute.xorRelayedAddress(RELAYED));
                attributes.add(XorAddressAttribute.xorMappedAddress(CLIENT));
                attributes.add(new LifetimeAttribute(lifetime));
            }
            case StunMethod.REFRESH -> attributes.add(new LifetimeAttribute(
                    request.first(LifetimeAttribute.class) != null
                            && request.first(LifetimeAttribute.class).seconds() == 0 ? 0 : lifetime));
            default -> { }
        }
        byte[] signingKey = forgeNext ? StunIntegrity.longTermKey(USER, REALM, "guess") : key;
        forgeNext = false;
        return new StunMessage(request.method(), StunClass.SUCCESS_RESPONSE, request.transactionId(), attributes)
                .encode(signingKey, true);
    }

    private byte[] error(StunMessage request, int code, byte[] signingKey) {
        List<StunAttribute> attributes = new ArrayList<>(List.of(new ErrorCodeAttribute(code, "scripted " + code)));
        if (code == ErrorCodeAttribute.UNAUTHORIZED || code == ErrorCodeAttribute.STALE_NONCE) {
            attributes.add(new RealmAttribute(REALM));
            attributes.add(new NonceAttribute(nonce));
        }
        return new StunMessage(request.method(), StunClass.ERROR_RESPONSE, request.transactionId(), attributes)
                .encode(signingKey, true);
    }

    static byte[] dataIndication(InetSocketAddress peer, byte[] data) {
        return new StunMessage(StunMethod.DATA, StunClass.INDICATION, new byte[12], List.of(
                XorAddressAttribute.xorPeerAddress(peer), new DataAttribute(data))).encode();
    }

    static int channelOf(StunMessage channelBind) {
        return channelBind.first(ChannelNumberAttribute.class).channelNumber();
    }

    List<StunMessage> requests(int method) {
        return requests.stream().filter(m -> m.method() == method).toList();
    }

    private static java.net.InetAddress ip(String literal) {
        try {
            return java.net.InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.jrtc.turn;

import io.jrtc.stun.ChannelNumberAttribute;
import io.jrtc.stun.DataAttribute;
import io.jrtc.stun.ErrorCodeAttribute;
import io.jrtc.stun.LifetimeAttribute;
import io.jrtc.stun.RequestedTransportAttribute;
import io.jrtc.stun.StunAttribute;
import io.jrtc.stun.StunAttributeType;
import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.StunParseException;
import io.jrtc.stun.StunTransaction;
import io.jrtc.stun.XorAddressAttribute;
import io.jrtc.turn.TurnRequest.Channel;
import io.jrtc.turn.TurnRequest.Kind;
import io.jrtc.turn.TurnRequest.Permission;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * A TURN client for one UDP allocation on one server (RFC 8656), without IO.
 *
 * <p>{@link #allocate} sends an unauthenticated Allocate for a UDP relay; the 401 answer gives realm and nonce, and
 * every later request carries USERNAME, REALM, NONCE, MESSAGE-INTEGRITY and FINGERPRINT (RFC 8489 §9.2.4). A 438
 * (Stale Nonce) is retried with the new nonce. Responses to authenticated requests must carry a valid
 * MESSAGE-INTEGRITY, except 401 and 438, which a server cannot always sign; others are dropped as if lost. Every
 * other error ends the allocation with {@link TurnEvent.Failed} (or, for permissions and channels, a per-peer
 * event).
 *
 * <p>The allocation is refreshed at its lifetime minus 60 s, or at half its lifetime when that is later (§8);
 * permissions every 240 s (they last 300 s, §9) and channels every 540 s (they last 600 s, §12). {@link #close}
 * deletes the allocation with a Refresh of LIFETIME 0 (§8).
 *
 * <p>{@link #send} uses ChannelData once a channel to the peer is confirmed (§12.4), else a Send indication (§11),
 * which needs a permission for the peer's IP, installed or pending. Data from peers arrives as
 * {@link TurnEvent.DataReceived}, from Data indications or ChannelData, told apart from STUN by the first byte
 * (RFC 7983).
 *
 * <p>Use: feed datagrams from the server to {@link #handleReceive}, call {@link #handleTimeout} at
 * {@link #pollTimeout}, and after each call send every {@link #pollTransmit} datagram to the server and drain
 * {@link #pollEvent}. One thread drives a client.
 */
public final class TurnClient {
    /** Where the allocation stands. */
    public enum State { NEW, ALLOCATING, ALLOCATED, CLOSING, CLOSED, FAILED }

    private static final System.Logger LOG = System.getLogger(TurnClient.class.getName());
    static final long PERMISSION_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(240);
    static final long CHANNEL_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(540);
    /** After a Refresh went unanswered, the next attempt, as long as the allocation has not expired yet. */
    static final long REFRESH_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MAX_STALE_NONCE_RETRIES = 3;

    private final TurnClientConfig config;
    private final RandomGenerator random;
    private final LongTermCredentials credentials;
    private final Map<ByteBuffer, TurnRequest> pending = new HashMap<>();
    private final Map<InetAddress, Permission> permissions = new LinkedHashMap<>();
    private final Map<InetSocketAddress, Channel> channelsByPeer = new LinkedHashMap<>();
    private final Map<Integer, Channel> channelsByNumber = new HashMap<>();
    private final ArrayDeque<byte[]> transmits = new ArrayDeque<>();
    private final ArrayDeque<TurnEvent> events = new ArrayDeque<>();
    private State state = State.NEW;
    private InetSocketAddress relayedAddress;
    private InetSocketAddress mappedAddress;
    private long refreshAt = Long.MAX_VALUE;
    private long expiresAt = Long.MAX_VALUE;
    private int nextChannel = ChannelData.MIN_CHANNEL;
    private long droppedDatagrams;

    /** {@code random} makes transaction ids; pass a SecureRandom outside tests (RFC 8489 §6: they must be random). */
    public TurnClient(TurnClientConfig config, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.credentials = new LongTermCredentials(config.username(), config.password());
    }

    /** Sends the first Allocate request (RFC 8656 §7.1). */
    public void allocate(long now) {
        if (state != State.NEW) {
            throw new IllegalStateException("allocate() once, on a new client; state is " + state);
        }
        state = State.ALLOCATING;
        List<StunAttribute> attributes = new ArrayList<>();
        attributes.add(RequestedTransportAttribute.udp());
        if (config.lifetimeSeconds() > 0) {
            attributes.add(new LifetimeAttribute(config.lifetimeSeconds()));
        }
        start(now, new TurnRequest(Kind.ALLOCATE, StunMethod.ALLOCATE, attributes, null, null, 0, 0));
    }

    /** Asks for a permission for this peer IP (RFC 8656 §9.1); a no-op when one exists or is pending. */
    public void createPermission(long now, InetAddress peer) {
        requireAllocated();
        Objects.requireNonNull(peer, "peer");
        if (permissions.containsKey(peer)) {
            return;
        }
        Permission p = new Permission();
        p.refreshing = true;
        permissions.put(peer, p);
        sendCreatePermission(now, peer);
    }

    /**
     * Binds a channel to this peer (RFC 8656 §12.1), which also installs a permission for its IP, and returns the
     * channel number; the same number when the peer already has one.
     */
    public int bindChannel(long now, InetSocketAddress peer) {
        requireAllocated();
        requireResolved(peer);
        Channel existing = channelsByPeer.get(peer);
        if (existing != null) {
            return existing.number;
        }
        if (nextChannel > ChannelData.MAX_CHANNEL) {
            throw new IllegalStateException("every channel number 0x4000-0x4FFF is in use");
        }
        Channel c = new Channel(nextChannel++, peer);
        c.refreshing = true;
        channelsByPeer.put(peer, c);
        channelsByNumber.put(c.number, c);
        sendChannelBind(now, c);
        return c.number;
    }

    /**
     * Relays data to a peer: ChannelData when a channel is confirmed, else a Send indication (RFC 8656 §11.1).
     *
     * @throws IllegalStateException when not allocated, or when the peer's IP has neither a permission nor a channel
     */
    public void send(long now, InetSocketAddress peer, byte[] data, int off, int len) {
        requireAllocated();
        requireResolved(peer);
        Channel c = channelsByPeer.get(peer);
        if (c != null && c.confirmed) {
            transmits.add(ChannelData.encode(c.number, data, off, len));
            return;
        }
        if (c == null && !permissions.containsKey(peer.getAddress())) {
            throw new IllegalStateException("no permission for " + peer.getAddress() + "; call createPermission");
        }
        StunMessage indication = new StunMessage(StunMethod.SEND, StunClass.INDICATION, newTransactionId(), List.of(
                XorAddressAttribute.xorPeerAddress(peer), new DataAttribute(Arrays.copyOfRange(data, off, off + len))));
        transmits.add(indication.encode());
    }

    /**
     * Deletes the allocation with a Refresh of LIFETIME 0 (RFC 8656 §8); {@link TurnEvent.Closed} follows its answer
     * or timeout. Before an allocation exists it closes at once.
     */
    public void close(long now) {
        switch (state) {
            case ALLOCATED -> {
                clearAllocationState();
                state = State.CLOSING;
                start(now, new TurnRequest(Kind.DEALLOCATE, StunMethod.REFRESH, List.of(new LifetimeAttribute(0)),
                        null, null, 0, 0));
            }
            case NEW, ALLOCATING -> finishClose();
            default -> { }
        }
    }

    /** Takes one datagram received from {@code from}; anything not from the server, or malformed, is dropped. */
    public void handleReceive(long now, InetSocketAddress from, byte[] b, int off, int len) {
        if (state == State.CLOSED || state == State.FAILED || !config.server().equals(from)) {
            drop("not for this client", from);
            return;
        }
        if (ChannelData.isChannelData(b, off, len)) {
            handleChannelData(b, off, len);
        } else if (StunMessage.isStun(b, off, len)) {
            StunMessage m;
            try {
                m = StunMessage.parse(b, off, len);
            } catch (StunParseException e) {
                drop(e.getMessage(), from);
                return;
            }
            handleStun(now, m);
        } else {
            drop("neither STUN nor ChannelData", from);
        }
    }

    /** Resends requests that are due, gives up on silent ones, and starts refreshes that are due. */
    public void handleTimeout(long now) {
        for (TurnRequest r : new ArrayList<>(pending.values())) {
            if (!pending.containsKey(key(r.transaction.transactionId()))) {
                continue;
            }
            byte[] again = r.transaction.handleTimeout(now);
            if (again != null) {
                transmits.add(again);
            } else if (!r.transaction.isPending() && pending.remove(key(r.transaction.transactionId())) != null) {
                onError(now, r, TurnEvent.NO_RESPONSE, "no response from the TURN server");
            }
        }
        if (state != State.ALLOCATED) {
            return;
        }
        if (now >= refreshAt) {
            refreshAt = Long.MAX_VALUE;
            List<StunAttribute> attributes = config.lifetimeSeconds() > 0
                    ? List.of(new LifetimeAttribute(config.lifetimeSeconds())) : List.of();
            start(now, new TurnRequest(Kind.REFRESH, StunMethod.REFRESH, attributes, null, null, 0, 0));
        }
        for (Map.Entry<InetAddress, Permission> e : permissions.entrySet()) {
            Permission p = e.getValue();
            if (!p.refreshing && now >= p.refreshAt) {
                p.refreshing = true;
                sendCreatePermission(now, e.getKey());
            }
        }
        for (Channel c : channelsByPeer.values()) {
            if (!c.refreshing && now >= c.refreshAt) {
                c.refreshing = true;
                sendChannelBind(now, c);
            }
        }
    }

    /** The next datagram to send to the server, or null. */
    public byte[] pollTransmit() {
        return transmits.poll();
    }

    /** The absolute time at which {@link #handleTimeout} is next due, or Long.MAX_VALUE. */
    public long pollTimeout() {
        long deadline = Long.MAX_VALUE;
        for (TurnRequest r : pending.values()) {
            deadline = Math.min(deadline, r.transaction.deadline());
        }
        if (state != State.ALLOCATED) {
            return deadline;
        }
        deadline = Math.min(deadline, refreshAt);
        for (Permission p : permissions.values()) {
            deadline = p.refreshing ? deadline : Math.min(deadline, p.refreshAt);
        }
        for (Channel c : channelsByPeer.values()) {
            deadline = c.refreshing ? deadline : Math.min(deadline, c.refreshAt);
        }
        return deadline;
    }

    public TurnEvent pollEvent() {
        return events.poll();
    }

    public State state() {
        return state;
    }

    /** The relayed transport address, once allocated. */
    public InetSocketAddress relayedAddress() {
        return relayedAddress;
    }

    /** Our address as the server saw it (XOR-MAPPED-ADDRESS of the Allocate answer), once allocated. */
    public InetSocketAddress mappedAddress() {
        return mappedAddress;
    }

    /** Datagrams dropped as malformed, unauthenticated, unexpected or not from the server. */
    public long droppedDatagrams() {
        return droppedDatagrams;
    }

    private void handleChannelData(byte[] b, int off, int len) {
        ChannelData cd;
        try {
            cd = ChannelData.parse(b, off, len);
        } catch (TurnParseException e) {
            drop(e.getMessage(), config.server());
            return;
        }
        Channel c = channelsByNumber.get(cd.channelNumber());
        if (c == null) {
            drop("ChannelData on unbound channel " + cd.channelNumber(), config.server());
            return;
        }
        events.add(new TurnEvent.DataReceived(c.peer, cd.data()));
    }

    private void handleStun(long now, StunMessage m) {
        if (m.hasFingerprint() && !m.verifyFingerprint()) {
            drop("bad FINGERPRINT", config.server());
        } else if (m.messageClass() == StunClass.INDICATION && m.method() == StunMethod.DATA) {
            handleDataIndication(m);
        } else if (m.isResponse()) {
            handleResponse(now, m);
        } else {
            drop("unexpected STUN message " + m.messageClass(), config.server());
        }
    }

    private void handleDataIndication(StunMessage m) {
        StunAttribute peer = m.first(StunAttributeType.XOR_PEER_ADDRESS);
        DataAttribute data = m.first(DataAttribute.class);
        if (!(peer instanceof XorAddressAttribute x) || data == null) {
            drop("Data indication without XOR-PEER-ADDRESS or DATA", config.server());
            return;
        }
        events.add(new TurnEvent.DataReceived(x.address(), data.data()));
    }

    private void handleResponse(long now, StunMessage m) {
        TurnRequest r = pending.get(key(m.transactionId()));
        if (r == null || m.method() != r.method) {
            drop("response to no pending request", config.server());
            return;
        }
        ErrorCodeAttribute error = m.messageClass() == StunClass.ERROR_RESPONSE ? m.errorCode() : null;
        int code = m.messageClass() == StunClass.SUCCESS_RESPONSE ? 0
                : error == null ? ErrorCodeAttribute.BAD_REQUEST : error.code();
        if (r.authenticated && !isAuthentic(m, code)) {
            drop("response failed MESSAGE-INTEGRITY", config.server());
            return;
        }
        pending.remove(key(m.transactionId()));
        r.transaction.complete();
        if (code == 0) {
            onSuccess(now, r, m);
        } else if (code == ErrorCodeAttribute.UNAUTHORIZED && m.nonce() != null && r.unauthorizedRetries == 0
                && (m.realm() != null || credentials.isKnown())) {
            credentials.update(m.realm(), m.nonce());
            start(now, r.retryAfterUnauthorized());
        } else if (code == ErrorCodeAttribute.STALE_NONCE && m.nonce() != null && credentials.isKnown()
                && r.staleNonceRetries < MAX_STALE_NONCE_RETRIES) {
            credentials.update(m.realm(), m.nonce());
            start(now, r.retryAfterStaleNonce());
        } else {
            onError(now, r, code, error == null ? "error response without ERROR-CODE" : error.reason());
        }
    }

    /** RFC 8489 §9.2.5: a response to an authenticated request counts only with a valid MESSAGE-INTEGRITY. */
    private boolean isAuthentic(StunMessage m, int code) {
        if (m.hasIntegrity()) {
            return m.verifyIntegrity(credentials.key());
        }
        return code == ErrorCodeAttribute.UNAUTHORIZED || code == ErrorCodeAttribute.STALE_NONCE;
    }

    private void onSuccess(long now, TurnRequest r, StunMessage m) {
        switch (r.kind) {
            case ALLOCATE -> onAllocated(now, m);
            case REFRESH -> {
                long lifetime = lifetimeOf(m);
                refreshAt = now + refreshDelayNanos(lifetime);
                expiresAt = now + TimeUnit.SECONDS.toNanos(lifetime);
                events.add(new TurnEvent.Refreshed(lifetime));
            }
            case DEALLOCATE -> finishClose();
            case CREATE_PERMISSION -> onPermissionInstalled(now, r.permissionPeer, true);
            case CHANNEL_BIND -> {
                Channel c = r.channel;
                c.refreshing = false;
                c.refreshAt = now + CHANNEL_REFRESH_NANOS;
                if (!c.confirmed) {
                    c.confirmed = true;
                    events.add(new TurnEvent.ChannelBound(c.peer, c.number));
                }
                onPermissionInstalled(now, c.peer.getAddress(), false);
            }
        }
    }

    private void onAllocated(long now, StunMessage m) {
        StunAttribute relayed = m.first(StunAttributeType.XOR_RELAYED_ADDRESS);
        if (!(relayed instanceof XorAddressAttribute x)) {
            fail(ErrorCodeAttribute.SERVER_ERROR, "Allocate success without XOR-RELAYED-ADDRESS");
            return;
        }
        long lifetime = lifetimeOf(m);
        relayedAddress = x.address();
        mappedAddress = m.xorMappedAddress();
        state = State.ALLOCATED;
        refreshAt = now + refreshDelayNanos(lifetime);
        expiresAt = now + TimeUnit.SECONDS.toNanos(lifetime);
        events.add(new TurnEvent.Allocated(relayedAddress, mappedAddress, lifetime));
    }

    private void onPermissionInstalled(long now, InetAddress peer, boolean report) {
        Permission p = permissions.get(peer);
        if (p == null) {
            p = new Permission();
            permissions.put(peer, p);
        }
        p.refreshing = false;
        p.refreshAt = now + PERMISSION_REFRESH_NANOS;
        if (!p.installed) {
            p.installed = true;
            if (report) {
                events.add(new TurnEvent.PermissionCreated(peer));
            }
        }
    }

    private void onError(long now, TurnRequest r, int code, String reason) {
        LOG.log(System.Logger.Level.DEBUG, "TURN {0} failed: {1} {2}", r.kind, code, reason);
        switch (r.kind) {
            case ALLOCATE -> fail(code, reason);
            case REFRESH -> {
                // A lost Refresh is no reason to give up an allocation that still runs (RFC 8656 §7): try again.
                if (code == TurnEvent.NO_RESPONSE && now + REFRESH_RETRY_NANOS < expiresAt) {
                    refreshAt = now + REFRESH_RETRY_NANOS;
                } else {
                    fail(code, reason);
                }
            }
            case DEALLOCATE -> finishClose();
            case CREATE_PERMISSION -> {
                permissions.remove(r.permissionPeer);
                events.add(new TurnEvent.PermissionFailed(r.permissionPeer, code, reason));
            }
            case CHANNEL_BIND -> {
                channelsByPeer.remove(r.channel.peer);
                channelsByNumber.remove(r.channel.number);
                events.add(new TurnEvent.ChannelBindFailed(r.channel.peer, r.channel.number, code, reason));
            }
        }
    }

    private void sendCreatePermission(long now, InetAddress peer) {
        start(now, new TurnRequest(Kind.CREATE_PERMISSION, StunMethod.CREATE_PERMISSION,
                List.of(XorAddressAttribute.xorPeerAddress(new InetSocketAddress(peer, 0))), peer, null, 0, 0));
    }

    private void sendChannelBind(long now, Channel c) {
        start(now, new TurnRequest(Kind.CHANNEL_BIND, StunMethod.CHANNEL_BIND, List.of(
                new ChannelNumberAttribute(c.number), XorAddressAttribute.xorPeerAddress(c.peer)), null, c, 0, 0));
    }

    /** Encodes the request under a fresh transaction id, authenticated once realm and nonce are known. */
    private void start(long now, TurnRequest r) {
        byte[] tid = newTransactionId();
        List<StunAttribute> attributes = new ArrayList<>(r.attributes);
        r.authenticated = credentials.isKnown();
        if (r.authenticated) {
            attributes.addAll(credentials.attributes());
        }
        byte[] bytes = new StunMessage(r.method, StunClass.REQUEST, tid, attributes)
                .encode(credentials.key(), true);
        r.transaction = new StunTransaction(tid, bytes, config.retransmission());
        pending.put(key(tid), r);
        transmits.add(r.transaction.start(now));
    }

    private void fail(int code, String reason) {
        clearAllocationState();
        state = State.FAILED;
        events.add(new TurnEvent.Failed(code, reason));
    }

    private void finishClose() {
        clearAllocationState();
        state = State.CLOSED;
        events.add(new TurnEvent.Closed());
    }

    private void clearAllocationState() {
        pending.clear();
        permissions.clear();
        channelsByPeer.clear();
        channelsByNumber.clear();
        refreshAt = Long.MAX_VALUE;
    }

    private long lifetimeOf(StunMessage m) {
        LifetimeAttribute l = m.first(LifetimeAttribute.class);
        return l != null ? l.seconds()
                : config.lifetimeSeconds() > 0 ? config.lifetimeSeconds() : TurnClientConfig.DEFAULT_LIFETIME_SECONDS;
    }

    /** Lifetime minus 60 s, or half the lifetime when that is later: short lifetimes still leave time to retry. */
    static long refreshDelayNanos(long lifetimeSeconds) {
        long seconds = Math.max(lifetimeSeconds - 60, lifetimeSeconds / 2);
        return TimeUnit.SECONDS.toNanos(Math.max(seconds, 1));
    }

    private byte[] newTransactionId() {
        byte[] tid = new byte[StunMessage.TRANSACTION_ID_LENGTH];
        random.nextBytes(tid);
        return tid;
    }

    private static ByteBuffer key(byte[] transactionId) {
        return ByteBuffer.wrap(transactionId);
    }

    private void requireAllocated() {
        if (state != State.ALLOCATED) {
            throw new IllegalStateException("no allocation; state is " + state);
        }
    }

    private static void requireResolved(InetSocketAddress peer) {
        if (Objects.requireNonNull(peer, "peer").getAddress() == null) {
            throw new IllegalArgumentException("peer address must be resolved: " + peer);
        }
    }

    private void drop(String why, InetSocketAddress from) {
        droppedDatagrams++;
        LOG.log(System.Logger.Level.DEBUG, "TURN client dropped a datagram from {0}: {1}", from, why);
    }
}

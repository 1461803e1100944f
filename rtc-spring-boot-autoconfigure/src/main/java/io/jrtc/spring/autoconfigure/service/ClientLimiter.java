package io.jrtc.spring.autoconfigure.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts each client's open connections and creates per second ({@link ClientLimits}): one entry per address and
 * per credential, each with an open count and a token bucket of one second's creates. An IPv6 client is counted
 * per /64, the prefix one subscriber usually holds whole, so hopping addresses inside it gains nothing. Entries of
 * clients with nothing open and a full bucket are swept once there are many, so spraying addresses costs memory
 * only until the next sweep.
 */
public final class ClientLimiter {
    static final int SWEEP_THRESHOLD = 4096;
    /** An open-connection bound frees up when a connection closes; retrying sooner than this rarely helps. */
    static final long OPEN_RETRY_AFTER_SECONDS = 5;
    static final String ADDRESS_OPEN = "rtc.limits.client.max-open-per-address";
    static final String ADDRESS_RATE = "rtc.limits.client.creates-per-second-per-address";
    static final String CREDENTIAL_OPEN = "rtc.limits.client.max-open-per-credential";
    static final String CREDENTIAL_RATE = "rtc.limits.client.creates-per-second-per-credential";

    private final ClientLimits limits;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Usage> usage = new ConcurrentHashMap<>();
    /** At most one sweep per second, so many busy clients do not make every create walk the whole map. */
    private final AtomicLong nextSweep;

    public ClientLimiter(ClientLimits limits) {
        this(limits, System::nanoTime);
    }

    /** With an explicit monotonic clock, for deterministic tests. */
    public ClientLimiter(ClientLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.nextSweep = new AtomicLong(nanoTime.getAsLong());
    }

    public ClientLimits limits() {
        return limits;
    }

    /**
     * Counts one more open connection of the client.
     *
     * @return the lease to release when the connection closes
     * @throws ClientLimitExceededException when the client's address or credential is at a bound
     */
    public Lease acquire(RtcClient client) {
        long now = nanoTime.getAsLong();
        long sweepAt = nextSweep.get();
        if (usage.size() > SWEEP_THRESHOLD && now - sweepAt >= 0 && nextSweep.compareAndSet(sweepAt,
                now + 1_000_000_000L)) {
            sweep(now);
        }
        String addressKey = "address:" + addressKey(client.address());
        take(addressKey, limits.maxOpenPerAddress(), ADDRESS_OPEN, limits.createsPerSecondPerAddress(),
                ADDRESS_RATE, "address " + client.address(), now);
        if (client.credential() == null) {
            return new Lease(addressKey, null);
        }
        String credentialKey = "credential:" + client.credential();
        try {
            take(credentialKey, limits.maxOpenPerCredential(), CREDENTIAL_OPEN,
                    limits.createsPerSecondPerCredential(), CREDENTIAL_RATE, "this credential", now);
        } catch (ClientLimitExceededException e) {
            release(addressKey);
            throw e;
        }
        return new Lease(addressKey, credentialKey);
    }

    /** How many connections the client's address holds open now. */
    public int openFor(String address) {
        Usage entry = usage.get("address:" + addressKey(address));
        return entry == null ? 0 : entry.open;
    }

    int trackedClients() {
        return usage.size();
    }

    private void take(String key, int maxOpen, String openProperty, int perSecond, String rateProperty,
            String who, long now) {
        ClientLimitExceededException[] refused = new ClientLimitExceededException[1];
        usage.compute(key, (k, entry) -> {
            Usage current = entry == null ? new Usage(perSecond, now) : entry;
            current.refill(perSecond, now);
            if (maxOpen > 0 && current.open >= maxOpen) {
                refused[0] = new ClientLimitExceededException(openProperty, maxOpen, OPEN_RETRY_AFTER_SECONDS,
                        "The " + who + " already holds " + current.open + " open peer connections, the most "
                                + openProperty + " allows; close one first");
            } else if (perSecond > 0 && current.tokens < 1) {
                long retryAfter = (long) Math.ceil((1 - current.tokens) / perSecond);
                refused[0] = new ClientLimitExceededException(rateProperty, perSecond, retryAfter,
                        "The " + who + " creates peer connections faster than " + perSecond + " per second ("
                                + rateProperty + ")");
            } else {
                current.open++;
                if (perSecond > 0) {
                    current.tokens -= 1;
                }
            }
            return current;
        });
        if (refused[0] != null) {
            throw refused[0];
        }
    }

    private void release(String key) {
        usage.computeIfPresent(key, (k, entry) -> {
            entry.open = Math.max(0, entry.open - 1);
            return entry;
        });
    }

    private void sweep(long now) {
        for (String key : usage.keySet()) {
            usage.computeIfPresent(key, (k, entry) -> entry.open == 0 && entry.fullAt(now) ? null : entry);
        }
    }

    /** An IPv4 address as it is; an IPv6 address by its /64 prefix. */
    static String addressKey(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A string with a colon is parsed as an IPv6 literal, never looked up by name.
            InetAddress parsed = InetAddress.getByName(address.startsWith("[") ? address.substring(1,
                    address.length() - 1) : address);
            if (parsed instanceof Inet6Address) {
                byte[] prefix = new byte[8];
                System.arraycopy(parsed.getAddress(), 0, prefix, 0, 8);
                return HexFormat.of().formatHex(prefix) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException | StringIndexOutOfBoundsException e) {
            return address;
        }
    }

    /** One address's or credential's count; changed only inside {@code compute}, so under the map's lock. */
    private static final class Usage {
        private int open;
        private double tokens;
        private long refilledAt;
        private final int perSecond;

        Usage(int perSecond, long now) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
            this.refilledAt = now;
        }

        void refill(int rate, long now) {
            if (rate > 0) {
                tokens = Math.min(rate, tokens + (now - refilledAt) * (double) rate / 1_000_000_000L);
            }
            refilledAt = now;
        }

        boolean fullAt(long now) {
            return perSecond == 0 || tokens + (now - refilledAt) * (double) perSecond / 1_000_000_000L >= perSecond;
        }
    }

    /** One counted connection; {@link #release()} gives its place back, once. */
    public final class Lease {
        private final String addressKey;
        private final String credentialKey;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(String addressKey, String credentialKey) {
            this.addressKey = addressKey;
            this.credentialKey = credentialKey;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                ClientLimiter.this.release(addressKey);
                if (credentialKey != null) {
                    ClientLimiter.this.release(credentialKey);
                }
            }
        }
    }
}

package io.jrtc.mdns;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.UUID;

/**
 * The {@code .local} names ICE candidates carry (draft-ietf-mmusic-mdns-ice-candidates §3.1.1): a version-4 UUID
 * (RFC 4122 §4.4) followed by {@code .local}, one per address.
 */
public final class MdnsNames {
    /** RFC 6762 §3: the mDNS port; queries from any other port are legacy unicast ones (§6.7). */
    public static final int PORT = 5353;
    private static final String LOCAL = ".local";

    private MdnsNames() {
    }

    /** A fresh {@code <uuid>.local} name from {@code random}: 122 random bits, the version and variant set. */
    public static String random(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3F) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xFF);
            low = (low << 8) | (bytes[i + 8] & 0xFF);
        }
        return new UUID(high, low) + LOCAL;
    }

    /**
     * {@code name} {@link DnsName#normalize normalized}, after checking that it is a {@code .local} name of valid
     * labels (1..63 octets, 255 in all), so that it can be queried and answered.
     *
     * @throws IllegalArgumentException otherwise
     */
    static String checked(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name is null");
        }
        String key = DnsName.normalize(name);
        if (!key.endsWith(LOCAL) || key.length() == LOCAL.length()) {
            throw new IllegalArgumentException("not an mDNS .local name: '" + name + "'");
        }
        DnsName.write(new ByteArrayOutputStream(), key);
        return key;
    }
}

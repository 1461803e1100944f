package io.jrtc.spring.autoconfigure.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** What protected mode needs to know about a client address, decided from the literal alone. */
final class ClientAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ClientAddresses() {
    }

    /**
     * Whether the address is a loopback IP literal (127.0.0.0/8, ::1, or ::ffff:127.x). Anything else, including a
     * host name a forwarding header may have put there, is not: a name is never looked up, so "localhost" in an
     * X-Forwarded-For header cannot pass for loopback.
     */
    static boolean isLoopback(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        if (!IPV4.matcher(literal).matches() && literal.indexOf(':') < 0) {
            return false;
        }
        try {
            // Only literals reach here: a dotted quad, or text with a colon, which is parsed as IPv6 and never
            // resolved.
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

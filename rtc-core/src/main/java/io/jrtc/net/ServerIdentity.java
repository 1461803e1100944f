package io.jrtc.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a server certificate is issued for the name a client connected to, by the rules the JDK's "HTTPS"
 * endpoint identification applies to TLS connections (RFC 2818 §3.1, RFC 6125 §6.4): an IP literal must be an
 * iPAddress subjectAltName; a host name must match a dNSName, where a leading {@code *} label stands for exactly
 * one label of at least two more; only without any dNSName does the subject's most specific CN count. Names
 * compare case-insensitively, a trailing dot ignored.
 */
final class ServerIdentity {
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private ServerIdentity() {
    }

    static void check(String serverName, X509Certificate certificate) throws CertificateException {
        if (isIpLiteral(serverName)) {
            checkAddress(serverName, certificate);
        } else {
            checkHostName(serverName, certificate);
        }
    }

    private static void checkAddress(String literal, X509Certificate certificate) throws CertificateException {
        InetAddress wanted = literalAddress(literal);
        List<String> addresses = alternativeNames(certificate, IP_ADDRESS);
        for (String address : addresses) {
            if (wanted != null && wanted.equals(literalAddress(address))) {
                return;
            }
        }
        throw new CertificateException("no subjectAltName IP address of the certificate matches " + literal
                + " (it has " + addresses + ")");
    }

    private static void checkHostName(String host, X509Certificate certificate) throws CertificateException {
        String wanted = normalize(host);
        List<String> names = alternativeNames(certificate, DNS_NAME);
        if (names.isEmpty()) {
            String cn = commonName(certificate);
            if (cn != null && matches(wanted, normalize(cn))) {
                return;
            }
            throw new CertificateException("the certificate (CN " + cn + ", no DNS subjectAltName) is not for "
                    + host);
        }
        for (String name : names) {
            if (matches(wanted, normalize(name))) {
                return;
            }
        }
        throw new CertificateException("no subjectAltName DNS name of the certificate matches " + host
                + " (it has " + names + ")");
    }

    /** RFC 6125 §6.4.3: a wildcard only as the whole leftmost label, never matching across dots. */
    static boolean matches(String host, String pattern) {
        if (!pattern.startsWith("*.")) {
            return host.equals(pattern);
        }
        String suffix = pattern.substring(1);
        if (suffix.indexOf('.', 1) < 0) {
            return false;  // "*.com": too broad
        }
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.substring(firstDot).equals(suffix);
    }

    private static List<String> alternativeNames(X509Certificate certificate, int type)
            throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        Collection<List<?>> all = certificate.getSubjectAlternativeNames();
        if (all != null) {
            for (List<?> entry : all) {
                if (entry.size() >= 2 && entry.get(0) instanceof Integer kind && kind == type
                        && entry.get(1) instanceof String value) {
                    names.add(value);
                }
            }
        }
        return names;
    }

    private static String commonName(X509Certificate certificate) {
        try {
            LdapName subject = new LdapName(certificate.getSubjectX500Principal().getName());
            String cn = null;
            for (Rdn rdn : subject.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();  // RDNs run least specific first: the last CN wins
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static boolean isIpLiteral(String name) {
        return name.contains(":") || name.matches("[0-9.]+");
    }

    private static InetAddress literalAddress(String text) {
        if (!isIpLiteral(text)) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}

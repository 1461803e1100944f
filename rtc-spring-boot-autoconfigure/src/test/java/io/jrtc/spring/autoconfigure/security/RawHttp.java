package io.jrtc.spring.autoconfigure.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket bound to a chosen local address, so a test can be a client that is not on loopback
 * (198.18.0.2 in the test namespace) talking to the server at 198.18.0.1. Reads the response head, and the body
 * until the server closes (requests say Connection: close); a 101 ends the read at the head.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** The response's status code and the whole response text. */
    record Response(int status, String text) {
    }

    static Response send(String from, String to, int port, String method, String target, String headers,
            String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName(to), port), 5_000);
            socket.setSoTimeout(10_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + target + " HTTP/1.1\r\nHost: " + to + ":" + port + "\r\n" + headers
                    + (content.length > 0 ? "Content-Length: " + content.length + "\r\n" : "")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            String text = read(socket.getInputStream());
            return new Response(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            String sofar = out.toString(StandardCharsets.ISO_8859_1);
            if (sofar.startsWith("HTTP/1.1 101") && sofar.contains("\r\n\r\n")) {
                break;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A WebSocket opening handshake (RFC 6455 section 4.1) for {@code target}. */
    static String handshakeHeaders() {
        return "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    }
}

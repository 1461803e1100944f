package io.jrtc.ice;

import java.net.InetSocketAddress;

/** A datagram the caller must send from its socket {@code socketId} to {@code destination}. */
public record IceTransmit(int socketId, InetSocketAddress destination, byte[] data) {
}

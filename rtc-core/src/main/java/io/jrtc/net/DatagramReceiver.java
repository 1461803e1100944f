package io.jrtc.net;

import java.net.InetSocketAddress;

/** Receives datagrams on the socket's event loop. The array is reused after the call returns: copy to keep. */
public interface DatagramReceiver {
    void onDatagram(UdpSocket socket, InetSocketAddress sender, byte[] data, int length);

    /** After a batch of datagrams read in one loop turn: the place to process what they caused, once. */
    default void onReadComplete(UdpSocket socket) {
    }
}

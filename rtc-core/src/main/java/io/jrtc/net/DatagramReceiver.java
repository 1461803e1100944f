package io.jrtc.net;

import java.net.InetSocketAddress;

/** Receives datagrams on the endpoint's event loop. The array is reused after the call returns: copy to keep. */
public interface DatagramReceiver {
    void onDatagram(DatagramEndpoint endpoint, InetSocketAddress sender, byte[] data, int length);

    /** After a batch of datagrams read in one loop turn: the place to process what they caused, once. */
    default void onReadComplete(DatagramEndpoint endpoint) {
    }
}

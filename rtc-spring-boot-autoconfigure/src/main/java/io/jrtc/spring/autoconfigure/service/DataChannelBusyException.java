package io.jrtc.spring.autoconfigure.service;

/**
 * The channel's {@code bufferedAmount} stayed above the bound for the whole wait: the peer reads slower than
 * messages are offered, so the sender must slow down rather than have the service buffer without limit.
 */
public class DataChannelBusyException extends RuntimeException {
    private final long bufferedAmount;

    public DataChannelBusyException(String channelId, long bufferedAmount, long bound) {
        super("Data channel '" + channelId + "' holds " + bufferedAmount + " bytes the peer has not acknowledged "
                + "(bound " + bound + "); retry later");
        this.bufferedAmount = bufferedAmount;
    }

    public long getBufferedAmount() {
        return bufferedAmount;
    }
}

package io.jrtc.testkit;

import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.Subscription;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Bulk sending on a real-time data channel, as an application would do it. */
public final class BulkSender {
    private BulkSender() {
    }

    /**
     * Sends {@code total} pseudo-random bytes in {@code chunk}-byte messages with W3C-style backpressure (waits while
     * 1 MiB is buffered, until {@code bufferedamountlow} at 256 KiB); returns the hex SHA-256 of what was sent.
     */
    public static String sendBulk(RTCDataChannel channel, long total, int chunk, long seed) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(seed);
        Semaphore low = new Semaphore(0);
        channel.setBufferedAmountLowThreshold(256 * 1024);
        try (Subscription ignored = channel.onBufferedAmountLow(low::release)) {
            long sent = 0;
            while (sent < total) {
                while (channel.getBufferedAmount() >= (1 << 20)) {
                    low.tryAcquire(100, TimeUnit.MILLISECONDS);
                }
                byte[] data = new byte[(int) Math.min(chunk, total - sent)];
                random.nextBytes(data);
                digest.update(data);
                channel.send(data);
                sent += data.length;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

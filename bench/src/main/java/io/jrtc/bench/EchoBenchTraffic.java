package io.jrtc.bench;

import io.jrtc.pc.RTCDataChannel;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps every session's data channel busy: one message of {@code messageBytes} every {@code periodMillis}, the
 * sessions spread evenly over the period (one sender thread, ticking every {@value #TICK_MILLIS} ms). Each message
 * carries its send time and the tag of the measuring window it belongs to, so its echo yields a round-trip time.
 */
final class EchoBenchTraffic implements AutoCloseable {
    static final int TICK_MILLIS = 10;
    /** A channel with more than this unacknowledged is not keeping up; its next sends are skipped and counted. */
    private static final long BACKLOG_BYTES = 256 * 1024;

    /** The figures of one measuring window. */
    static final class Window {
        final int tag;
        final LongAdder sent = new LongAdder();
        final LongAdder echoed = new LongAdder();
        final LongAdder backlogged = new LongAdder();
        final LongAdder sendErrors = new LongAdder();
        final long[] rttNanos;
        final AtomicInteger rttCount = new AtomicInteger();

        Window(int tag, int capacity) {
            this.tag = tag;
            this.rttNanos = new long[capacity];
        }

        void record(long rtt) {
            echoed.increment();
            int index = rttCount.getAndIncrement();
            if (index < rttNanos.length) {
                rttNanos[index] = rtt;
            }
        }

        /** The recorded round-trip times in ms, sorted. */
        double[] sortedRttMillis() {
            int count = Math.min(rttCount.get(), rttNanos.length);
            double[] millis = new double[count];
            for (int i = 0; i < count; i++) {
                millis[i] = rttNanos[i] / 1e6;
            }
            Arrays.sort(millis);
            return millis;
        }
    }

    private final int periodTicks;
    private final byte[] message;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "echo-bench-sender");
        thread.setDaemon(true);
        return thread;
    });
    private volatile EchoBenchSession[] sessions = new EchoBenchSession[0];
    /** Where sent messages are counted; tag 0 is never measured. */
    private volatile Window window = new Window(0, 0);
    /** Where echoes are recorded: the current or last measuring window. */
    private volatile Window measured = new Window(0, 0);
    private long tick;
    /** While set, no session sends: the service's upkeep of idle connections can be measured alone. */
    private volatile boolean paused;

    EchoBenchTraffic(int messageBytes, int periodMillis) {
        this.periodTicks = Math.max(1, periodMillis / TICK_MILLIS);
        this.message = new byte[messageBytes];
        sender.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts sending on the session at its next slot. */
    synchronized void add(EchoBenchSession session) {
        EchoBenchSession[] grown = Arrays.copyOf(sessions, sessions.length + 1);
        grown[sessions.length] = session;
        sessions = grown;
    }

    EchoBenchSession[] sessions() {
        return sessions;
    }

    /** Stops sending and returns the sessions that were busy. */
    synchronized EchoBenchSession[] stop() {
        EchoBenchSession[] all = sessions;
        sessions = new EchoBenchSession[0];
        return all;
    }

    /**
     * From now on, messages belong to a new measuring window, which the returned object records.
     *
     * @param tag a positive number that differs from the previous window's
     */
    Window startWindow(int tag, int capacity) {
        for (EchoBenchSession session : sessions) {
            session.windowEchoes = 0;
        }
        Window started = new Window(tag, capacity);
        measured = started;
        window = started;
        return started;
    }

    /** From now on, messages are not measured; echoes of the ended window still are. */
    void endWindow() {
        window = new Window(0, 0);
    }

    /** The echo listener of every traffic session: on the connection's callback thread. */
    void onEcho(EchoBenchSession session, byte[] echo) {
        if (echo.length < 12) {
            return;
        }
        ByteBuffer header = ByteBuffer.wrap(echo, 0, 12);
        long sentAt = header.getLong();
        int tag = header.getInt();
        Window recording = measured;
        if (tag != 0 && tag == recording.tag) {
            recording.record(System.nanoTime() - sentAt);
            session.windowEchoes++;
        }
    }

    /** Stops or resumes sending on every session. */
    void pause(boolean pause) {
        paused = pause;
    }

    private void tick() {
        if (paused) {
            return;
        }
        int slot = (int) (tick++ % periodTicks);
        EchoBenchSession[] current = sessions;
        Window measuring = window;
        for (int i = slot; i < current.length; i += periodTicks) {
            send(current[i].channel(), measuring);
        }
    }

    private void send(RTCDataChannel channel, Window measuring) {
        if (channel.getBufferedAmount() > BACKLOG_BYTES) {
            measuring.backlogged.increment();
            return;
        }
        ByteBuffer.wrap(message).putLong(System.nanoTime()).putInt(measuring.tag);
        try {
            channel.send(message);
            measuring.sent.increment();
        } catch (RuntimeException e) {
            measuring.sendErrors.increment();
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}

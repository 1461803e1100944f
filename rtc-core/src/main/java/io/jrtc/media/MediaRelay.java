package io.jrtc.media;

import io.jrtc.rtp.forward.ForwardableTrack;
import io.jrtc.rtp.forward.PacketSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Fans one track out to many consumers, after aiortc's {@code MediaRelay}. {@link #subscribe} gives each consumer
 * its own proxy track, which receives every frame of the source from the moment it subscribes, buffered per
 * consumer (the oldest dropped for a slow one, so it never holds the others back). The source is read once, and
 * only while somebody subscribes; stopping a proxy unsubscribes it without stopping the source; the source ending
 * ends all its proxies. Thread-safe.
 *
 * <p>A proxy of a received track also offers the publisher's RTP packets ({@link ForwardableTrack}): a sender of
 * the same codec forwards those, rewriting headers per viewer, instead of packetizing the frames again (the
 * frames stay for every other consumer, and for senders of another codec).
 */
public final class MediaRelay {
    /** Frames a proxy holds for a consumer that has not asked yet: a second of 20 ms audio, or of 30 fps video. */
    public static final int DEFAULT_PROXY_CAPACITY = 50;

    private final int proxyCapacity;
    private final Map<MediaStreamTrack, Fanout> fanouts = new HashMap<>();

    public MediaRelay() {
        this(DEFAULT_PROXY_CAPACITY);
    }

    public MediaRelay(int proxyCapacity) {
        if (proxyCapacity < 1) {
            throw new IllegalArgumentException("proxy capacity must be at least 1, got " + proxyCapacity);
        }
        this.proxyCapacity = proxyCapacity;
    }

    /** A new proxy of {@code source}; already ended when the source has ended. */
    public MediaStreamTrack subscribe(MediaStreamTrack source) {
        Proxy proxy = new Proxy(source.getKind(), proxyCapacity);
        Fanout fanout;
        synchronized (this) {
            fanout = fanouts.get(source);
            boolean created = fanout == null;
            if (created) {
                fanout = new Fanout(source);
                fanouts.put(source, fanout);
            }
            fanout.proxies.add(proxy);
            proxy.fanout = fanout;
            if (created) {
                // Runs endAll at once (re-entering this lock) when the source has already ended.
                fanout.endWatch = source.onEnded(fanout::endAll);
            }
            if (fanout.reading || proxy.getReadyState() == MediaStreamTrackState.ENDED) {
                return proxy;
            }
            fanout.reading = true;
        }
        fanout.pump();
        return proxy;
    }

    /** Sources being read: those with a live proxy, or with a read still outstanding after the last one left. */
    public synchronized int activeSources() {
        return fanouts.size();
    }

    /** How many live proxies {@code source} has: its consumers, such as the viewers of a stream. */
    public synchronized int subscriberCount(MediaStreamTrack source) {
        Fanout fanout = fanouts.get(source);
        return fanout == null ? 0 : fanout.proxies.size();
    }

    private synchronized void unsubscribe(Proxy proxy) {
        Fanout fanout = proxy.fanout;
        if (fanout != null && fanout.proxies.remove(proxy) && fanout.proxies.isEmpty() && !fanout.reading) {
            fanout.retire();
        }
    }

    /**
     * One source and its proxies; a single read is outstanding on the source while {@code reading}, and the fan-out
     * stays registered until that read returns, so a consumer subscribing meanwhile gets its frame.
     */
    private final class Fanout {
        final MediaStreamTrack source;
        final List<Proxy> proxies = new ArrayList<>();
        boolean reading;
        AutoCloseable endWatch;

        Fanout(MediaStreamTrack source) {
            this.source = source;
        }

        /** Caller holds the relay lock. */
        void retire() {
            fanouts.remove(source, this);
            if (endWatch != null) {
                close(endWatch);
                endWatch = null;
            }
        }

        /**
         * Reads the source until nobody subscribes. Frames that are already there are handled in this loop rather
         * than by nested callbacks, so a source with a full buffer cannot grow the stack.
         */
        void pump() {
            TrackReading.readWhile(source, this::deliver);
        }

        /** Hands a frame to every proxy; true when somebody still wants the next one. */
        private boolean deliver(Frame frame, Throwable error) {
            if (error != null) {
                endAll();
                return false;
            }
            List<Proxy> targets;
            synchronized (MediaRelay.this) {
                if (proxies.isEmpty()) {
                    reading = false;
                    retire();
                    return false;
                }
                targets = List.copyOf(proxies);
            }
            for (Proxy proxy : targets) {
                proxy.queue.offer(frame);
            }
            return true;
        }

        private void endAll() {
            List<Proxy> ended;
            synchronized (MediaRelay.this) {
                ended = List.copyOf(proxies);
                proxies.clear();
                reading = false;
                retire();
            }
            for (Proxy proxy : ended) {
                proxy.stop();
            }
        }
    }

    private static void close(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing a listener handle failed", e);
        }
    }

    /** A consumer's view of the source, with its own bounded buffer. */
    private final class Proxy extends MediaStreamTrack implements ForwardableTrack, EncodingTrack {
        final FrameQueue queue;
        Fanout fanout;

        Proxy(MediaKind kind, int capacity) {
            super(kind);
            this.queue = new FrameQueue(capacity);
        }

        @Override
        public CompletableFuture<Frame> recv() {
            return queue.poll(this::endedError);
        }

        /** A new or troubled consumer needs a keyframe: the shared source is asked, so every consumer gets it. */
        @Override
        public void requestKeyframe() {
            Fanout current;
            synchronized (MediaRelay.this) {
                current = fanout;
            }
            if (current != null) {
                current.source.requestKeyframe();
            }
        }

        /** The source's packets while this proxy is live; a stopped proxy forwards nothing. */
        @Override
        public PacketSource packetSource() {
            Fanout current;
            synchronized (MediaRelay.this) {
                current = fanout;
            }
            if (current == null || getReadyState() == MediaStreamTrackState.ENDED) {
                return null;
            }
            return current.source instanceof ForwardableTrack forwardable ? forwardable.packetSource() : null;
        }

        /** A source that encodes for its readers (a transcode) counts this proxy's reader as one of them. */
        @Override
        public void setTargetBitrate(Object reader, long bitsPerSecond) {
            if (encodingSource() instanceof EncodingTrack encoding) {
                encoding.setTargetBitrate(this, bitsPerSecond);
                if (getReadyState() == MediaStreamTrackState.ENDED) {
                    encoding.forgetReader(this);  // stopped meanwhile: its onStop may have forgotten it first
                }
            }
        }

        @Override
        public void forgetReader(Object reader) {
            if (encodingSource() instanceof EncodingTrack encoding) {
                encoding.forgetReader(this);
            }
        }

        private MediaStreamTrack encodingSource() {
            synchronized (MediaRelay.this) {
                return fanout == null ? null : fanout.source;
            }
        }

        @Override
        protected void onStop() {
            queue.close(this::endedError);
            forgetReader(this);
            unsubscribe(this);
        }
    }
}

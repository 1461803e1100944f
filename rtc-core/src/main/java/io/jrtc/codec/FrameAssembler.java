package io.jrtc.codec;

import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.SequenceNumberExtender;
import io.jrtc.rtp.SequenceNumbers;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A sans-IO jitter buffer that turns the RTP packets of one SSRC, in any order, duplicated or lost, into complete
 * frames in sequence order. Packets are kept in a ring indexed by extended sequence number (RFC 3550 Appendix
 * A.1). A frame is the run of consecutive sequence numbers from a known frame start to the packet with the marker
 * bit (RFC 3550 §5.1; RFC 7741 §4.1, RFC 6184 §5.1): a start is known when the payload says so, when the previous
 * packet ended a frame, or when the previous packet has another timestamp.
 *
 * <p>The frame at the head waits for its missing packets until the stream has moved {@code maxWaitPackets} past
 * its first missing packet and that packet has been missing for {@code maxWaitNanos}, until a later keyframe
 * completes, until the ring is full, or until {@link #skipIncompleteFrame()} is called (e.g. when NACKs for it have
 * gone unanswered); then it is dropped and counted. The wait is counted in packets and in time because each alone
 * fails: a receiver that a starved CPU lets run only now and then reads its socket's backlog in one burst, so many
 * packets pass in no time, before a retransmission asked for can come back; and a stream of few packets per second
 * would wait for ever on time alone. Time is the caller's: each packet comes with its arrival time (sans-IO); the
 * wait for a missing packet counts from the earliest arrival of a packet after it, when the gap became known. Memory
 * is bounded by the ring capacity, and so is the number of packets in one frame. Malformed payloads are counted and
 * dropped, never thrown. One thread drives an instance.
 */
public final class FrameAssembler {
    public static final int DEFAULT_CAPACITY = 512;
    public static final int DEFAULT_MAX_WAIT_PACKETS = 128;

    private static final System.Logger LOG = System.getLogger(FrameAssembler.class.getName());
    private static final long NONE = Long.MIN_VALUE;

    private final Depacketizer depacketizer;
    private final int capacity;
    private final int mask;
    private final int maxWaitPackets;
    private final long maxWaitNanos;
    private final long[] sequenceNumbers;
    private final int[] timestamps;
    /** The caller's clock, nanoseconds: when each held packet arrived. */
    private final long[] arrivals;
    private final int[] flags;
    private final int[] lengths;
    private final byte[][] payloads;
    private SequenceNumberExtender extender = new SequenceNumberExtender();
    private final FrameRun run = new FrameRun();
    private final ArrayDeque<MediaFrame> ready = new ArrayDeque<>();

    private boolean started;
    /** Whether {@link #floor} may still move back for packets from before the first one that arrived. */
    private boolean floorSettled;
    /** The lowest extended sequence number still wanted; everything below it was emitted or given up. */
    private long floor;
    private boolean floorStartsFrame;
    private long highest;
    private long completedKeyframeStart = NONE;
    private int consecutiveLatePackets;
    /** When the latest packet kept arrived: the time a skip happens at, as no packet brings one. */
    private long lastArrival;

    private long malformedPackets;
    private long duplicatePackets;
    private long latePackets;
    private long droppedFrames;

    /** The default ring and packet count, and no wait in time: a frame waits for its packets by count only. */
    public FrameAssembler(Depacketizer depacketizer) {
        this(depacketizer, DEFAULT_CAPACITY, DEFAULT_MAX_WAIT_PACKETS, 0);
    }

    /** As {@link #FrameAssembler(Depacketizer, int, int, long)} with no wait in time: by count only. */
    public FrameAssembler(Depacketizer depacketizer, int capacity, int maxWaitPackets) {
        this(depacketizer, capacity, maxWaitPackets, 0);
    }

    /**
     * @param capacity       how many packets the ring holds, a power of two; bounds memory and frame size
     * @param maxWaitPackets how far the stream must get past the first missing packet before the frame waiting for
     *                       it is given up
     * @param maxWaitNanos   how long, in the caller's clock, that packet must have been missing as well; 0 for no
     *                       wait in time
     */
    public FrameAssembler(Depacketizer depacketizer, int capacity, int maxWaitPackets, long maxWaitNanos) {
        if (depacketizer == null) {
            throw new IllegalArgumentException("depacketizer is null");
        }
        if (capacity < 2 || Integer.bitCount(capacity) != 1 || capacity > SequenceNumbers.MODULUS / 2) {
            throw new IllegalArgumentException("capacity must be a power of two in [2, 32768]: " + capacity);
        }
        if (maxWaitPackets < 1 || maxWaitPackets > capacity) {
            throw new IllegalArgumentException("maxWaitPackets must be in [1, capacity]: " + maxWaitPackets);
        }
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maxWaitNanos must not be negative: " + maxWaitNanos);
        }
        this.depacketizer = depacketizer;
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.maxWaitPackets = maxWaitPackets;
        this.maxWaitNanos = maxWaitNanos;
        this.sequenceNumbers = new long[capacity];
        Arrays.fill(sequenceNumbers, NONE);
        this.timestamps = new int[capacity];
        this.arrivals = new long[capacity];
        this.flags = new int[capacity];
        this.lengths = new int[capacity];
        this.payloads = new byte[capacity][];
    }

    /**
     * Buffers one parsed RTP packet's payload (copied), which arrived at {@code now} (nanoseconds, the caller's
     * monotonic clock), and emits any frames it completes.
     */
    public void receive(long now, RtpHeader packet) {
        receive(now, packet.sequenceNumber(), packet.timestamp(), packet.marker(), packet.buffer(),
                packet.payloadOffset(), packet.payloadLength());
    }

    /** Buffers one RTP payload (copied) with its header fields and arrival time, and emits any frames it completes. */
    public void receive(long now, int sequenceNumber, int timestamp, boolean marker, byte[] payload, int off,
                        int len) {
        int bits;
        try {
            bits = depacketizer.inspect(payload, off, len);
        } catch (CodecParseException e) {
            malformedPackets++;
            LOG.log(System.Logger.Level.DEBUG, "dropping malformed RTP payload {0}: {1}", sequenceNumber,
                    e.getMessage());
            return;
        }
        if (marker) {
            bits |= Depacketizer.FRAME_END;
        }
        long ext = extender.extend(sequenceNumber);
        if (started && floorSettled && ext < floor) {
            latePackets++;
            if (++consecutiveLatePackets < maxWaitPackets) {
                return;
            }
            restart();
            ext = extender.extend(sequenceNumber);
        }
        consecutiveLatePackets = 0;
        if (!accept(ext)) {
            return;
        }
        store(ext, timestamp, bits, payload, off, len);
        arrivals[slot(ext)] = now;
        lastArrival = now;
        noteCompletedKeyframe(ext);
        pump(now);
    }

    /**
     * Forgets the stream after {@code maxWaitPackets} late packets in a row: the sender's sequence numbers jumped
     * back (e.g. it restarted), and following them beats dropping everything.
     */
    private void restart() {
        LOG.log(System.Logger.Level.DEBUG, "sequence numbers jumped back; restarting the frame assembler");
        extender = new SequenceNumberExtender();
        Arrays.fill(sequenceNumbers, NONE);
        started = false;
        floorSettled = false;
        floorStartsFrame = false;
        completedKeyframeStart = NONE;
        droppedFrames++;
    }

    private boolean accept(long ext) {
        if (!started) {
            started = true;
            floor = ext;
            highest = ext;
            return true;
        }
        if (ext < floor) {
            if (highest - ext >= capacity) {
                latePackets++;
                return false;
            }
            floor = ext;
            floorStartsFrame = false;
        }
        if (present(ext)) {
            duplicatePackets++;
            return false;
        }
        if (ext > highest) {
            highest = ext;
            if (highest - floor >= capacity) {
                floor = highest - capacity + 1;
                floorStartsFrame = false;
                floorSettled = true;
                droppedFrames++;
            }
        }
        return true;
    }

    private void store(long ext, int timestamp, int bits, byte[] payload, int off, int len) {
        int slot = (int) (ext & mask);
        if (payloads[slot] == null || payloads[slot].length < len) {
            payloads[slot] = new byte[Math.max(len, 256)];
        }
        System.arraycopy(payload, off, payloads[slot], 0, len);
        sequenceNumbers[slot] = ext;
        timestamps[slot] = timestamp;
        flags[slot] = bits;
        lengths[slot] = len;
    }

    /** The next complete frame in sequence order, or null when none is ready. */
    public MediaFrame poll() {
        return ready.poll();
    }

    /**
     * Gives up on the incomplete frame at the head, so later complete frames come out; returns false when
     * nothing is waiting.
     */
    public boolean skipIncompleteFrame() {
        if (!started || floor > highest) {
            return false;
        }
        giveUpHead();
        pump(lastArrival);
        return true;
    }

    /**
     * The 16-bit sequence numbers between the head and the highest packet received that have not arrived, oldest
     * first: the list a Generic NACK (RFC 4585 §6.2.1) would ask for.
     */
    public int[] missingSequenceNumbers() {
        if (!started || floor > highest) {
            return new int[0];
        }
        int count = 0;
        for (long e = floor; e <= highest; e++) {
            count += present(e) ? 0 : 1;
        }
        int[] missing = new int[count];
        int i = 0;
        for (long e = floor; e <= highest; e++) {
            if (!present(e)) {
                missing[i++] = SequenceNumbers.truncate(e);
            }
        }
        return missing;
    }

    public long malformedPackets() {
        return malformedPackets;
    }

    public long duplicatePackets() {
        return duplicatePackets;
    }

    /** Packets that arrived after their frame was emitted or given up. */
    public long latePackets() {
        return latePackets;
    }

    /** Frames given up as incomplete or dropped because their payloads did not join. */
    public long droppedFrames() {
        return droppedFrames;
    }

    /** Emits what is complete at the head, giving up what waited long enough by {@code now}. */
    private void pump(long now) {
        while (true) {
            if (!floorStartsFrame && knownStart(floor)) {
                floorStartsFrame = true;
            }
            if (floorStartsFrame) {
                long end = completeFrameEnd(floor);
                if (end != NONE) {
                    emit(floor, end);
                    floor = end + 1;
                    floorSettled = true;
                    continue;
                }
            }
            if (completedKeyframeStart > floor || waitedLongEnough(now)) {
                giveUpHead();
                continue;
            }
            return;
        }
    }

    /** Whether the first missing packet is {@code maxWaitPackets} behind and has been missing for maxWaitNanos. */
    private boolean waitedLongEnough(long now) {
        long missing = firstMissing();
        if (highest - missing < maxWaitPackets) {
            return false;
        }
        if (maxWaitNanos == 0) {
            return true;
        }
        long noticed = Long.MAX_VALUE;
        for (long e = missing + 1; e <= highest; e++) {
            if (present(e)) {
                noticed = Math.min(noticed, arrivals[slot(e)]);
            }
        }
        return now - noticed >= maxWaitNanos;
    }

    private long firstMissing() {
        long e = floor;
        while (e <= highest && present(e)) {
            e++;
        }
        return e;
    }

    private void giveUpHead() {
        droppedFrames++;
        floorSettled = true;
        for (long s = floor + 1; s <= highest; s++) {
            if (knownStart(s)) {
                floor = s;
                floorStartsFrame = true;
                return;
            }
        }
        floor = endOfHeadFrame() + 1;
        floorStartsFrame = false;
    }

    /**
     * With no later frame start in sight, the head frame is taken to be the packets that share the timestamp of
     * the first one present, so packets of the next frame that wait for their own first packet are kept.
     */
    private long endOfHeadFrame() {
        long e = floor;
        while (e <= highest && !present(e)) {
            e++;
        }
        if (e > highest) {
            return highest;
        }
        int timestamp = timestamps[slot(e)];
        long end = e;
        for (; e <= highest; e++) {
            if (present(e)) {
                if (timestamps[slot(e)] != timestamp) {
                    break;
                }
                end = e;
                if ((flags[slot(e)] & Depacketizer.FRAME_END) != 0) {
                    break;
                }
            }
        }
        return end;
    }

    /** Remembers the start of the frame holding {@code ext} if that frame is now complete and a keyframe. */
    private void noteCompletedKeyframe(long ext) {
        long start = ext;
        while (!knownStart(start)) {
            if (!present(start - 1)) {
                return;
            }
            start--;
        }
        long end = completeFrameEnd(start);
        if (end == NONE || start <= floor) {
            return;
        }
        for (long e = start; e <= end; e++) {
            if ((flags[slot(e)] & Depacketizer.KEYFRAME) != 0) {
                completedKeyframeStart = Math.max(completedKeyframeStart, start);
                return;
            }
        }
    }

    private boolean knownStart(long s) {
        if (!present(s)) {
            return false;
        }
        if ((flags[slot(s)] & Depacketizer.FRAME_START) != 0 || (s == floor && floorStartsFrame)) {
            return true;
        }
        return present(s - 1) && ((flags[slot(s - 1)] & Depacketizer.FRAME_END) != 0
                || timestamps[slot(s - 1)] != timestamps[slot(s)]);
    }

    /** The last packet of the frame starting at {@code start} if all its packets are here, else NONE. */
    private long completeFrameEnd(long start) {
        int timestamp = timestamps[slot(start)];
        for (long e = start; present(e); e++) {
            if (timestamps[slot(e)] != timestamp) {
                return e - 1;
            }
            if ((flags[slot(e)] & Depacketizer.FRAME_END) != 0) {
                return e;
            }
        }
        return NONE;
    }

    private void emit(long start, long end) {
        run.start = start;
        run.size = (int) (end - start + 1);
        boolean keyframe = false;
        for (long e = start; e <= end; e++) {
            keyframe |= (flags[slot(e)] & Depacketizer.KEYFRAME) != 0;
        }
        try {
            byte[] data = depacketizer.assemble(run);
            ready.add(new MediaFrame(data, timestamps[slot(start)], keyframe, start, end));
        } catch (CodecParseException e) {
            droppedFrames++;
            LOG.log(System.Logger.Level.DEBUG, "dropping frame {0}..{1}: {2}", start, end, e.getMessage());
        }
    }

    private boolean present(long ext) {
        return started && ext >= floor && ext <= highest && sequenceNumbers[slot(ext)] == ext;
    }

    private int slot(long ext) {
        return (int) (ext & mask);
    }

    /** The buffered payloads of one frame, lent to the depacketizer. */
    private final class FrameRun implements PacketRun {
        private long start;
        private int size;

        @Override
        public int size() {
            return size;
        }

        @Override
        public byte[] payload(int index) {
            return payloads[slot(start + index)];
        }

        @Override
        public int length(int index) {
            return lengths[slot(start + index)];
        }
    }
}

package io.jrtc.sctp;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A set of unwrapped TSNs stored as disjoint, non-adjacent closed intervals, ordered by start. Operations cost
 * O(log n) in the number of intervals (the number of holes), never in the number of TSNs, which keeps SACK
 * generation (receiver) and SACK processing (sender) cheap on windows of thousands of chunks.
 */
final class TsnIntervalSet {
    private static final class Interval {
        long start;
        long end;

        Interval(long start, long end) {
            this.start = start;
            this.end = end;
        }
    }

    /** Receives each maximal sub-range of TSNs that an operation touched, lowest first. */
    @FunctionalInterface
    interface RangeConsumer {
        void accept(long first, long last);
    }

    private final TreeMap<Long, Interval> byStart = new TreeMap<>();

    boolean isEmpty() {
        return byStart.isEmpty();
    }

    int intervalCount() {
        return byStart.size();
    }

    void clear() {
        byStart.clear();
    }

    boolean contains(long tsn) {
        Map.Entry<Long, Interval> e = byStart.floorEntry(tsn);
        return e != null && e.getValue().end >= tsn;
    }

    /** Adds one TSN; false when it was already present. Extending an interval at its end allocates nothing. */
    boolean add(long tsn) {
        Map.Entry<Long, Interval> floor = byStart.floorEntry(tsn);
        if (floor != null) {
            Interval iv = floor.getValue();
            if (iv.end >= tsn) {
                return false;
            }
            if (iv.end == tsn - 1) {
                iv.end = tsn;
                Interval next = byStart.remove(tsn + 1);
                if (next != null) {
                    iv.end = next.end;
                }
                return true;
            }
        }
        Interval next = byStart.remove(tsn + 1);
        if (next != null) {
            next.start = tsn;
            byStart.put(tsn, next);
        } else {
            byStart.put(tsn, new Interval(tsn, tsn));
        }
        return true;
    }

    /** Removes one TSN (a receiver reneging on data it gap-acked, RFC 9260 §6.2); false when it was absent. */
    boolean remove(long tsn) {
        Map.Entry<Long, Interval> floor = byStart.floorEntry(tsn);
        if (floor == null || floor.getValue().end < tsn) {
            return false;
        }
        Interval iv = floor.getValue();
        long end = iv.end;
        if (iv.start == tsn) {
            byStart.remove(tsn);
            if (end > tsn) {
                iv.start = tsn + 1;
                byStart.put(iv.start, iv);
            }
            return true;
        }
        iv.end = tsn - 1;
        if (end > tsn) {
            byStart.put(tsn + 1, new Interval(tsn + 1, end));
        }
        return true;
    }

    /** Adds {@code [first, last]}, reporting to {@code added} exactly the sub-ranges that were not yet present. */
    void addRange(long first, long last, RangeConsumer added) {
        if (first > last) {
            return;
        }
        Map.Entry<Long, Interval> floor = byStart.floorEntry(first);
        if (floor != null && floor.getValue().end >= last) {
            return;
        }
        long fromKey = floor != null && floor.getValue().end >= first - 1 ? floor.getKey() : first;
        NavigableMap<Long, Interval> touching = byStart.subMap(fromKey, true, last + 1, true);
        long cursor = first;
        long newStart = first;
        long newEnd = last;
        Interval reuse = null;
        for (Iterator<Interval> it = touching.values().iterator(); it.hasNext(); ) {
            Interval iv = it.next();
            if (iv.start > cursor) {
                added.accept(cursor, Math.min(iv.start - 1, last));
            }
            cursor = Math.max(cursor, iv.end + 1);
            newStart = Math.min(newStart, iv.start);
            newEnd = Math.max(newEnd, iv.end);
            if (reuse == null) {
                reuse = iv;
            }
            it.remove();
        }
        if (cursor <= last) {
            added.accept(cursor, last);
        }
        if (reuse == null) {
            reuse = new Interval(newStart, newEnd);
        }
        reuse.start = newStart;
        reuse.end = newEnd;
        byStart.put(newStart, reuse);
    }

    /** Removes the first interval if it starts at {@code tsn}, returning its end; otherwise returns {@code tsn - 1}. */
    long removeFirstIfStartsAt(long tsn) {
        Map.Entry<Long, Interval> first = byStart.firstEntry();
        if (first == null || first.getKey() != tsn) {
            return tsn - 1;
        }
        byStart.pollFirstEntry();
        return first.getValue().end;
    }

    /** Drops every TSN {@code <= tsn}. */
    void removeUpTo(long tsn) {
        Map.Entry<Long, Interval> first;
        while ((first = byStart.firstEntry()) != null && first.getKey() <= tsn) {
            byStart.pollFirstEntry();
            Interval iv = first.getValue();
            if (iv.end > tsn) {
                iv.start = tsn + 1;
                byStart.put(iv.start, iv);
                return;
            }
        }
    }

    /** The largest TSN present, or {@code fallback} when empty. */
    long highest(long fallback) {
        Map.Entry<Long, Interval> last = byStart.lastEntry();
        return last == null ? fallback : last.getValue().end;
    }

    /** Calls {@code consumer} for each interval, lowest first, until it has seen {@code max} intervals. */
    void forEachInterval(int max, RangeConsumer consumer) {
        int n = 0;
        for (Interval iv : byStart.values()) {
            if (n++ == max) {
                return;
            }
            consumer.accept(iv.start, iv.end);
        }
    }

    /** Calls {@code consumer} for each maximal range of TSNs in {@code [from, to]} that is NOT in the set. */
    void forEachHole(long from, long to, RangeConsumer consumer) {
        if (from > to) {
            return;
        }
        long cursor = from;
        Map.Entry<Long, Interval> floor = byStart.floorEntry(from);
        if (floor != null && floor.getValue().end >= from) {
            cursor = floor.getValue().end + 1;
        }
        for (Interval iv : byStart.tailMap(from, false).values()) {
            if (cursor > to) {
                return;
            }
            if (iv.start > to) {
                break;
            }
            if (iv.start > cursor) {
                consumer.accept(cursor, iv.start - 1);
            }
            cursor = Math.max(cursor, iv.end + 1);
        }
        if (cursor <= to) {
            consumer.accept(cursor, to);
        }
    }
}

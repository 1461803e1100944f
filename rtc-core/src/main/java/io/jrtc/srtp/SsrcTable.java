package io.jrtc.srtp;

import java.util.function.IntFunction;

/**
 * Per-SSRC state keyed by the unboxed 32-bit SSRC, so a lookup per packet allocates nothing (a HashMap would box
 * most SSRCs). Open addressing with linear probing; grows at half full; entries are never removed, since an SRTP
 * cryptographic context lives as long as its master key.
 */
final class SsrcTable<T> {
    private int[] keys = new int[8];
    private Object[] values = new Object[8];
    private int size;

    /** The state of {@code ssrc}, or null. */
    @SuppressWarnings("unchecked")
    T get(int ssrc) {
        int mask = keys.length - 1;
        for (int slot = hash(ssrc) & mask; values[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == ssrc) {
                return (T) values[slot];
            }
        }
        return null;
    }

    /** The state of {@code ssrc}, created by {@code create} when absent. */
    T getOrCreate(int ssrc, IntFunction<T> create) {
        T existing = get(ssrc);
        if (existing != null) {
            return existing;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        T created = create.apply(ssrc);
        insert(ssrc, created);
        size++;
        return created;
    }

    int size() {
        return size;
    }

    private void insert(int ssrc, Object value) {
        int mask = keys.length - 1;
        int slot = hash(ssrc) & mask;
        while (values[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = ssrc;
        values[slot] = value;
    }

    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int hash(int ssrc) {
        int h = ssrc * 0x9E3779B9;
        return h ^ h >>> 16;
    }
}

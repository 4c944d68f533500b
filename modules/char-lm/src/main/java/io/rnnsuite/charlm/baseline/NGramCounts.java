package io.rnnsuite.charlm.baseline;

import java.util.Arrays;

/**
 * A primitive open-addressing map from a packed n-gram key to an int count: a 5-gram model of a
 * megabyte of text holds millions of entries, which boxed {@code HashMap<Long, Integer>} would
 * make several times larger.
 */
final class NGramCounts {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;

    NGramCounts() {
        keys = new long[1 << 12];
        values = new int[keys.length];
        Arrays.fill(keys, EMPTY);
    }

    int get(long key) {
        int slot = find(keys, key);
        return keys[slot] == EMPTY ? 0 : values[slot];
    }

    /** Adds {@code delta} to the count of {@code key}; returns the new count. */
    int add(long key, int delta) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int slot = find(keys, key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
        }
        values[slot] += delta;
        return values[slot];
    }

    int size() {
        return size;
    }

    private static int find(long[] table, long key) {
        int mask = table.length - 1;
        int slot = (int) (mix(key) & mask);
        while (table[slot] != EMPTY && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[keys.length];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}

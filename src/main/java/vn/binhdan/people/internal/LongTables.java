package vn.binhdan.people.internal;

/**
 * Open-addressing tables over primitive longs for the person import's set checks: a million
 * entries cost tens of megabytes rather than the hundreds that boxed maps would.
 */
final class LongTables {

    private LongTables() {
    }

    static int capacityFor(long expected) {
        int cap = 1 << 10;
        while (cap < expected * 2 && cap < (1 << 30)) {
            cap <<= 1;
        }
        return cap;
    }

    static int mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return (int) k;
    }

    /** A set of longs (any value). */
    static final class LongSet {
        private long[] keys;
        private boolean[] used;
        private int size;

        LongSet(long expected) {
            int cap = capacityFor(expected);
            keys = new long[cap];
            used = new boolean[cap];
        }

        boolean contains(long k) {
            int mask = keys.length - 1;
            for (int i = mix(k) & mask; used[i]; i = (i + 1) & mask) {
                if (keys[i] == k) {
                    return true;
                }
            }
            return false;
        }

        void add(long k) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = mix(k) & mask;
            while (used[i]) {
                if (keys[i] == k) {
                    return;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = k;
            size++;
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    add(oldKeys[i]);
                }
            }
        }
    }

    /**
     * Non-negative long keys (12-digit ID numbers) to a 128-bit digest: {@link #putIfAbsent}
     * answers whether the key was new, the same digest, or another one.
     */
    static final class DigestTable {
        static final int ADDED = 0;
        static final int SAME = 1;
        static final int DIFFERENT = 2;

        private long[] keys; // key + 1; 0 marks an empty slot
        private long[] d1;
        private long[] d2;
        private int size;

        DigestTable(long expected) {
            int cap = capacityFor(expected);
            keys = new long[cap];
            d1 = new long[cap];
            d2 = new long[cap];
        }

        int putIfAbsent(long key, long a, long b) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            long k = key + 1;
            int mask = keys.length - 1;
            int i = mix(k) & mask;
            while (keys[i] != 0) {
                if (keys[i] == k) {
                    return d1[i] == a && d2[i] == b ? SAME : DIFFERENT;
                }
                i = (i + 1) & mask;
            }
            keys[i] = k;
            d1[i] = a;
            d2[i] = b;
            size++;
            return ADDED;
        }

        private void grow() {
            long[] ok = keys;
            long[] o1 = d1;
            long[] o2 = d2;
            keys = new long[ok.length * 2];
            d1 = new long[ok.length * 2];
            d2 = new long[ok.length * 2];
            size = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] != 0) {
                    putIfAbsent(ok[i] - 1, o1[i], o2[i]);
                }
            }
        }
    }

    /** The first 64 bits of a hex digest. */
    static long hexPrefix(String hex, int from) {
        return Long.parseUnsignedLong(hex, from, from + 16, 16);
    }
}

package io.pyredis.storage.internal;

import java.util.Locale;

/**
 * The text of Redis's dictGetStats (dict.c), which DEBUG HTSTATS and HTSTATS-KEY reply:
 * per hash table (the main one, and the rehashing target while rehashing) its size, its
 * elements, the buckets in use and the distribution of chain lengths.
 */
public final class DictStats {

    /** dict.c's DICT_STATS_VECTLEN. */
    private static final int VECTLEN = 50;

    private final StringBuilder out = new StringBuilder();

    /** The stats of one table of {@code size} buckets holding {@code used} elements; give it every bucket's chain length. */
    final class Table {
        private final int index;
        private final long size;
        private final long used;
        private final long[] clvector = new long[VECTLEN];
        private long slots;
        private long maxChain;
        private long totChain;

        Table(int index, long size, long used) {
            this.index = index;
            this.size = size;
            this.used = used;
        }

        void bucket(int chainLength) {
            if (chainLength == 0) {
                clvector[0]++;
                return;
            }
            slots++;
            clvector[Math.min(chainLength, VECTLEN - 1)]++;
            maxChain = Math.max(maxChain, chainLength);
            totChain += chainLength;
        }

        void end() {
            String name = index == 0 ? "main hash table" : "rehashing target";
            if (used == 0) {
                out.append("Hash table ").append(index).append(" stats (").append(name).append("):\n")
                        .append("No stats available for empty dictionaries\n");
                return;
            }
            out.append("Hash table ").append(index).append(" stats (").append(name).append("):\n")
                    .append(" table size: ").append(size).append('\n')
                    .append(" number of elements: ").append(used).append('\n')
                    .append(" different slots: ").append(slots).append('\n')
                    .append(" max chain length: ").append(maxChain).append('\n')
                    .append(" avg chain length (counted): ").append(f((float) totChain / slots)).append('\n')
                    .append(" avg chain length (computed): ").append(f((float) used / slots)).append('\n')
                    .append(" Chain length distribution:\n");
            for (int i = 0; i < VECTLEN - 1; i++) {
                if (clvector[i] != 0) {
                    out.append("   ").append(i).append(": ").append(clvector[i]).append(" (")
                            .append(f(((float) clvector[i] / size) * 100)).append("%)\n");
                }
            }
        }
    }

    Table table(int index, long size, long used) {
        return new Table(index, size, used);
    }

    /** An empty dictionary (Redis's stats of a dict never filled). */
    void empty() {
        table(0, 0, 0).end();
    }

    private static String f(float v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

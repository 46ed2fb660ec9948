package io.pyredis.support;

import java.util.Comparator;

/**
 * Redis 7.0's {@code pqsort} (pqsort.c): the Bentley-McIlroy quicksort of NetBSD's qsort
 * that only finishes the partitions overlapping the wanted ranks {@code [lrange, rrange]}.
 * SORT ... BY ... LIMIT and GEOSEARCH / GEORADIUS ... COUNT use it. It is not stable, so it
 * is ported step for step: which of several equal elements land in the range depends on its
 * exact comparisons and swaps (and, like the C code, it has no "already sorted" shortcut).
 *
 * @since 0.1
 */
public final class PartialSort {

    /** Elements addressed by index, as pqsort sees its array. */
    public interface Sortable {
        /** Compares the elements at {@code i} and {@code j}, as pqsort's {@code cmp}. */
        int compare(int i, int j);

        /** Exchanges the elements at {@code i} and {@code j}. */
        void swap(int i, int j);
    }

    private PartialSort() {
    }

    /** Sorts {@code a} as pqsort does, right at least over ranks {@code lrange..rrange}. */
    public static <T> void sort(T[] a, Comparator<? super T> cmp, int lrange, int rrange) {
        sort(new Sortable() {
            @Override
            public int compare(int i, int j) {
                return cmp.compare(a[i], a[j]);
            }

            @Override
            public void swap(int i, int j) {
                T t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }, a.length, lrange, rrange);
    }

    /** Sorts the {@code n} elements of {@code s} as pqsort does, right at least over {@code lrange..rrange}. */
    public static void sort(Sortable s, int n, int lrange, int rrange) {
        sort(s, 0, n, lrange, rrange);
    }

    private static void sort(Sortable s, int lo, int n, int lrange, int rrange) {
        while (true) {
            if (n < 7) {
                for (int pm = lo + 1; pm < lo + n; pm++) {
                    for (int pl = pm; pl > lo && s.compare(pl - 1, pl) > 0; pl--) {
                        s.swap(pl, pl - 1);
                    }
                }
                return;
            }
            int pm = lo + n / 2;
            if (n > 7) {
                int pl = lo;
                int pn = lo + n - 1;
                if (n > 40) {
                    int d = n / 8;
                    pl = med3(s, pl, pl + d, pl + 2 * d);
                    pm = med3(s, pm - d, pm, pm + d);
                    pn = med3(s, pn - 2 * d, pn - d, pn);
                }
                pm = med3(s, pl, pm, pn);
            }
            s.swap(lo, pm);
            int pa = lo + 1;
            int pb = pa;
            int pc = lo + n - 1;
            int pd = pc;
            while (true) {
                int r;
                while (pb <= pc && (r = s.compare(pb, lo)) <= 0) {
                    if (r == 0) {
                        s.swap(pa, pb);
                        pa++;
                    }
                    pb++;
                }
                while (pb <= pc && (r = s.compare(pc, lo)) >= 0) {
                    if (r == 0) {
                        s.swap(pc, pd);
                        pd--;
                    }
                    pc--;
                }
                if (pb > pc) {
                    break;
                }
                s.swap(pb, pc);
                pb++;
                pc--;
            }
            int pn = lo + n;
            int r = Math.min(pa - lo, pb - pa);
            vecswap(s, lo, pb - r, r);
            r = Math.min(pd - pc, pn - pd - 1);
            vecswap(s, pb, pn - r, r);
            if ((r = pb - pa) > 1 && overlaps(lo, r, lrange, rrange)) {
                sort(s, lo, r, lrange, rrange);
            }
            // the last partition: iterate rather than recurse, as pqsort does
            if ((r = pd - pc) <= 1) {
                return;
            }
            lo = pn - r;
            n = r;
            if (!overlaps(lo, n, lrange, rrange)) {
                return;
            }
        }
    }

    /** Whether {@code [lo, lo+n)} is not wholly on one side of the wanted range. */
    private static boolean overlaps(int lo, int n, int lrange, int rrange) {
        return !((lrange < lo && rrange < lo) || (lrange >= lo + n && rrange >= lo + n));
    }

    private static int med3(Sortable s, int x, int y, int z) {
        return s.compare(x, y) < 0
                ? (s.compare(y, z) < 0 ? y : (s.compare(x, z) < 0 ? z : x))
                : (s.compare(y, z) > 0 ? y : (s.compare(x, z) < 0 ? x : z));
    }

    private static void vecswap(Sortable s, int i, int j, int n) {
        for (int k = 0; k < n; k++) {
            s.swap(i + k, j + k);
        }
    }
}

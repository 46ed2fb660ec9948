package io.pyredis.commands.keys;

import java.util.Comparator;

/**
 * Redis's pqsort: the Bentley-McIlroy quicksort (NetBSD's qsort) that only finishes the
 * partitions overlapping the range {@code [lrange, rrange]}. SORT uses it for BY with a
 * LIMIT; it is ported step for step because it is not stable: which of several elements
 * with equal BY values a LIMIT returns depends on its exact swaps.
 */
final class PartialSort {

    private PartialSort() {
    }

    static <T> void sort(T[] a, Comparator<? super T> cmp, int lrange, int rrange) {
        sort(a, 0, a.length, cmp, lrange, rrange);
    }

    /** Sorts {@code n} elements from {@code lo}. */
    private static <T> void sort(T[] a, int lo, int n, Comparator<? super T> cmp, int lrange, int rrange) {
        while (true) {
            boolean swapped = false;
            if (n < 7) {
                insertion(a, lo, n, cmp);
                return;
            }
            int pm = lo + n / 2;
            if (n > 7) {
                int pl = lo;
                int pn = lo + n - 1;
                if (n > 40) {
                    int d = n / 8;
                    pl = med3(a, pl, pl + d, pl + 2 * d, cmp);
                    pm = med3(a, pm - d, pm, pm + d, cmp);
                    pn = med3(a, pn - 2 * d, pn - d, pn, cmp);
                }
                pm = med3(a, pl, pm, pn, cmp);
            }
            swap(a, lo, pm);
            int pa = lo + 1;
            int pb = pa;
            int pc = lo + n - 1;
            int pd = pc;
            while (true) {
                int r;
                while (pb <= pc && (r = cmp.compare(a[pb], a[lo])) <= 0) {
                    if (r == 0) {
                        swapped = true;
                        swap(a, pa, pb);
                        pa++;
                    }
                    pb++;
                }
                while (pb <= pc && (r = cmp.compare(a[pc], a[lo])) >= 0) {
                    if (r == 0) {
                        swapped = true;
                        swap(a, pc, pd);
                        pd--;
                    }
                    pc--;
                }
                if (pb > pc) {
                    break;
                }
                swap(a, pb, pc);
                swapped = true;
                pb++;
                pc--;
            }
            if (!swapped) {
                insertion(a, lo, n, cmp);
                return;
            }
            int pn = lo + n;
            int r = Math.min(pa - lo, pb - pa);
            vecswap(a, lo, pb - r, r);
            r = Math.min(pd - pc, pn - pd - 1);
            vecswap(a, pb, pn - r, r);
            if ((r = pb - pa) > 1 && overlaps(lo, r, lrange, rrange)) {
                sort(a, lo, r, cmp, lrange, rrange);
            }
            if ((r = pd - pc) > 1) {
                lo = pn - r;
                n = r;
                if (overlaps(lo, n, lrange, rrange)) {
                    continue;
                }
            }
            return;
        }
    }

    /** Whether {@code [lo, lo+n)} is not wholly on one side of the wanted range. */
    private static boolean overlaps(int lo, int n, int lrange, int rrange) {
        return !((lrange < lo && rrange < lo) || (lrange >= lo + n && rrange >= lo + n));
    }

    private static <T> void insertion(T[] a, int lo, int n, Comparator<? super T> cmp) {
        for (int pm = lo + 1; pm < lo + n; pm++) {
            for (int pl = pm; pl > lo && cmp.compare(a[pl - 1], a[pl]) > 0; pl--) {
                swap(a, pl, pl - 1);
            }
        }
    }

    private static <T> int med3(T[] a, int x, int y, int z, Comparator<? super T> cmp) {
        return cmp.compare(a[x], a[y]) < 0
                ? (cmp.compare(a[y], a[z]) < 0 ? y : (cmp.compare(a[x], a[z]) < 0 ? z : x))
                : (cmp.compare(a[y], a[z]) > 0 ? y : (cmp.compare(a[x], a[z]) < 0 ? x : z));
    }

    private static <T> void swap(T[] a, int i, int j) {
        T t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static <T> void vecswap(T[] a, int i, int j, int n) {
        for (int k = 0; k < n; k++) {
            swap(a, i + k, j + k);
        }
    }
}

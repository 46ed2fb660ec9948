package io.pyredis.commands.geo;

import java.util.Arrays;

/**
 * The members a search found (Redis's geoArray), in parallel arrays, and their ordering by
 * distance: glibc's {@code qsort} (a stable top-down merge sort) for a full sort and
 * Redis's {@code pqsort} for COUNT's partial one, so that ties and NaN distances come out
 * in the order Redis gives them.
 */
final class GeoPoints {

    private int used;
    private double[] lon = new double[8];
    private double[] lat = new double[8];
    private double[] dist = new double[8];
    private double[] score = new double[8];
    private byte[][] member = new byte[8][];
    /** The order of the points once sorted: {@code order[i]} is the i-th point. */
    private int[] order;

    int size() {
        return used;
    }

    void add(double longitude, double latitude, double distance, double s, byte[] m) {
        if (used == member.length) {
            int n = used * 2;
            lon = Arrays.copyOf(lon, n);
            lat = Arrays.copyOf(lat, n);
            dist = Arrays.copyOf(dist, n);
            score = Arrays.copyOf(score, n);
            member = Arrays.copyOf(member, n);
        }
        lon[used] = longitude;
        lat[used] = latitude;
        dist[used] = distance;
        score[used] = s;
        member[used] = m;
        used++;
    }

    double longitude(int i) {
        return lon[order[i]];
    }

    double latitude(int i) {
        return lat[order[i]];
    }

    double distance(int i) {
        return dist[order[i]];
    }

    double score(int i) {
        return score[order[i]];
    }

    byte[] member(int i) {
        return member[order[i]];
    }

    /**
     * Puts the points in order: as found when {@code sort} is 0, by ascending (1) or
     * descending (-1) distance otherwise; only the first {@code wanted} need be right.
     */
    void sort(int sort, int wanted) {
        order = new int[used];
        for (int i = 0; i < used; i++) {
            order[i] = i;
        }
        if (sort == 0) {
            return;
        }
        if (wanted == used) {
            mergeSort(order, new int[used], 0, used, sort);
        } else {
            partialSort(order, 0, used, sort, 0, wanted - 1);
        }
    }

    /** sort_gp_asc (or its negation): note a NaN distance compares below everything. */
    private int compare(int a, int b, int sort) {
        double da = dist[a];
        double db = dist[b];
        int c = da > db ? 1 : da == db ? 0 : -1;
        return sort > 0 ? c : -c;
    }

    /** glibc's msort_with_tmp: halves of n/2 and n - n/2, merged taking the left on ties. */
    private void mergeSort(int[] a, int[] tmp, int from, int n, int sort) {
        if (n <= 1) {
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        int b1 = from;
        int b2 = from + n1;
        mergeSort(a, tmp, b1, n1, sort);
        mergeSort(a, tmp, b2, n2, sort);
        int t = 0;
        while (n1 > 0 && n2 > 0) {
            if (compare(a[b1], a[b2], sort) <= 0) {
                tmp[t++] = a[b1++];
                n1--;
            } else {
                tmp[t++] = a[b2++];
                n2--;
            }
        }
        while (n1 > 0) {
            tmp[t++] = a[b1++];
            n1--;
        }
        System.arraycopy(tmp, 0, a, from, n - n2);
    }

    /**
     * Redis's pqsort (Bentley and McIlroy's quicksort, skipping the parts outside
     * {@code lrange..rrange}) over {@code a[from, from + n)}, step for step.
     */
    private void partialSort(int[] a, int from, int n, int sort, int lrange, int rrange) {
        while (true) {
            if (n < 7) {
                for (int pm = from + 1; pm < from + n; pm++) {
                    for (int pl = pm; pl > from && compare(a[pl - 1], a[pl], sort) > 0; pl--) {
                        swap(a, pl, pl - 1);
                    }
                }
                return;
            }
            int pm = from + n / 2;
            if (n > 7) {
                int pl = from;
                int pn = from + n - 1;
                if (n > 40) {
                    int d = n / 8;
                    pl = med3(a, pl, pl + d, pl + 2 * d, sort);
                    pm = med3(a, pm - d, pm, pm + d, sort);
                    pn = med3(a, pn - 2 * d, pn - d, pn, sort);
                }
                pm = med3(a, pl, pm, pn, sort);
            }
            swap(a, from, pm);
            int pa = from + 1;
            int pb = pa;
            int pc = from + n - 1;
            int pd = pc;
            for (;;) {
                int c;
                while (pb <= pc && (c = compare(a[pb], a[from], sort)) <= 0) {
                    if (c == 0) {
                        swap(a, pa, pb);
                        pa++;
                    }
                    pb++;
                }
                while (pb <= pc && (c = compare(a[pc], a[from], sort)) >= 0) {
                    if (c == 0) {
                        swap(a, pc, pd);
                        pd--;
                    }
                    pc--;
                }
                if (pb > pc) {
                    break;
                }
                swap(a, pb, pc);
                pb++;
                pc--;
            }
            int pn = from + n;
            int r = Math.min(pa - from, pb - pa);
            vecswap(a, from, pb - r, r);
            r = Math.min(pd - pc, pn - pd - 1);
            vecswap(a, pb, pn - r, r);
            r = pb - pa;
            if (r > 1 && overlaps(from, from + r - 1, lrange, rrange)) {
                partialSort(a, from, r, sort, lrange, rrange);
            }
            r = pd - pc;
            if (r <= 1) {
                return;
            }
            // iterate rather than recurse, as pqsort does
            from = pn - r;
            n = r;
            if (!overlaps(from, from + r - 1, lrange, rrange)) {
                return;
            }
        }
    }

    /** Whether {@code lrange..rrange} is not entirely before or after {@code lo..hi}. */
    private static boolean overlaps(int lo, int hi, int lrange, int rrange) {
        return !((lrange < lo && rrange < lo) || (lrange > hi && rrange > hi));
    }

    private int med3(int[] a, int x, int y, int z, int sort) {
        return compare(a[x], a[y], sort) < 0
                ? (compare(a[y], a[z], sort) < 0 ? y : (compare(a[x], a[z], sort) < 0 ? z : x))
                : (compare(a[y], a[z], sort) > 0 ? y : (compare(a[x], a[z], sort) < 0 ? x : z));
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void vecswap(int[] a, int i, int j, int n) {
        for (int k = 0; k < n; k++) {
            swap(a, i + k, j + k);
        }
    }
}

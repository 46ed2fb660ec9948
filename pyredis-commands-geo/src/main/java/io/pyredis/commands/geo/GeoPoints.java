package io.pyredis.commands.geo;

import io.pyredis.support.PartialSort;

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
            int[] o = order;
            PartialSort.sort(new PartialSort.Sortable() {
                @Override
                public int compare(int i, int j) {
                    return GeoPoints.this.compare(o[i], o[j], sort);
                }

                @Override
                public void swap(int i, int j) {
                    int t = o[i];
                    o[i] = o[j];
                    o[j] = t;
                }
            }, used, 0, wanted - 1);
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
}

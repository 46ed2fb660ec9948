package com.example.hits;

/** A hit counter: the value stored at a key by HITS.INCR. Used on the server's thread only. */
final class Hits {

    private long count;

    long count() {
        return count;
    }

    /** Adds {@code n}; false (and no change) when the count would overflow. */
    boolean add(long n) {
        long sum = count + n;
        if (((count ^ sum) & (n ^ sum)) < 0) {
            return false;
        }
        count = sum;
        return true;
    }
}

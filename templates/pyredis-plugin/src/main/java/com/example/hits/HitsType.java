package com.example.hits;

import io.pyredis.api.PersistentType;
import io.pyredis.api.RdbInput;
import io.pyredis.api.RdbOutput;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * {@link Hits} as a persistent data type: TYPE replies {@code hits-cntr}; in an RDB file a
 * hit counter is a Redis module value of that type, encoding version 0, holding the count
 * as a signed 64-bit number.
 */
final class HitsType implements PersistentType<Hits> {

    static final HitsType INSTANCE = new HitsType();

    private static final byte[] HITS_INCR = "HITS.INCR".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BY = "BY".getBytes(StandardCharsets.US_ASCII);

    private HitsType() {
    }

    /** Exactly 9 characters of A-Z a-z 0-9 - _, as a Redis module type's name. */
    @Override
    public String name() {
        return "hits-cntr";
    }

    /** Bumped when {@link #save} changes; {@link #load} is given the version a value was saved with. */
    @Override
    public int encodingVersion() {
        return 0;
    }

    @Override
    public Class<Hits> valueClass() {
        return Hits.class;
    }

    @Override
    public void save(Hits value, RdbOutput out) {
        out.writeSigned(value.count());
    }

    @Override
    public Hits load(RdbInput in, int encodingVersion) {
        if (encodingVersion != 0) {
            throw new IllegalArgumentException("hits-cntr encoding version " + encodingVersion
                    + " is newer than this plugin");
        }
        Hits h = new Hits();
        h.add(in.readSigned());
        return h;
    }

    /** What an AOF rewrite records to build the value again: one HITS.INCR. */
    @Override
    public void rewrite(byte[] key, Hits value, Consumer<byte[][]> emit) {
        emit.accept(new byte[][] {HITS_INCR, key, BY,
                Long.toString(value.count()).getBytes(StandardCharsets.US_ASCII)});
    }
}

package io.pyredis.example.ring;

import io.pyredis.api.PersistentType;
import io.pyredis.api.RdbInput;
import io.pyredis.api.RdbOutput;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The ring buffer as a persistent data type: TYPE replies {@code ring-buff}, and a ring
 * survives SAVE/restart, DUMP/RESTORE and AOF rewrites. In an RDB file it is a Redis
 * module value of type {@code ring-buff}, encoding version 0, holding the capacity, the
 * number of elements and the elements oldest first.
 */
final class RingType implements PersistentType<Ring> {

    static final RingType INSTANCE = new RingType();

    /** Redis's AOF_REWRITE_ITEMS_PER_CMD: elements per command when rewriting. */
    private static final int ITEMS_PER_COMMAND = 64;
    private static final byte[] RING_PUSH = "RING.PUSH".getBytes(StandardCharsets.US_ASCII);

    private RingType() {
    }

    @Override
    public String name() {
        return "ring-buff";
    }

    @Override
    public int encodingVersion() {
        return 0;
    }

    @Override
    public Class<Ring> valueClass() {
        return Ring.class;
    }

    @Override
    public void save(Ring ring, RdbOutput out) {
        out.writeUnsigned(ring.capacity());
        out.writeUnsigned(ring.size());
        for (Iterator<byte[]> it = ring.iterator(); it.hasNext(); ) {
            out.writeBytes(it.next());
        }
    }

    @Override
    public Ring load(RdbInput in, int encodingVersion) {
        if (encodingVersion != 0) {
            throw new IllegalArgumentException("ring-buff encoding version " + encodingVersion + " is newer than this plugin");
        }
        long capacity = in.readUnsigned();
        long size = in.readUnsigned();
        if (capacity < 1 || capacity > Ring.MAX_CAPACITY || size < 0 || size > capacity) {
            throw new IllegalArgumentException("bad ring: capacity " + capacity + ", size " + size);
        }
        // Grown as elements arrive: a corrupt size costs a failed read, not memory.
        Ring ring = new Ring(capacity);
        for (long i = 0; i < size; i++) {
            ring.push(in.readBytes());
        }
        return ring;
    }

    @Override
    public void rewrite(byte[] key, Ring ring, Consumer<byte[][]> emit) {
        byte[] capacity = Long.toString(ring.capacity()).getBytes(StandardCharsets.US_ASCII);
        Iterator<byte[]> it = ring.iterator();
        int left = ring.size();
        while (left > 0) {
            int n = Math.min(left, ITEMS_PER_COMMAND);
            byte[][] cmd = new byte[3 + n][];
            cmd[0] = RING_PUSH;
            cmd[1] = key;
            cmd[2] = capacity;
            for (int i = 0; i < n; i++) {
                cmd[3 + i] = it.next();
            }
            emit.accept(cmd);
            left -= n;
        }
    }
}

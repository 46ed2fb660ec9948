package io.pyredis.example.ring;

import io.pyredis.api.CommandPack;
import io.pyredis.api.RdbInput;
import io.pyredis.api.RdbOutput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.*;

/** The ring buffer's own behaviour and its persistence callbacks (the server's side is tested in pyredis-dist). */
class RingTypeTest {

    /** Items as save writes them: Long for unsigned, byte[] for strings. */
    private static final class Items implements RdbOutput, RdbInput {
        final Deque<Object> items = new ArrayDeque<>();

        @Override public void writeUnsigned(long value) { items.add(value); }
        @Override public void writeSigned(long value) { items.add(value); }
        @Override public void writeDouble(double value) { items.add(value); }
        @Override public void writeFloat(float value) { items.add(value); }
        @Override public void writeBytes(byte[] value) { items.add(value.clone()); }

        private Object next(Class<?> c) {
            Object o = items.poll();
            if (!c.isInstance(o)) {
                throw new IllegalStateException("expected " + c.getSimpleName() + ", got " + o);
            }
            return o;
        }

        @Override public long readUnsigned() { return (Long) next(Long.class); }
        @Override public long readSigned() { return (Long) next(Long.class); }
        @Override public double readDouble() { return (Double) next(Double.class); }
        @Override public float readFloat() { return (Float) next(Float.class); }
        @Override public byte[] readBytes() { return (byte[]) next(byte[].class); }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> contents(Ring r) {
        List<String> out = new ArrayList<>();
        for (Iterator<byte[]> it = r.iterator(); it.hasNext(); ) {
            out.add(new String(it.next(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void keepsTheLastCapacityElements() {
        Ring r = new Ring(3);
        for (String s : new String[] {"a", "b", "c", "d"}) {
            r.push(b(s));
        }
        assertEquals(List.of("b", "c", "d"), contents(r));
        r.capacity(2);
        assertEquals(List.of("c", "d"), contents(r));
        Ring copy = (Ring) r.copy();
        r.push(b("e"));
        assertEquals(List.of("c", "d"), contents(copy));
        assertEquals("ring-buff", r.type().name());
        assertEquals("raw", r.encoding());
    }

    @Test
    void saveAndLoadRoundTrip() {
        Ring r = new Ring(5);
        r.push(b("x"));
        r.push(new byte[0]);
        r.push(b("zzz"));
        Items io = new Items();
        RingType.INSTANCE.save(r, io);
        Ring back = RingType.INSTANCE.load(io, 0);
        assertEquals(5, back.capacity());
        assertEquals(List.of("x", "", "zzz"), contents(back));
        assertTrue(io.items.isEmpty());
    }

    @Test
    void loadRefusesImpossibleRingsAndNewerVersions() {
        for (long[] capSize : new long[][] {{0, 0}, {-1, 0}, {3, 4}, {Ring.MAX_CAPACITY + 1, 0}, {2, -1}}) {
            Items io = new Items();
            io.writeUnsigned(capSize[0]);
            io.writeUnsigned(capSize[1]);
            assertThrows(IllegalArgumentException.class, () -> RingType.INSTANCE.load(io, 0),
                    capSize[0] + "/" + capSize[1]);
        }
        Items io = new Items();
        io.writeUnsigned(1);
        io.writeUnsigned(0);
        assertThrows(IllegalArgumentException.class, () -> RingType.INSTANCE.load(io, 1));
    }

    @Test
    void rewriteEmitsPushesOfAtMost64Elements() {
        Ring r = new Ring(1000);
        for (int i = 0; i < 130; i++) {
            r.push(b("e" + i));
        }
        List<byte[][]> cmds = new ArrayList<>();
        RingType.INSTANCE.rewrite(b("k"), r, cmds::add);
        assertEquals(3, cmds.size());
        assertEquals(List.of(67, 67, 5), cmds.stream().map(c -> c.length).toList());
        for (byte[][] c : cmds) {
            assertEquals("RING.PUSH k 1000", new String(c[0]) + " " + new String(c[1]) + " " + new String(c[2]));
        }
        assertEquals("e0", new String(cmds.get(0)[3]));
        assertEquals("e129", new String(cmds.get(2)[4]));
    }

    @Test
    void thePackDeclaresTheType() {
        CommandPack pack = ServiceLoader.load(CommandPack.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof RingPack)
                .findFirst().orElseThrow();
        assertEquals(List.of(RingType.INSTANCE), pack.dataTypes());
        assertEquals(List.of("ring.push", "ring.range", "ring.len"),
                pack.commands().stream().map(c -> c.spec().name()).toList());
    }
}

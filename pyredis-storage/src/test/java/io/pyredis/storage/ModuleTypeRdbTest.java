package io.pyredis.storage;

import io.pyredis.api.DataType;
import io.pyredis.api.PersistentType;
import io.pyredis.api.RdbInput;
import io.pyredis.api.RdbOutput;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.internal.rdb.Crc64;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/** Plugin data types as Redis module types: the id, the opcode-tagged payload, the loader's refusals. */
class ModuleTypeRdbTest {

    private static final long NOW = 1_700_000_000_000L;

    /** A value with one item of each kind, and a list of strings. */
    record Rec(long u, long s, double d, float f, byte[] bytes, List<byte[]> items) implements RedisValue {
        @Override
        public DataType type() {
            return RecType.INSTANCE;
        }

        @Override
        public String encoding() {
            return "raw";
        }

        String describe() {
            StringBuilder sb = new StringBuilder(u + "," + s + "," + d + "," + f + "," + new String(bytes, StandardCharsets.ISO_8859_1));
            items.forEach(i -> sb.append('|').append(new String(i, StandardCharsets.ISO_8859_1)));
            return sb.toString();
        }
    }

    static final class RecType implements PersistentType<Rec> {
        static final RecType INSTANCE = new RecType("TestType1", 3);
        final String name;
        final int encver;
        /** What load did with the input (tests change it to misbehave). */
        Behaviour behaviour = Behaviour.NORMAL;
        int lastEncver = -1;

        enum Behaviour { NORMAL, RETURN_NULL, THROW, SWALLOW_READ_ERROR }

        RecType(String name, int encver) {
            this.name = name;
            this.encver = encver;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int encodingVersion() {
            return encver;
        }

        @Override
        public Class<Rec> valueClass() {
            return Rec.class;
        }

        @Override
        public void save(Rec v, RdbOutput out) {
            out.writeUnsigned(v.u());
            out.writeSigned(v.s());
            out.writeDouble(v.d());
            out.writeFloat(v.f());
            out.writeBytes(v.bytes());
            out.writeUnsigned(v.items().size());
            v.items().forEach(out::writeBytes);
        }

        @Override
        public Rec load(RdbInput in, int encodingVersion) {
            lastEncver = encodingVersion;
            switch (behaviour) {
                case RETURN_NULL:
                    return null;
                case THROW:
                    throw new IllegalArgumentException("bad ring");
                default:
                    break;
            }
            try {
                long u = in.readUnsigned();
                long s = in.readSigned();
                double d = in.readDouble();
                float f = in.readFloat();
                byte[] b = in.readBytes();
                long n = in.readUnsigned();
                List<byte[]> items = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    items.add(in.readBytes());
                }
                return new Rec(u, s, d, f, b, items);
            } catch (RuntimeException e) {
                if (behaviour == Behaviour.SWALLOW_READ_ERROR) {
                    return new Rec(0, 0, 0, 0, new byte[0], List.of());
                }
                throw e;
            }
        }

        @Override
        public void rewrite(byte[] key, Rec v, Consumer<byte[][]> emit) {
            emit.accept(new byte[][] {b("REC.SET"), key, b(Long.toString(v.u()))});
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Rec sampleRec() {
        return new Rec(5, -1, 1.5, 2.5f, b("hi"), List.of(b("a"), b("12345"), b("x".repeat(100))));
    }

    private static ModuleTypes registry() {
        return ModuleTypes.of(List.of(RecType.INSTANCE));
    }

    private static Keyspace keyspace(ModuleTypes types) {
        Keyspace ks = new Keyspace(16, new ManualClock(NOW));
        ks.moduleTypes(types);
        return ks;
    }

    private static byte[] write(Keyspace ks) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Rdb.write(ks, out, true, true);
        return out.toByteArray();
    }

    private static Keyspace read(byte[] rdb, ModuleTypes types) throws RdbLoadException {
        Keyspace ks = keyspace(types);
        Rdb.load(ks, new ByteArrayInputStream(rdb), rdb.length, Path.of("test.rdb"));
        return ks;
    }

    // ------------------------------------------------------------ ids

    @Test
    void moduleIdsAreRedisEncoding() {
        // 6 bits a character (index in A-Z a-z 0-9 - _), then 10 bits of version.
        assertEquals(1, ModuleTypes.encodeId("AAAAAAAAA", 1));
        assertEquals(-1L, ModuleTypes.encodeId("_________", 1023));
        assertEquals((1L << 58) | 7, ModuleTypes.encodeId("BAAAAAAAA", 7));
        assertEquals(63L << 10, ModuleTypes.encodeId("AAAAAAAA_", 0));
        long id = ModuleTypes.encodeId("TestType1", 3);
        assertEquals("TestType1", ModuleTypes.nameOf(id));
        assertEquals(3, id & 1023);
        assertEquals("ReJSON-RL", ModuleTypes.nameOf(ModuleTypes.encodeId("ReJSON-RL", 3)));
    }

    @Test
    void registrationChecksNamesVersionsAndDuplicates() {
        assertNull(ModuleTypes.check(new RecType("my-type_9", 0)));
        assertTrue(ModuleTypes.check(new RecType("short", 0)).contains("exactly 9 characters"));
        assertTrue(ModuleTypes.check(new RecType("bad.name!", 0)).contains("bad name"));
        assertTrue(ModuleTypes.check(new RecType("naïve-123", 0)).contains("bad name"));
        assertTrue(ModuleTypes.check(new RecType("TestType1", 1024)).contains("0..1023"));
        assertTrue(ModuleTypes.check(new RecType("TestType1", -1)).contains("0..1023"));
        assertTrue(ModuleTypes.check(new RecType("AAAAAAAAA", 0)).contains("reserved"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModuleTypes.of(List.of(new RecType("TestType1", 1), new RecType("TestType1", 2))));
        assertTrue(e.getMessage().contains("'TestType1' is declared twice"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModuleTypes.of(List.of(new RecType("x", 1))));
    }

    // ------------------------------------------------------------ format

    @Test
    void dumpPayloadIsRedisModuleTypeSerialization() {
        byte[] got = Rdb.dump(new Rec(5, -1, 1.5, 2.5f, b("hi"), List.of()), true, new EncodingLimits());
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        e.write(7); // RDB_TYPE_MODULE_2
        long id = ModuleTypes.encodeId("TestType1", 3);
        e.write(0x81); // rdbSaveLen of a 64-bit length: 0x81 then 8 bytes big endian
        for (int i = 7; i >= 0; i--) {
            e.write((int) (id >>> (8 * i)));
        }
        e.writeBytes(new byte[] {2, 5}); // UINT 5
        e.writeBytes(new byte[] {2, (byte) 0x81, -1, -1, -1, -1, -1, -1, -1, -1}); // SaveSigned(-1): UINT of 2^64-1
        e.writeBytes(new byte[] {4, 0, 0, 0, 0, 0, 0, (byte) 0xf8, 0x3f}); // DOUBLE 1.5, little endian
        e.writeBytes(new byte[] {3, 0, 0, 0x20, 0x40}); // FLOAT 2.5f
        e.writeBytes(new byte[] {5, 2, 'h', 'i'}); // STRING "hi" (rdbSaveRawString)
        e.writeBytes(new byte[] {2, 0}); // UINT 0 (no items)
        e.write(0); // RDB_MODULE_OPCODE_EOF
        e.writeBytes(new byte[] {10, 0}); // RDB version 10
        byte[] body = e.toByteArray();
        long crc = Crc64.update(0, body, 0, body.length);
        byte[] expected = Arrays.copyOf(body, body.length + 8);
        for (int i = 0; i < 8; i++) {
            expected[body.length + i] = (byte) (crc >>> (8 * i));
        }
        assertArrayEquals(expected, got, RdbTest.toHex(got));
    }

    @Test
    void stringItemsUseRdbStringEncodings() {
        // SaveStringBuffer is rdbSaveRawString: integers as INT encodings, long strings LZF.
        Rec r = new Rec(0, 0, 0, 0, b("12345"), List.of(b("ab".repeat(40))));
        byte[] p = Rdb.dump(r, true, new EncodingLimits());
        String hex = RdbTest.toHex(p);
        assertTrue(hex.contains("05c13930"), hex); // STRING, INT16 12345
        assertTrue(hex.contains("05c3"), hex); // STRING, LZF
        assertEquals(r.describe(), ((Rec) Rdb.restore(p, new EncodingLimits(), registry())).describe());
    }

    @Test
    void valuesRoundTripThroughRdbAndDump() throws Exception {
        Keyspace ks = keyspace(registry());
        ks.db(0).set(b("rec"), sampleRec());
        Rec extremes = new Rec(-1, Long.MIN_VALUE, Double.NaN, Float.NEGATIVE_INFINITY, new byte[0],
                List.of(new byte[70_000]));
        ks.db(2).set(b("extremes"), extremes, NOW + 5000);
        ks.db(2).set(b("plain"), RedisString.of("v"));
        byte[] rdb = write(ks);

        Keyspace back = read(rdb, registry());
        assertEquals(sampleRec().describe(), ((Rec) back.db(0).peek(b("rec"))).describe());
        Rec e = (Rec) back.db(2).peek(b("extremes"));
        assertEquals(extremes.describe(), e.describe());
        assertEquals(NOW + 5000, back.db(2).expireAt(b("extremes")));
        assertEquals("string v", KeyspaceContents.describe(back.db(2).peek(b("plain"))));
        assertEquals(3, RecType.INSTANCE.lastEncver);

        byte[] payload = Rdb.dump(sampleRec(), false, new EncodingLimits());
        assertEquals(sampleRec().describe(), ((Rec) Rdb.restore(payload, new EncodingLimits(), registry())).describe());
    }

    @Test
    void olderEncodingVersionsReachTheLoaderByName() throws Exception {
        // Written by version 1 of the type, read by a server whose type is at version 3.
        Rec r = new Rec(1, 2, 3, 4, b("x"), List.of());
        byte[] p = Rdb.dump(new TypedRec(new RecType("TestType1", 1), r), true, new EncodingLimits());
        RecType.INSTANCE.lastEncver = -1;
        assertEquals(r.describe(), ((Rec) Rdb.restore(p, new EncodingLimits(), registry())).describe());
        assertEquals(1, RecType.INSTANCE.lastEncver);
    }

    /** A Rec whose type is {@code type} (to write as another version). */
    private static final class TypedRec implements RedisValue {
        final RecType type;
        final Rec rec;

        TypedRec(RecType type, Rec rec) {
            this.type = type;
            this.rec = rec;
        }

        @Override
        public DataType type() {
            return new PersistentType<TypedRec>() {
                @Override
                public String name() {
                    return type.name();
                }

                @Override
                public int encodingVersion() {
                    return type.encodingVersion();
                }

                @Override
                public Class<TypedRec> valueClass() {
                    return TypedRec.class;
                }

                @Override
                public void save(TypedRec value, RdbOutput out) {
                    type.save(value.rec, out);
                }

                @Override
                public TypedRec load(RdbInput in, int encodingVersion) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void rewrite(byte[] key, TypedRec value, Consumer<byte[][]> emit) {
                }
            };
        }

        @Override
        public String encoding() {
            return "raw";
        }
    }

    // ------------------------------------------------------------ refusals

    @Test
    void unknownModuleTypeIsRefusedNamingIt() throws Exception {
        Keyspace ks = keyspace(registry());
        ks.db(0).set(b("rec"), sampleRec());
        byte[] rdb = write(ks);
        RdbLoadException e = assertThrows(RdbLoadException.class, () -> read(rdb, ModuleTypes.NONE));
        assertTrue(e.getMessage().contains(
                "The RDB file contains module data I can't load: no matching module type 'TestType1'"), e.getMessage());
        assertTrue(e.getMessage().contains("test.rdb"), e.getMessage());
        byte[] payload = Rdb.dump(sampleRec(), true, new EncodingLimits());
        assertEquals("ERR Bad data format",
                assertThrows(RedisError.class, () -> Rdb.restore(payload, new EncodingLimits())).getMessage());
    }

    @Test
    void misbehavingLoadersAreRefused() {
        byte[] payload = Rdb.dump(sampleRec(), true, new EncodingLimits());
        byte[] truncatedItems = RdbTest.withFooter(Arrays.copyOf(Rdb.body(payload), 20));
        for (RecType.Behaviour bh : RecType.Behaviour.values()) {
            RecType t = new RecType("TestType1", 3);
            t.behaviour = bh;
            ModuleTypes reg = ModuleTypes.of(List.of(t));
            if (bh == RecType.Behaviour.NORMAL || bh == RecType.Behaviour.SWALLOW_READ_ERROR) {
                assertNotNull(Rdb.restore(payload, new EncodingLimits(), reg));
            } else {
                assertEquals("ERR Bad data format",
                        assertThrows(RedisError.class, () -> Rdb.restore(payload, new EncodingLimits(), reg)).getMessage(),
                        bh.name());
            }
            // A loader that swallows the failed read still gets its value refused.
            assertEquals("ERR Bad data format",
                    assertThrows(RedisError.class, () -> Rdb.restore(truncatedItems, new EncodingLimits(), reg))
                            .getMessage(), bh.name());
        }
    }

    @Test
    void wrongOpcodeAndMissingEofAreRefused() throws Exception {
        byte[] body = Rdb.body(Rdb.dump(new Rec(5, 1, 0, 0, b(""), List.of()), true, new EncodingLimits()));
        // body: 07, id (9 bytes), 02 05 ... ; make the first item a SINT opcode (Redis's loader wants UINT).
        byte[] sint = body.clone();
        assertEquals(2, sint[10]);
        sint[10] = 1;
        assertEquals("ERR Bad data format", assertThrows(RedisError.class,
                () -> Rdb.restore(RdbTest.withFooter(sint), new EncodingLimits(), registry())).getMessage());
        byte[] noEof = body.clone();
        noEof[noEof.length - 1] = 2;
        assertEquals("ERR Bad data format", assertThrows(RedisError.class,
                () -> Rdb.restore(RdbTest.withFooter(noEof), new EncodingLimits(), registry())).getMessage());
        // In a file, the message says what is wrong and where.
        Keyspace ks = keyspace(registry());
        ks.db(0).set(b("k"), new Rec(5, 1, 0, 0, b(""), List.of()));
        byte[] rdb = write(ks);
        // In the file the type byte and the key ("k") come before the module id.
        int idAt = indexOf(rdb, Arrays.copyOfRange(body, 1, body.length));
        assertEquals(7, rdb[idAt - 3]);
        int eofAt = idAt + body.length - 2;
        byte[] bad = rdb.clone();
        bad[eofAt] = 2;
        RdbLoadException e = assertThrows(RdbLoadException.class, () -> read(zeroCrc(bad), registry()));
        assertTrue(e.getMessage().contains("not terminated by the proper module value EOF marker"), e.getMessage());
        assertEquals(eofAt, e.offset());
        // The pre-release module type (6) is refused as Redis 7.0 does.
        byte[] pre = rdb.clone();
        pre[idAt - 3] = 6;
        e = assertThrows(RdbLoadException.class, () -> read(zeroCrc(pre), registry()));
        assertTrue(e.getMessage().contains("Pre-release module format not supported"), e.getMessage());
    }

    @Test
    void hugeStringInsideAModuleValueIsRefusedWithoutAllocating() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(7);
        long id = ModuleTypes.encodeId("TestType1", 3);
        o.write(0x81);
        for (int i = 7; i >= 0; i--) {
            o.write((int) (id >>> (8 * i)));
        }
        o.writeBytes(new byte[] {2, 1, 2, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0});
        o.writeBytes(new byte[] {5, (byte) 0x81, 0x40, 0, 0, 0, 0, 0, 0, 0}); // a 2^62-byte string
        byte[] p = RdbTest.withFooter(o.toByteArray());
        assertEquals("ERR Bad data format",
                assertThrows(RedisError.class, () -> Rdb.restore(p, new EncodingLimits(), registry())).getMessage());
    }

    /** Random damage to files and payloads holding module values: each loads or is refused, nothing else. */
    @Test
    void fuzzedModuleValuesLoadOrAreRefused() throws Exception {
        Keyspace ks = keyspace(registry());
        for (int i = 0; i < 20; i++) {
            List<byte[]> items = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                items.add(b("item-" + j + "-" + "z".repeat(j * 3)));
            }
            ks.db(i % 3).set(b("rec" + i), new Rec(i * 1000L, -i, i / 3.0, i / 7f, b("v" + i), items));
        }
        byte[] rdb = write(ks);
        Random r = new Random(7);
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] f = zeroCrc(rdb.clone());
            mutate(f, r, 9);
            if (r.nextInt(5) == 0) {
                f = Arrays.copyOf(f, 9 + r.nextInt(f.length - 9));
            }
            try {
                read(f, registry());
            } catch (RdbLoadException e) {
                assertTrue(e.offset() >= 0 && e.offset() <= f.length, e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > 1000, "refused " + refused);

        byte[] body = Rdb.body(Rdb.dump(ks.db(1).peek(b("rec19")), true, new EncodingLimits()));
        int bad = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] f = body.clone();
            mutate(f, r, 0);
            byte[] p = RdbTest.withFooter(Arrays.copyOf(f, 1 + r.nextInt(f.length)));
            try {
                assertInstanceOf(Rec.class, Rdb.restore(p, new EncodingLimits(), registry()));
            } catch (RedisError err) {
                assertEquals("ERR Bad data format", err.getMessage());
                bad++;
            }
        }
        assertTrue(bad > 1000, "bad " + bad);
    }

    private static void mutate(byte[] f, Random r, int from) {
        switch (r.nextInt(3)) {
            case 0:
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    f[from + r.nextInt(f.length - from)] ^= (byte) (1 << r.nextInt(8));
                }
                break;
            case 1:
                f[from + r.nextInt(f.length - from)] = (byte) r.nextInt(256);
                break;
            default: {
                int p = from + r.nextInt(f.length - from);
                byte[] junk = new byte[1 + r.nextInt(9)];
                r.nextBytes(junk);
                System.arraycopy(junk, 0, f, p, Math.min(junk.length, f.length - p));
            }
        }
    }

    /** A checksum of 0 means "not checked", so damage reaches the loaders. */
    private static byte[] zeroCrc(byte[] rdb) {
        Arrays.fill(rdb, rdb.length - 8, rdb.length, (byte) 0);
        return rdb;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    // ------------------------------------------------------------ AOF rewrite

    @Test
    void rewriteGivesTheTypesCommands() {
        List<byte[][]> cmds = new ArrayList<>();
        assertTrue(ModuleTypes.rewrite(b("k"), sampleRec(), cmds::add));
        assertEquals(1, cmds.size());
        assertEquals("REC.SET k 5", String.join(" ",
                Arrays.stream(cmds.get(0)).map(x -> new String(x, StandardCharsets.UTF_8)).toList()));
        assertFalse(ModuleTypes.rewrite(b("k"), RedisString.of("v"), cmds::add));
        assertEquals(1, cmds.size());
    }
}

package io.pyredis.core.acl;

import io.pyredis.api.AclCategory;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;
import io.pyredis.api.RedisError;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules, their description and the check on a table of stand-in commands (one of them
 * a plugin's, one added after users exist), so that the core is tested on its own; the
 * server's replies are compared with Redis's in pyredis-dist's AclRedisTest.
 */
class AclTest {

    private final CommandTable table = new CommandTable();
    private final Acl acl;

    AclTest() {
        add(cmd("rget", 2, Set.of(CommandFlag.READONLY, CommandFlag.FAST), Set.of(AclCategory.STRING),
                KeySpec.single(1, KeyFlag.RO, KeyFlag.ACCESS)), null);
        add(cmd("rset", 3, Set.of(CommandFlag.WRITE), Set.of(AclCategory.STRING),
                KeySpec.single(1, KeyFlag.RW, KeyFlag.UPDATE)), null);
        add(cmd("rlen", 2, Set.of(CommandFlag.READONLY, CommandFlag.FAST), Set.of(AclCategory.LIST),
                KeySpec.single(1, KeyFlag.RO)), null);
        add(cmd("rping", 1, Set.of(CommandFlag.FAST), Set.of(AclCategory.CONNECTION)), null);
        add(cmd("pluginx", 2, Set.of(CommandFlag.WRITE), Set.of(AclCategory.HASH),
                KeySpec.single(1, KeyFlag.RW, KeyFlag.INSERT)), "myplugin");
        acl = new Acl(table);
    }

    private void add(Command c, String module) {
        table.put(c.spec().name(), new CommandEntry(c, "test", module));
    }

    private static Command cmd(String name, int arity, Set<CommandFlag> flags, Set<AclCategory> cats, KeySpec... keys) {
        CommandSpec spec = new CommandSpec(name, arity, flags, cats, List.of(keys), List.of(),
                new CommandDoc("test", "0.1", "module", null, List.of()));
        return new Command() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public void execute(CommandContext ctx, byte[][] args) {
            }
        };
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private AclUser set(String name, String... rules) {
        List<byte[]> r = new ArrayList<>();
        for (String x : rules) {
            r.add(b(x));
        }
        return acl.commit(acl.user(b(name)), acl.stage(acl.user(b(name)), b(name), r));
    }

    private Acl.Denial check(AclUser u, String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            argv[i] = b(args[i]);
        }
        return acl.check(u, table.get(args[0]), argv);
    }

    @Test
    void theDefaultUserMayRunEverythingAndSkipsTheCheck() {
        AclUser d = acl.defaultUser();
        assertTrue(d.unrestricted());
        assertEquals("user default on nopass ~* &* +@all", new String(acl.line(d), StandardCharsets.ISO_8859_1));
        assertNull(check(d, "rset", "k", "v"));
    }

    @Test
    void readAndWritePatternsFollowTheKeySpecFlags() {
        AclUser u = set("u", "on", "+@all", "%R~r*", "%W~w*");
        assertFalse(u.unrestricted());
        assertNull(check(u, "rget", "r1"));
        assertEquals(new Acl.Denial(Acl.DENIED_KEY, 1), check(u, "rget", "w1"));
        assertEquals(new Acl.Denial(Acl.DENIED_KEY, 1), check(u, "rset", "r1", "v"),
                "RW+UPDATE needs write rights");
        assertNull(check(u, "rlen", "w1"), "RO without ACCESS needs no right, only a matching pattern");
        assertEquals(new Acl.Denial(Acl.DENIED_KEY, 1), check(u, "rlen", "x"));
    }

    @Test
    void categoriesCoverPluginCommandsAndCommandsAddedLater() {
        AclUser u = set("u", "on", "~*", "-@all", "+@hash");
        assertNull(check(u, "pluginx", "k"), "a plugin command declares its categories like a built-in one");
        assertEquals(new Acl.Denial(Acl.DENIED_CMD, 0), check(u, "rget", "k"));
        AclUser all = set("all", "on", "~*", "+@all", "-rping");
        add(cmd("later", 1, Set.of(CommandFlag.FAST), Set.of()), null);
        assertNull(check(all, "later"), "+@all allows commands added afterwards");
        assertEquals(new Acl.Denial(Acl.DENIED_CMD, 0), check(u, "later"));
        assertEquals("-@all +@hash", acl.describe(u).replace("on ~* resetchannels ", ""));
    }

    @Test
    void rulesAreDescribedAsRedisDoes() {
        AclUser u = set("u", "+@all", "-@string", "+rget");
        assertEquals("off resetchannels +@all -rset", acl.describe(u),
                "a category is named only when it has more commands in common with the user than not");
        set("u", "-@all", "+@string", "+rping");
        assertEquals("off resetchannels -@all +@string +@connection", acl.describe(u), "rping is all of @connection");
        set("u", "reset", "+rget", "(~a +rset)", "&c*");
        assertEquals("off sanitize-payload resetchannels &c* -@all +rget (~a resetchannels -@all +rset)",
                acl.describe(u));
        set("u", "-@all", "+rping|x");
        assertEquals("off sanitize-payload resetchannels &c* -@all +rping|x (~a resetchannels -@all +rset)",
                acl.describe(u));
        assertEquals(new Acl.Denial(Acl.DENIED_CMD, 0), check(u, "rping"), "+rping|x needs the first argument");
        assertNull(check(u, "rping", "X"), "compared ignoring case");
        assertNull(check(u, "rset", "a", "v"), "the second selector");
        assertEquals(new Acl.Denial(Acl.DENIED_KEY, 1), check(u, "rset", "b", "v"));
    }

    @Test
    void aFailedRuleChangesNothing() {
        set("u", "on", ">pw");
        RedisError e = assertThrows(RedisError.class, () -> set("u", "off", "+nosuch"));
        assertEquals("ERR Error in ACL SETUSER modifier '+nosuch': Unknown command or category name in ACL",
                e.getMessage());
        assertTrue(acl.user(b("u")).enabled());
        assertEquals(acl.user(b("u")), acl.credentials(b("u"), b("pw")));
        assertNull(acl.credentials(b("u"), b("other")));
    }
}

package io.pyredis.support;

import io.pyredis.api.AclCategory;
import io.pyredis.api.Argument;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandMetadataTest {

    private static final String FILE = """
            {
                "ZUNIONSTORE": {
                    "summary": "Add multiple sorted sets and store the resulting sorted set in a new key",
                    "complexity": "O(N)+O(M log(M))",
                    "group": "sorted_set",
                    "since": "2.0.0",
                    "arity": -4,
                    "function": "zunionstoreCommand",
                    "get_keys_function": "zunionInterDiffStoreGetKeys",
                    "command_flags": ["WRITE", "DENYOOM"],
                    "acl_categories": ["SORTEDSET"],
                    "command_tips": ["NONDETERMINISTIC_OUTPUT"],
                    "key_specs": [
                        {"flags": ["OW", "UPDATE"], "begin_search": {"index": {"pos": 1}},
                         "find_keys": {"range": {"lastkey": 0, "step": 1, "limit": 0}}},
                        {"notes": "sources", "flags": ["RO", "ACCESS"], "begin_search": {"index": {"pos": 2}},
                         "find_keys": {"keynum": {"keynumidx": 0, "firstkey": 1, "step": 1}}}
                    ],
                    "arguments": [
                        {"name": "destination", "type": "key", "key_spec_index": 0},
                        {"name": "numkeys", "type": "integer"},
                        {"name": "key", "type": "key", "key_spec_index": 1, "multiple": true},
                        {"token": "weights", "name": "Weight", "type": "integer", "optional": true, "multiple": true},
                        {"name": "aggregate", "token": "AGGREGATE", "type": "oneof", "optional": true,
                         "arguments": [{"name": "sum", "type": "pure-token", "token": "SUM"},
                                       {"name": "min", "type": "pure-token", "token": "min"}]}
                    ]
                },
                "OBJECT": {
                    "summary": "", "group": "generic", "since": "2.2.3", "arity": -2,
                    "history": [["7.0.0", "a change"]],
                    "subcommands": {
                        "FREQ": {"summary": "Get the logarithmic access frequency counter", "group": "generic",
                                 "since": "4.0.0", "arity": 3, "container": "OBJECT",
                                 "command_flags": ["READONLY"], "command_tips": ["NONDETERMINISTIC_OUTPUT"],
                                 "key_specs": [{"flags": ["RO"], "begin_search": {"keyword": {"keyword": "FREQ", "startfrom": 1}},
                                                "find_keys": {"unknown": null}}],
                                 "arguments": [{"name": "key", "type": "key", "key_spec_index": 0}]}
                    }
                }
            }
            """;

    @Test
    void readsRedisCommandJsonAsRedisBuildsItsTable() {
        CommandMetadata m = CommandMetadata.parse(FILE);
        assertEquals(List.of("zunionstore", "object", "object|freq"), List.copyOf(m.names()));
        CommandSpec z = m.spec("ZUNIONSTORE");
        assertEquals(-4, z.arity());
        assertEquals(Set.of(CommandFlag.WRITE, CommandFlag.DENYOOM), z.flags());
        assertEquals(Set.of(AclCategory.SORTEDSET), z.aclCategories());
        assertEquals(List.of("nondeterministic_output"), z.tips(), "tips in lower case, as in Redis's table");
        assertEquals("sorted-set", z.group(), "Redis's group names have hyphens in replies");
        assertEquals(KeySpec.single(1, KeyFlag.OW, KeyFlag.UPDATE), z.keySpecs().get(0));
        assertEquals(new KeySpec("sources", Set.of(KeyFlag.RO, KeyFlag.ACCESS), new KeySpec.Index(2),
                new KeySpec.KeyNum(0, 1, 1)), z.keySpecs().get(1));
        Argument weight = z.doc().arguments().get(3);
        assertEquals("weight", weight.name(), "argument names in lower case");
        assertEquals("WEIGHTS", weight.token(), "tokens in upper case");
        assertEquals(Set.of(Argument.Flag.OPTIONAL, Argument.Flag.MULTIPLE), weight.flags());
        Argument aggregate = z.doc().arguments().get(4);
        assertEquals(Argument.Type.ONEOF, aggregate.type());
        assertEquals("MIN", aggregate.arguments().get(1).token());

        CommandSpec object = m.spec("object");
        assertNull(object.doc().summary(), "an empty text is absent");
        assertEquals(List.of(new CommandDoc.History("7.0.0", "a change")), object.doc().history());
        CommandSpec freq = m.spec("object|freq");
        assertEquals(new KeySpec.Keyword("FREQ", 1), freq.keySpecs().get(0).beginSearch());
        assertEquals(new KeySpec.UnknownFind(), freq.keySpecs().get(0).findKeys());
    }

    @Test
    void mistakesNameTheCommandAndTheField() {
        assertMessage("get: unknown field 'sumary'", "{\"GET\": {\"sumary\": \"x\", \"group\": \"string\", \"arity\": 2}}");
        assertMessage("get: unknown CommandFlag 'READ_ONLY'",
                "{\"GET\": {\"group\": \"string\", \"arity\": 2, \"command_flags\": [\"READ_ONLY\"]}}");
        assertMessage("get: group is missing", "{\"GET\": {\"arity\": 2}}");
        assertMessage("get: arity must be an integer", "{\"GET\": {\"group\": \"string\", \"arity\": \"2\"}}");
        assertMessage("get: argument key names key spec 0 of 0",
                "{\"GET\": {\"group\": \"string\", \"arity\": 2, \"arguments\": [{\"name\": \"key\", \"type\": \"key\", \"key_spec_index\": 0}]}}");
        assertMessage("JSON error at offset 11: expected ',' or '}'", "{\"GET\": {} \"x\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandMetadata.parse("{\"GET\": {\"group\": \"string\", \"arity\": 2}}").spec("set"));
        assertEquals("no metadata for command 'set'", e.getMessage());
    }

    @Test
    void loadsFromAStream() {
        CommandMetadata m = CommandMetadata.load(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)));
        assertTrue(m.names().contains("object|freq"));
        assertThrows(IllegalArgumentException.class, () -> CommandMetadata.load(null));
    }

    private static void assertMessage(String expected, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandMetadata.parse(json));
        assertEquals(expected, e.getMessage());
    }
}

package io.pyredis.server.internal.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pyredis.storage.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * CONFIG REWRITE for a JSON config file, as Redis's rewriteConfig treats redis.conf: keys
 * already in the file get their current values (in their place), parameters changed from
 * their defaults are appended, the rest is left out. The file is written to a temporary
 * name in the same folder, forced to disk and renamed over the old one, so a crash never
 * leaves half a config. Comments in the old file are not kept (JSON has none to keep).
 */
public final class ConfigRewriter {

    private ConfigRewriter() {
    }

    /**
     * Rewrites {@code file} from {@code registry}, with the ACL users as Redis's
     * rewriteConfigUserOption writes them: every user ({@code "name rules"}) under
     * {@code user}, or no {@code user} key at all when {@code users} is null (an ACL file
     * holds them).
     */
    public static void rewrite(ConfigRegistry registry, Path file, List<String> users) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.ALLOW_COMMENTS);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (Files.exists(file)) {
            JsonNode old = mapper.readTree(Files.readAllBytes(file));
            if (old != null && old.isObject()) {
                for (Iterator<String> it = old.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    ConfigParam<?> p = registry.find(key);
                    JsonNode was = old.get(key);
                    // A value the user wrote differently ("512mb") but that still holds is kept as written.
                    root.set(key, p == null || holds(p, was) ? was : toJson(p));
                }
            }
        }
        for (ConfigParam<?> p : registry.all()) {
            // A key already in the file by its alias (hash-max-ziplist-entries) was rewritten in place above.
            if (!containsIgnoreCase(root, p.name()) && (p.alias() == null || !containsIgnoreCase(root, p.alias()))
                    && !p.get().equals(p.defaultText())) {
                root.set(p.name(), toJson(p));
            }
        }
        root.remove(root.properties().stream().map(Map.Entry::getKey).filter(k -> k.equalsIgnoreCase("user")).toList());
        if (users != null) {
            ArrayNode a = root.putArray("user");
            users.forEach(a::add);
        }
        // One key per line, as the shipped config is written (Jackson's pretty printer would
        // spread arrays over lines and put a space before each colon).
        StringBuilder sb = new StringBuilder("{\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sb.append("  ").append(mapper.writeValueAsString(e.getKey())).append(": ");
            JsonNode v = e.getValue();
            if (v.isArray()) {
                sb.append('[');
                for (int i = 0; i < v.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(mapper.writeValueAsString(v.get(i)));
                }
                sb.append(']');
            } else {
                sb.append(mapper.writeValueAsString(v));
            }
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        sb.append("}\n");
        byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("temp-rewriteconfig-" + ProcessHandle.current().pid() + ".json");
        DurableFiles.write(tmp, file, bytes);
    }

    private static <T> boolean holds(ConfigParam<T> p, JsonNode written) {
        try {
            return p.format(p.parseJson(written)).equals(p.get());
        } catch (BadValueException | RuntimeException e) {
            return false;
        }
    }

    private static boolean containsIgnoreCase(ObjectNode root, String name) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            if (it.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The value as the JSON config file writes it: numbers, booleans and arrays where the type has them. */
    static JsonNode toJson(ConfigParam<?> p) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (p instanceof NumericParam && ((NumericParam) p).get().matches("-?[0-9]{1,18}")) {
            return f.numberNode(((NumericParam) p).longValue());
        }
        if (p instanceof BoolParam) {
            return f.booleanNode(((BoolParam) p).isOn());
        }
        if (p instanceof ListParam) {
            ArrayNode a = f.arrayNode();
            for (String w : ((ListParam) p).value()) {
                a.add(w);
            }
            return a;
        }
        return f.textNode(p.get());
    }
}

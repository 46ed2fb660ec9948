package io.pyredis.server.internal.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;


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

    /** Rewrites {@code file} from {@code registry}. */
    public static void rewrite(ConfigRegistry registry, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.ALLOW_COMMENTS);
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (Files.exists(file)) {
            JsonNode old = mapper.readTree(Files.readAllBytes(file));
            if (old != null && old.isObject()) {
                for (Iterator<String> it = old.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    ConfigParam<?> p = registry.find(key);
                    root.set(key, p == null ? old.get(key) : toJson(p));
                }
            }
        }
        for (ConfigParam<?> p : registry.all()) {
            if (registry.find(p.name()) == p && !containsIgnoreCase(root, p.name()) && !p.get().equals(p.defaultText())) {
                root.set(p.name(), toJson(p));
            }
        }
        byte[] bytes = (mapper.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("temp-rewriteconfig-" + ProcessHandle.current().pid() + ".json");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
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
        if (p instanceof IntParam) {
            return f.numberNode(((IntParam) p).intValue());
        }
        if (p instanceof MemoryParam) {
            return f.numberNode(((MemoryParam) p).longValue());
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

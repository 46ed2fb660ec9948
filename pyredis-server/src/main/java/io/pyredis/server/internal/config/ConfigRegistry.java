package io.pyredis.server.internal.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every config parameter by its redis.conf name and by its alias: what the JSON file, the
 * command line, the embedding builder and CONFIG GET/SET read and write. Names are
 * case-insensitive, as in redis.conf.
 */
public final class ConfigRegistry {

    private final Map<String, ConfigParam<?>> params = new LinkedHashMap<>();
    /** Names and aliases, as Redis's configs dict (an alias is an entry of its own). */
    private final Map<String, ConfigParam<?>> names = new LinkedHashMap<>();

    /** Adds {@code param}; returns it for field initialisers. */
    public <P extends ConfigParam<?>> P register(P param) {
        if (params.putIfAbsent(param.name(), param) != null) {
            throw new IllegalArgumentException("config parameter registered twice: " + param.name());
        }
        for (String n : param.alias() == null ? List.of(param.name()) : List.of(param.name(), param.alias())) {
            if (names.putIfAbsent(n.toLowerCase(Locale.ROOT), param) != null) {
                throw new IllegalArgumentException("config name registered twice: " + n);
            }
        }
        return param;
    }

    /** redis.conf's {@code user} directive: not a parameter (CONFIG GET and SET know nothing of it). */
    private static final String USER = "user";
    private final List<String> users = new java.util.ArrayList<>();

    /**
     * The {@code user} directives of the file and the command line, in order: one ACL user
     * each, {@code "name rule rule ..."}, as redis.conf's {@code user name rule ...}.
     */
    public List<String> users() {
        return Collections.unmodifiableList(users);
    }

    private void addUsers(JsonNode v, String source) {
        if (v.isTextual()) {
            users.add(v.textValue());
            return;
        }
        if (v.isArray()) {
            for (JsonNode u : v) {
                if (!u.isTextual()) {
                    throw new ConfigException(source, "'user' takes strings (\"name rule ...\"), got " + u);
                }
                users.add(u.textValue());
            }
            return;
        }
        throw new ConfigException(source, "'user' takes a string or an array of strings (\"name rule ...\"), got " + v);
    }

    /** The parameter called {@code name} or aliased so (any case), or null. */
    public ConfigParam<?> find(String name) {
        return names.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every name and alias with its parameter, names first in registration order. */
    public Map<String, ConfigParam<?>> names() {
        return Collections.unmodifiableMap(names);
    }

    /** The current value of {@code name} as CONFIG GET shows it, or null when there is no such parameter. */
    public String get(String name) {
        ConfigParam<?> p = find(name);
        return p == null ? null : p.get();
    }

    /** All parameters in registration order. */
    public Collection<ConfigParam<?>> all() {
        return Collections.unmodifiableCollection(params.values());
    }

    /**
     * Sets {@code name} to {@code text}.
     *
     * @param source where the value came from, for the message ("the command line")
     * @throws ConfigException for an unknown name or a refused value
     */
    public void set(String name, String text, String source) {
        if (name.equalsIgnoreCase(USER)) {
            users.add(text);
            return;
        }
        ConfigParam<?> p = find(name);
        if (p == null) {
            throw new ConfigException(source, "unknown key '" + name + "'");
        }
        try {
            p.set(text);
        } catch (BadValueException e) {
            throw new ConfigException(source, e.getMessage() + ", got " + quote(text));
        }
    }

    /** Applies {@code overrides} (name to value, in order), all from {@code source}. */
    public void setAll(List<Map.Entry<String, String>> overrides, String source) {
        for (Map.Entry<String, String> e : overrides) {
            set(e.getKey(), e.getValue(), source);
        }
    }

    /**
     * Reads a JSON config file: one object whose keys are parameter names. Every key must
     * be known and every value valid; the first problem stops the load.
     *
     * @throws ConfigException naming the file and the key
     */
    public void loadFile(Path file) {
        String source = file.toString();
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(JsonParser.Feature.ALLOW_COMMENTS);
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "no such file");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ConfigException(source, "not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(source, "cannot read it: " + e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source, "the file must hold one JSON object of \"key\": value pairs");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(USER)) {
                addUsers(e.getValue(), source);
                continue;
            }
            ConfigParam<?> p = find(e.getKey());
            if (p == null) {
                throw new ConfigException(source, "unknown key '" + e.getKey() + "'");
            }
            try {
                p.setJson(e.getValue());
            } catch (BadValueException ex) {
                throw new ConfigException(source, ex.getMessage() + ", got " + e.getValue());
            }
        }
    }

    private static String quote(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

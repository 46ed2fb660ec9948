package io.pyredis.server.internal.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of words, such as {@code bind}: a JSON array of strings, or one string of words
 * separated by spaces as redis.conf writes it. CONFIG GET shows it space-separated.
 */
public final class ListParam extends ConfigParam<List<String>> {

    private final boolean allowEmpty;

    public ListParam(String name, boolean mutable, List<String> defaultValue, boolean allowEmpty) {
        super(name, mutable, List.copyOf(defaultValue));
        this.allowEmpty = allowEmpty;
    }

    @Override
    protected String expected() {
        return (allowEmpty ? "" : "a non-empty ") + "list of strings (a JSON array, or words separated by spaces)";
    }

    @Override
    protected List<String> parse(String text) throws BadValueException {
        List<String> words = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        if (words.isEmpty() && !allowEmpty) {
            throw bad(quote(text));
        }
        return List.copyOf(words);
    }

    @Override
    protected List<String> parseJson(JsonNode node) throws BadValueException {
        if (node.isArray()) {
            List<String> words = new ArrayList<>();
            for (JsonNode e : node) {
                if (!e.isTextual() || e.textValue().isBlank() || e.textValue().trim().contains(" ")) {
                    throw bad(node.toString());
                }
                words.add(e.textValue().trim());
            }
            if (words.isEmpty() && !allowEmpty) {
                throw bad(node.toString());
            }
            return List.copyOf(words);
        }
        return super.parseJson(node);
    }

    @Override
    protected String format(List<String> v) {
        return String.join(" ", v);
    }
}

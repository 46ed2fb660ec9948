package io.pyredis.server.internal.persistence.aof;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis 7.0's AOF manifest ({@code <appendfilename>.manifest}): one line per file,
 * {@code file <name> seq <n> type <b|h|i>}, at most one base, then the incr files in the
 * order they are replayed. Lines starting with {@code #} are comments.
 */
public final class AofManifest {

    /** One file of the manifest: {@code type} is {@code 'b'} (base), {@code 'i'} (incr) or {@code 'h'} (history). */
    public record Entry(String name, long seq, char type) {
    }

    /** Redis's AOF_MANIFEST_MAX_LINE: longer lines are refused. */
    static final int MAX_LINE = 1024;

    Entry base;
    final List<Entry> incrs = new ArrayList<>();
    final List<Entry> history = new ArrayList<>();

    /** Parses a manifest's text; the message of the exception is what Redis logs. */
    static AofManifest parse(byte[] text) throws AofException {
        AofManifest m = new AofManifest();
        String s = new String(text, StandardCharsets.UTF_8);
        int lineNo = 0;
        for (String raw : s.split("\n", -1)) {
            lineNo++;
            if (raw.isEmpty()) {
                continue;
            }
            if (raw.length() > MAX_LINE) {
                throw new AofException("The AOF manifest file contains too long line");
            }
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 6 || parts.length % 2 != 0) {
                throw new AofException("Invalid AOF manifest file format");
            }
            String name = null;
            long seq = 0;
            char type = 0;
            for (int i = 0; i < parts.length; i += 2) {
                switch (parts[i]) {
                    case "file":
                        name = parts[i + 1];
                        break;
                    case "seq":
                        try {
                            seq = Long.parseLong(parts[i + 1]);
                        } catch (NumberFormatException e) {
                            throw new AofException("Invalid AOF manifest file format");
                        }
                        break;
                    case "type":
                        type = parts[i + 1].length() == 1 ? parts[i + 1].charAt(0) : 0;
                        break;
                    default:
                        break; // unknown keys are ignored, for forward compatibility as Redis does
                }
            }
            if (name == null || seq == 0 || (type != 'b' && type != 'i' && type != 'h')
                    || name.contains("/") || name.contains("\\")) {
                throw new AofException("Invalid AOF manifest file format");
            }
            Entry e = new Entry(name, seq, type);
            if (type == 'b') {
                if (m.base != null) {
                    throw new AofException("Found duplicate base file information");
                }
                m.base = e;
            } else if (type == 'i') {
                if (!m.incrs.isEmpty() && m.incrs.get(m.incrs.size() - 1).seq() >= seq) {
                    throw new AofException("Found a non-monotonic sequence number");
                }
                m.incrs.add(e);
            } else {
                m.history.add(e);
            }
        }
        if (m.base == null && m.incrs.isEmpty()) {
            throw new AofException("Found an empty AOF manifest");
        }
        return m;
    }

    /** The manifest's text as Redis writes it: base first, then history, then incrs. */
    byte[] format() {
        StringBuilder sb = new StringBuilder();
        if (base != null) {
            line(sb, base);
        }
        for (Entry e : history) {
            line(sb, e);
        }
        for (Entry e : incrs) {
            line(sb, e);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, Entry e) {
        sb.append("file ").append(e.name()).append(" seq ").append(e.seq()).append(" type ").append(e.type()).append('\n');
    }

    AofManifest copy() {
        AofManifest m = new AofManifest();
        m.base = base;
        m.incrs.addAll(incrs);
        m.history.addAll(history);
        return m;
    }

    long lastIncrSeq() {
        return incrs.isEmpty() ? 0 : incrs.get(incrs.size() - 1).seq();
    }
}

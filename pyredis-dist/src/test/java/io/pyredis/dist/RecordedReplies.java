package io.pyredis.dist;

import io.pyredis.testkit.RawClient;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Replies recorded from redis-server 7.0.15 by {@code record-encoding-replies.py} (a
 * request line, then the reply, tab-separated), and how a test replays their requests
 * against pyredis byte for byte.
 */
final class RecordedReplies {

    private RecordedReplies() {
    }

    record Recorded(String line, String reply) {
    }

    static List<Recorded> load(String resource) throws IOException {
        List<Recorded> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RecordedReplies.class.getResourceAsStream(resource),
                StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                out.add(new Recorded(line.substring(0, tab), CommandMetadataRedisTest.unescape(line.substring(tab + 1))));
            }
        }
        return out;
    }

    /** The request's arguments, as the recorder builds them: x*N is N times x, \dump:KEY the DUMP payload of KEY, \hex:HEX the bytes HEX. */
    static List<String> words(String line, RawClient c) throws IOException {
        List<String> out = new ArrayList<>();
        for (String w : line.split(" ")) {
            int star = w.lastIndexOf('*');
            if (w.startsWith("\\hex:")) {
                out.add(new String(java.util.HexFormat.of().parseHex(w.substring("\\hex:".length())),
                        StandardCharsets.ISO_8859_1));
            } else if (w.startsWith("\\dump:")) {
                String dump = c.call("DUMP", w.substring("\\dump:".length()));
                out.add(dump.substring(dump.indexOf("\r\n") + 2, dump.length() - 2));
            } else if (star > 0 && w.substring(star + 1).matches("\\d+")) {
                out.add(w.substring(0, star).repeat(Integer.parseInt(w.substring(star + 1))));
            } else if (w.equals("\"\"")) {
                out.add("");
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** A request with binary arguments (ISO-8859-1 strings), as RawClient.command but byte-exact. */
    static String call(RawClient c, List<String> args) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (String a : args) {
            byte[] bytes = a.getBytes(StandardCharsets.ISO_8859_1);
            b.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            b.writeBytes(bytes);
            b.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        c.send(b.toByteArray());
        String reply = c.readReply();
        if (reply.startsWith("|") || reply.startsWith(">")) {
            // An attribute or push data comes before the reply itself.
            reply += c.readReply();
        }
        return reply;
    }

}

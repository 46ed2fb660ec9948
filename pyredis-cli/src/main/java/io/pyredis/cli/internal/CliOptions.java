package io.pyredis.cli.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * redis-cli 7.0's parseOptions and parseRedisUri: same options, same C-library leniency
 * (atoi/strtoll/atof read a numeric prefix, anything else is 0), same error texts.
 */
public final class CliOptions {

    /** Ends the program: {@code message} (may be null) goes to stderr, then exit with {@code status}. */
    public static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final boolean usage;

        Exit(int status, String message, boolean usage) {
            super(message, null, false, false);
            this.status = status;
            this.usage = usage;
        }

        public int status() {
            return status;
        }
    }

    public String host = "127.0.0.1";
    public int port = 6379;
    public String socket;
    public String auth;
    public String user;
    public int dbnum;
    public long repeat = 1;
    /** Microseconds between repeats, as redis-cli keeps it. */
    public long intervalMicros;
    public boolean stdinLastArg;
    public boolean resp2;
    public boolean resp3;
    public boolean noAuthWarning;
    public boolean tls;
    public OutputMode output;
    public boolean outputForced;
    public Boolean showPushes;
    public byte[] mbDelim = {'\n'};
    public byte[] cmdDelim = {'\n'};
    public boolean errorExitCode;
    public boolean pipe;
    public int pipeTimeout = 30;
    public boolean verbose;
    public boolean version;
    public boolean help;
    /** The command and its arguments (everything after the options). */
    public List<String> command = List.of();
    /** Complaints redis-cli prints while parsing without stopping. */
    public final List<String> warnings = new java.util.ArrayList<>();

    /** Parses {@code argv}; throws {@link Exit} where redis-cli exits. */
    public static CliOptions parse(String[] argv) {
        CliOptions c = new CliOptions();
        int i;
        for (i = 0; i < argv.length; i++) {
            String a = argv[i];
            boolean lastarg = i == argv.length - 1;
            if (a.equals("-h") && !lastarg) {
                c.host = argv[++i];
            } else if (a.equals("-h") || a.equals("--help")) {
                c.help = true;
                return c;
            } else if (a.equals("-x")) {
                c.stdinLastArg = true;
            } else if (a.equals("-p") && !lastarg) {
                c.port = (int) atol(argv[++i]);
            } else if (a.equals("-s") && !lastarg) {
                c.socket = argv[++i];
            } else if (a.equals("-r") && !lastarg) {
                c.repeat = atol(argv[++i]);
            } else if (a.equals("-i") && !lastarg) {
                c.intervalMicros = (long) (atof(argv[++i]) * 1_000_000);
            } else if (a.equals("-n") && !lastarg) {
                c.dbnum = (int) atol(argv[++i]);
            } else if (a.equals("--no-auth-warning")) {
                c.noAuthWarning = true;
            } else if ((a.equals("-a") || a.equals("--pass")) && !lastarg) {
                c.auth = argv[++i];
            } else if (a.equals("--user") && !lastarg) {
                c.user = argv[++i];
            } else if (a.equals("-u") && !lastarg) {
                c.parseUri(argv[++i]);
            } else if (a.equals("--raw")) {
                c.output = OutputMode.RAW;
            } else if (a.equals("--no-raw")) {
                c.output = OutputMode.STANDARD;
            } else if (a.equals("--csv")) {
                c.output = OutputMode.CSV;
            } else if (a.equals("--pipe")) {
                c.pipe = true;
            } else if (a.equals("--pipe-timeout") && !lastarg) {
                c.pipeTimeout = (int) atol(argv[++i]);
            } else if (a.equals("-d") && !lastarg) {
                c.mbDelim = argv[++i].getBytes(StandardCharsets.UTF_8);
            } else if (a.equals("-D") && !lastarg) {
                c.cmdDelim = argv[++i].getBytes(StandardCharsets.UTF_8);
            } else if (a.equals("-e")) {
                c.errorExitCode = true;
            } else if (a.equals("--verbose")) {
                c.verbose = true;
            } else if (a.equals("-v") || a.equals("--version")) {
                c.version = true;
                return c;
            } else if (a.equals("-2")) {
                c.resp2 = true;
            } else if (a.equals("-3")) {
                c.resp3 = true;
            } else if (a.equals("--show-pushes") && !lastarg) {
                String v = argv[++i];
                if (v.regionMatches(true, 0, "n", 0, 1)) {
                    c.showPushes = false;
                } else if (v.regionMatches(true, 0, "y", 0, 1)) {
                    c.showPushes = true;
                } else {
                    // redis-cli complains and carries on.
                    c.warnings.add("Unknown --show-pushes value '" + v + "' (valid: '[y]es', '[n]o')");
                }
            } else if (a.startsWith("-")) {
                throw new Exit(1, "Unrecognized option or bad number of args for: '" + a + "'", false);
            } else {
                break;
            }
        }
        c.command = List.copyOf(Arrays.asList(argv).subList(i, argv.length));
        if (c.resp2 && c.resp3) throw new Exit(1, "Options -2 and -3 are mutually exclusive.", false);
        return c;
    }

    /** parseRedisUri from redis 7.0's cli_common.c. */
    void parseUri(String uri) {
        String scheme = "redis://";
        String tlsScheme = "rediss://";
        String curr;
        if (uri.regionMatches(true, 0, tlsScheme, 0, tlsScheme.length())) {
            tls = true;
            curr = uri.substring(tlsScheme.length());
        } else if (uri.regionMatches(true, 0, scheme, 0, scheme.length())) {
            curr = uri.substring(scheme.length());
        } else {
            throw new Exit(1, "Invalid URI scheme", false);
        }
        if (curr.isEmpty()) return;
        int at = curr.indexOf('@');
        if (at >= 0) {
            int colon = curr.indexOf(':');
            int start = 0;
            if (colon >= 0 && colon < at) {
                user = percentDecode(curr.substring(0, colon));
                start = colon + 1;
            }
            auth = percentDecode(curr.substring(start, at));
            curr = curr.substring(at + 1);
        }
        if (curr.isEmpty()) return;
        int path = curr.indexOf('/');
        if (!curr.startsWith("/")) {
            int hostEnd = path >= 0 ? path : curr.length();
            int colon = curr.indexOf(':');
            if (colon >= 0) {
                port = (int) atol(curr.substring(colon + 1));
                hostEnd = colon;
            }
            host = curr.substring(0, hostEnd);
        }
        if (path < 0 || path + 1 >= curr.length()) return;
        dbnum = (int) atol(curr.substring(path + 1));
    }

    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '%' && i + 2 < b.length && Character.digit(b[i + 1], 16) >= 0 && Character.digit(b[i + 2], 16) >= 0) {
                out.write(Character.digit(b[i + 1], 16) * 16 + Character.digit(b[i + 2], 16));
                i += 2;
            } else {
                out.write(b[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** C's strtoll(s, NULL, 10): leading blanks, optional sign, the digits there are; else 0. */
    static long atol(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        long v = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i++) - '0');
            if (v < 0) return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return neg ? -v : v;
    }

    /** C's atof: the longest numeric prefix, else 0. */
    static double atof(String s) {
        String t = s.strip();
        for (int end = t.length(); end > 0; end--) {
            try {
                String p = t.substring(0, end);
                if (p.endsWith("d") || p.endsWith("D") || p.endsWith("f") || p.endsWith("F")) continue;
                return Double.parseDouble(p);
            } catch (NumberFormatException e) {
                // try a shorter prefix
            }
        }
        return 0;
    }
}

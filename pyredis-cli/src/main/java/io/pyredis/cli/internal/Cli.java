package io.pyredis.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The redis-cli 7.0 work-alike: option handling, connection set-up (AUTH, SELECT, HELLO 3),
 * one-shot commands with -r/-i/-x, the command loop shared by the terminal REPL and piped
 * stdin, pub/sub and MONITOR streaming, and --pipe.
 */
public final class Cli {

    public static final String VERSION = "0.1.0";

    final Env env;
    final CliOptions opt;
    final PrintStream out;
    final PrintStream err;
    OutputMode mode;
    boolean showPushes;
    boolean interactive;

    Connection conn;
    /** The db the connection is in (config.dbnum) and the one to select on connect (input_dbnum). */
    int dbnum;
    int inputDbnum;
    boolean inMulti;
    int preMultiDbnum;
    boolean pubsubMode;
    boolean monitorMode;
    CommandDocs docs;

    private Cli(Env env, CliOptions opt) {
        this.env = env;
        this.opt = opt;
        this.out = new PrintStream(env.out(), false, StandardCharsets.UTF_8);
        this.err = new PrintStream(env.err(), true, StandardCharsets.UTF_8);
    }

    /** Runs the CLI as redis-cli would run with {@code args}; returns the exit status. */
    public static int run(String[] args, Env env) {
        CliOptions opt;
        try {
            opt = CliOptions.parse(args);
        } catch (CliOptions.Exit e) {
            PrintStream err = new PrintStream(env.err(), true, StandardCharsets.UTF_8);
            err.println(e.getMessage());
            return e.status();
        }
        Cli cli = new Cli(env, opt);
        try {
            return cli.main();
        } catch (CliOptions.Exit e) {
            if (e.getMessage() != null) cli.err.println(e.getMessage());
            return e.status();
        } finally {
            cli.out.flush();
            cli.err.flush();
            if (cli.conn != null) cli.conn.close();
        }
    }

    private int main() {
        if (opt.help) {
            out.print(Usage.text(VERSION));
            return 0;
        }
        if (opt.version) {
            out.println("pyredis-cli " + VERSION);
            return 0;
        }
        for (String w : opt.warnings) err.println(w);
        if (!opt.noAuthWarning && opt.auth != null) {
            err.println("Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.");
        }
        if (opt.auth == null) opt.auth = env.var("REDISCLI_AUTH");
        if (opt.tls) throw new CliOptions.Exit(1, "TLS is not supported by pyredis-cli", false);
        if (opt.socket != null) throw new CliOptions.Exit(1, "Unix sockets (-s) are not supported by pyredis-cli", false);
        boolean fakeTty = env.var("FAKETTY") != null;
        mode = opt.output != null ? opt.output : (env.stdoutTty() || fakeTty ? OutputMode.STANDARD : OutputMode.RAW);
        showPushes = opt.showPushes != null ? opt.showPushes : env.stdoutTty();
        inputDbnum = opt.dbnum;

        if (opt.pipe) {
            if (!connect(false)) return 1;
            return new PipeMode(this).run();
        }
        if (opt.command.isEmpty()) {
            interactive = true;
            connect(false);
            if (env.stdinTty()) {
                return new Repl(this).run();
            }
            return lineLoop(env.in());
        }
        if (!connect(false)) return 1;
        Charset argCharset = argCharset();
        List<byte[]> args = new ArrayList<>();
        for (String a : opt.command) args.add(a.getBytes(argCharset));
        if (opt.stdinLastArg) args.add(readAll(env.in()));
        return issue(args, opt.repeat) ? 0 : 1;
    }

    /** Command-line arguments come back as the bytes the user typed. */
    private static Charset argCharset() {
        String jnu = System.getProperty("sun.jnu.encoding");
        try {
            return jnu != null ? Charset.forName(jnu) : Charset.defaultCharset();
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CliOptions.Exit(1, "Error reading from stdin: " + e.getMessage(), false);
        }
    }

    // ------------------------------------------------------------------ connection

    String prompt() {
        if (conn == null) return "not connected> ";
        String addr = opt.host.indexOf(':') >= 0 ? "[" + opt.host + "]:" + opt.port : opt.host + ":" + opt.port;
        StringBuilder p = new StringBuilder(addr);
        if (dbnum != 0) p.append('[').append(dbnum).append(']');
        if (inMulti) p.append("(TX)");
        return p.append("> ").toString();
    }

    /** cliConnect: (re)connects, then AUTH, SELECT and HELLO 3, stopping at the first that fails. */
    boolean connect(boolean force) {
        if (conn != null && !force) return true;
        if (conn != null) conn.close();
        conn = null;
        try {
            conn = Connection.open(opt.host, opt.port);
        } catch (Connection.ConnectFailed e) {
            err.println("Could not connect to Redis at " + opt.host + ":" + opt.port + ": " + e.getMessage());
            return false;
        }
        dbnum = 0;
        try {
            if (opt.auth != null) {
                List<byte[]> auth = new ArrayList<>();
                auth.add(b("AUTH"));
                if (opt.user != null) auth.add(b(opt.user));
                auth.add(b(opt.auth));
                Reply r = conn.call(auth);
                if (r instanceof Reply.Err e) {
                    err.println("AUTH failed: " + Reply.text(e));
                    return true;
                }
            }
            if (inputDbnum != dbnum) {
                Reply r = conn.call(List.of(b("SELECT"), b(Integer.toString(inputDbnum))));
                if (r instanceof Reply.Err e) {
                    err.println("SELECT " + inputDbnum + " failed: " + Reply.text(e));
                    return true;
                }
                dbnum = inputDbnum;
            }
            if (opt.resp3) {
                Reply r = conn.call(List.of(b("HELLO"), b("3")));
                if (r instanceof Reply.Err e) {
                    err.println("HELLO 3 failed: " + Reply.text(e));
                    return true;
                }
            }
        } catch (IOException e) {
            err.println();
            err.println("I/O error");
            conn.close();
            conn = null;
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ commands

    /** issueCommandRepeat: help is local, everything else goes to the server. False on failure. */
    boolean issue(List<byte[]> args, long repeat) {
        String name = lower(args.get(0));
        if (name.equals("help") || name.equals("?")) {
            docs().printHelp(out, strings(args.subList(1, args.size())));
            out.flush();
            return true;
        }
        if (conn == null && !connect(true)) return false;
        try {
            return sendCommand(args, repeat);
        } catch (IOException e) {
            if (name.equals("shutdown") && e instanceof EOFException) {
                conn.close();
                conn = null;
                return true;
            }
            out.flush();
            err.println("Error: " + (e instanceof EOFException || e instanceof RespReader.ProtocolError
                    ? e.getMessage() : Connection.errstr(e)));
            if (conn != null) conn.close();
            conn = null;
            pubsubMode = false;
            monitorMode = false;
            if (!interactive || e instanceof RespReader.ProtocolError) throw new CliOptions.Exit(1, null, false);
            return false;
        }
    }

    private boolean sendCommand(List<byte[]> args, long repeat) throws IOException {
        String name = lower(args.get(0));
        int argc = args.size();
        String sub = argc >= 2 ? lower(args.get(1)) : "";
        boolean outputRaw = isRawOutputCommand(name, sub, argc);
        if (name.equals("monitor")) monitorMode = true;
        if (name.equals("subscribe") || name.equals("psubscribe") || name.equals("ssubscribe")) pubsubMode = true;

        while (repeat < 0 || repeat-- > 0) {
            conn.send(args);
            if (monitorMode) {
                while (true) readReply(outputRaw);
            }
            if (pubsubMode) {
                if (mode != OutputMode.RAW) {
                    out.print("Reading messages... (press Ctrl-C to quit)\n");
                    out.flush();
                }
                while (true) readReply(outputRaw);
            }
            Reply r = readReply(outputRaw);
            boolean error = r instanceof Reply.Err;
            if (name.equals("select") && argc == 2 && !error) {
                inputDbnum = dbnum = (int) CliOptions.atol(new String(args.get(1), StandardCharsets.UTF_8));
            } else if (name.equals("auth") && (argc == 2 || argc == 3)) {
                reselect();
            } else if (name.equals("multi") && argc == 1 && !error) {
                inMulti = true;
                preMultiDbnum = dbnum;
            } else if (name.equals("exec") && argc == 1 && inMulti) {
                inMulti = false;
                if (error || r instanceof Reply.Nil) inputDbnum = dbnum = preMultiDbnum;
            } else if (name.equals("discard") && argc == 1 && !error) {
                inMulti = false;
                inputDbnum = dbnum = preMultiDbnum;
            } else if (name.equals("reset") && argc == 1 && !error) {
                inMulti = false;
                inputDbnum = dbnum = 0;
            }
            if (opt.intervalMicros > 0) {
                try {
                    Thread.sleep(opt.intervalMicros / 1000, (int) (opt.intervalMicros % 1000) * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
        return true;
    }

    private void reselect() throws IOException {
        if (inputDbnum == dbnum) return;
        Reply r = conn.call(List.of(b("SELECT"), b(Integer.toString(inputDbnum))));
        if (r instanceof Reply.Err e) {
            err.println("SELECT " + inputDbnum + " failed: " + Reply.text(e));
        } else {
            dbnum = inputDbnum;
        }
    }

    /** cliReadReply: reads one reply (printing pushes that come first) and prints it. */
    private Reply readReply(boolean outputRaw) throws IOException {
        Reply r;
        while (true) {
            r = conn.read();
            if (r instanceof Reply.Agg a && a.kind() == Reply.Kind.PUSH && !pubsubMode && !monitorMode) {
                if (showPushes) print(ReplyFormatter.format(r, mode, opt.mbDelim, opt.cmdDelim));
                continue;
            }
            break;
        }
        if (r instanceof Reply.Err e && opt.errorExitCode) {
            out.flush();
            throw new CliOptions.Exit(1, Reply.text(e), false);
        }
        try {
            byte[] text = outputRaw ? ReplyFormatter.rawOnly(r, opt.mbDelim)
                    : ReplyFormatter.format(r, mode, opt.mbDelim, opt.cmdDelim);
            print(text);
        } catch (ReplyFormatter.UnknownReplyType e) {
            out.flush();
            throw new CliOptions.Exit(1, e.getMessage(), false);
        }
        return r;
    }

    void print(byte[] text) {
        out.write(text, 0, text.length);
        out.flush();
    }

    private static boolean isRawOutputCommand(String name, String sub, int argc) {
        switch (name) {
            case "info":
            case "lolwut":
                return true;
            case "debug":
                return argc >= 2 && (sub.equals("htstats") || sub.equals("htstats-key") || sub.equals("client-eviction"));
            case "memory":
                return argc >= 2 && (sub.equals("malloc-stats") || sub.equals("doctor"));
            case "cluster":
                return argc == 2 && (sub.equals("nodes") || sub.equals("info"));
            case "client":
                return argc >= 2 && (sub.equals("list") || sub.equals("info"));
            case "latency":
                return (argc == 3 && sub.equals("graph")) || (argc == 2 && sub.equals("doctor"));
            case "proxy":
                return argc >= 2 && sub.equals("info");
            default:
                return false;
        }
    }

    // ------------------------------------------------------------------ REPL core

    /** What a typed line asked for. */
    enum LineResult { CONTINUE, QUIT, CLEAR }

    /**
     * One line of repl(): splitting, the optional repeat count, local commands (quit, exit,
     * connect, clear, :set, restart) and otherwise the command itself.
     */
    LineResult handleLine(byte[] line, History history) {
        if (line.length == 0) return LineResult.CONTINUE;
        List<byte[]> args = ArgSplitter.split(line);
        if (args == null) {
            out.print("Invalid argument(s)\n");
            out.flush();
            if (history != null) history.add(line);
            return LineResult.CONTINUE;
        }
        if (args.isEmpty()) return LineResult.CONTINUE;
        long repeat = 1;
        int skip = 0;
        String first = new String(args.get(0), StandardCharsets.ISO_8859_1);
        if (args.size() > 1 && first.matches("\\s*[+-]?\\d*")) {
            String digits = first.strip();
            long v;
            try {
                v = digits.isEmpty() || digits.equals("+") || digits.equals("-") ? 0 : Long.parseLong(digits);
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v <= 0) {
                out.print("Invalid redis-cli repeat command option value.\n");
                out.flush();
                return LineResult.CONTINUE;
            }
            repeat = v;
            skip = 1;
        }
        List<byte[]> cmd = args.subList(skip, args.size());
        if (history != null && !isSensitive(cmd)) history.add(line);
        String name = lower(args.get(0));
        if (name.equals("quit") || name.equals("exit")) {
            return LineResult.QUIT;
        } else if (name.startsWith(":")) {
            setPreference(strings(args));
        } else if (name.equals("restart")) {
            out.print("Use 'restart' only in Lua debugging mode.");
            out.flush();
        } else if (args.size() == 3 && name.equals("connect")) {
            opt.host = new String(args.get(1), StandardCharsets.UTF_8);
            opt.port = (int) CliOptions.atol(new String(args.get(2), StandardCharsets.UTF_8));
            connect(true);
            docs = null;
        } else if (args.size() == 1 && name.equals("clear")) {
            return LineResult.CLEAR;
        } else {
            long start = System.nanoTime();
            issue(cmd, repeat);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            if (elapsedMs >= 500 && mode == OutputMode.STANDARD) {
                out.print(String.format(Locale.ROOT, "(%.2fs)%n", elapsedMs / 1000.0));
                out.flush();
            }
        }
        return LineResult.CONTINUE;
    }

    boolean hints = true;

    private void setPreference(List<String> args) {
        if (args.size() >= 2 && args.get(0).equalsIgnoreCase(":set")) {
            if (args.get(1).equalsIgnoreCase("hints")) {
                hints = true;
                return;
            } else if (args.get(1).equalsIgnoreCase("nohints")) {
                hints = false;
                return;
            }
        }
        out.print("Unknown redis-cli preference '" + String.join(" ", args.subList(1, args.size())).trim() + "'\n");
        out.flush();
    }

    /** Lines not worth keeping in a history file because they carry secrets. */
    static boolean isSensitive(List<byte[]> cmd) {
        if (cmd.isEmpty()) return false;
        String name = lower(cmd.get(0));
        String sub = cmd.size() > 1 ? lower(cmd.get(1)) : "";
        if (name.equals("auth")) return true;
        if (name.equals("acl") && sub.equals("setuser")) return true;
        if (name.equals("config") && sub.equals("set")) {
            for (int i = 2; i < cmd.size(); i += 2) {
                String p = lower(cmd.get(i));
                if (p.equals("masterauth") || p.equals("masteruser") || p.equals("requirepass")) return true;
            }
        }
        if (name.equals("hello") || name.equals("migrate")) {
            for (byte[] a : cmd) {
                String s = lower(a);
                if (s.equals("auth") || s.equals("auth2")) return true;
            }
        }
        return false;
    }

    /** Where typed lines are remembered. */
    interface History {
        void add(byte[] line);
    }

    /** repl() when stdin is not a terminal: no prompt, no history, one command per line. */
    private int lineLoop(InputStream in) {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while (true) {
                c = in.read();
                if (c == '\n' || (c < 0 && line.size() > 0)) {
                    if (handleLine(line.toByteArray(), null) == LineResult.QUIT) return 0;
                    line.reset();
                }
                if (c < 0) return 0;
                if (c != '\n') line.write(c);
            }
        } catch (IOException e) {
            return 0;
        }
    }

    CommandDocs docs() {
        if (docs == null) docs = CommandDocs.load(this);
        return docs;
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String lower(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }

    static List<String> strings(List<byte[]> args) {
        List<String> s = new ArrayList<>(args.size());
        for (byte[] a : args) s.add(new String(a, StandardCharsets.UTF_8));
        return s;
    }

    OutputStream rawOut() {
        return out;
    }
}

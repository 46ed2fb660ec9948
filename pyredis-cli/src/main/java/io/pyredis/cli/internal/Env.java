package io.pyredis.cli.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the CLI takes from its surroundings: streams, whether they are terminals, the
 * environment and the home folder. Tests build one over pipes.
 */
public record Env(InputStream in, OutputStream out, OutputStream err, boolean stdinTty, boolean stdoutTty,
                  Map<String, String> vars, Path home, TerminalFactory terminal) {

    /** Opens the terminal the REPL talks to. */
    public interface TerminalFactory {
        org.jline.terminal.Terminal open() throws java.io.IOException;
    }

    /** The real process: System streams, isatty by /proc/self/fd where Linux offers it. */
    public static Env system() {
        boolean inTty = isTty(0);
        boolean outTty = isTty(1);
        return new Env(System.in, System.out, System.err, inTty, outTty, System.getenv(),
                Path.of(System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home", ".")),
                () -> org.jline.terminal.TerminalBuilder.builder().system(true).build());
    }

    private static boolean isTty(int fd) {
        Path p = Path.of("/proc/self/fd/" + fd);
        try {
            if (Files.exists(Path.of("/proc/self/fd"))) {
                String target = Files.readSymbolicLink(p).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (Exception e) {
            // not Linux-like; fall through
        }
        return System.console() != null;
    }

    public String var(String name) {
        return vars.get(name);
    }
}

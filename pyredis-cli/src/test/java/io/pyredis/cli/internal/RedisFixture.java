package io.pyredis.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Debian redis-server on a free port, and helpers to run redis-cli and pyredis-cli against it. */
final class RedisFixture implements AutoCloseable {

    /** What a run printed and how it ended. */
    record Result(String out, String err, int status) {
    }

    final int port;
    private final Process process;

    private RedisFixture(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static boolean installed(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    static RedisFixture start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--enable-debug-command", "yes", "--daemonize", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // Readiness, not elapsed time: poll until the port accepts, for at most ~10 s.
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(1000);
                return new RedisFixture(port, p);
            } catch (IOException notYet) {
                if (!p.isAlive()) throw new IOException("redis-server exited with " + p.exitValue());
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("redis-server did not start on port " + port);
    }

    /** Debian's redis-cli with {@code args}, stdin from {@code stdin}. */
    Result redisCli(byte[] stdin, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("redis-cli");
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out;
        byte[] err;
        try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
            out = o.readAllBytes();
            err = e.readAllBytes();
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("redis-cli did not finish: " + args);
        }
        return new Result(new String(out, StandardCharsets.ISO_8859_1), new String(err, StandardCharsets.ISO_8859_1), p.exitValue());
    }

    /** pyredis-cli in this JVM, with stdin and stdout not terminals (as in a pipe). */
    static Result pyredisCli(byte[] stdin, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Env env = new Env(new ByteArrayInputStream(stdin), out, err, false, false, Map.of(), null, null);
        int status = Cli.run(args.toArray(new String[0]), env);
        return new Result(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), status);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

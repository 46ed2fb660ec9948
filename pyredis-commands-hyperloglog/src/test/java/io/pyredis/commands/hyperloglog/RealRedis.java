package io.pyredis.commands.hyperloglog;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Debian's redis-server on a free port, for the tests that compare with it; {@link #installed} first. */
final class RealRedis implements AutoCloseable {

    final int port;
    private final Process process;

    private RealRedis(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "redis-server"))) {
                return true;
            }
        }
        return false;
    }

    static RealRedis start() throws IOException, InterruptedException {
        return start(null);
    }

    /** A redis-server whose {@code dir} is {@code dir} (loading the dump.rdb there), or the working directory when null. */
    static RealRedis start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("redis-server", "--port",
                Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"));
        if (dir != null) {
            cmd.addAll(java.util.List.of("--dir", dir.toString()));
        }
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new RealRedis(port, p);
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IOException("redis-server exited with " + p.exitValue());
                }
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("redis-server did not start on port " + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

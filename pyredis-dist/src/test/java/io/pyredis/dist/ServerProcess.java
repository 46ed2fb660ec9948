package io.pyredis.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pyredis server running as a separate process, started from the packaged module path
 * exactly as bin/pyredis-server starts it. Everything it prints (stdout and stderr, where
 * the log goes) is kept for assertions.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();
    private final Thread pump;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.pump = new Thread(this::pumpOutput, "server-output-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    /** {@code java -p target/modules -m io.pyredis.server/io.pyredis.server.Main --port P args...}, run in {@code workDir}. */
    static ServerProcess startModule(Path workDir, String... args) throws IOException, InterruptedException {
        int port = Dist.freePort();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", Dist.modules().toString(),
                "-m", "io.pyredis.server/io.pyredis.server.Main",
                "--port", Integer.toString(port),
                // No snapshots: a test server stopped by SIGTERM must not leave a dump.rdb
                // in the working directory for the next one to load.
                "--save", ""));
        cmd.addAll(List.of(args));
        return start(cmd, workDir, port);
    }

    /** Runs {@code cmd} (which must make the server listen on {@code port}) in {@code workDir}. */
    static ServerProcess start(List<String> cmd, Path workDir, int port) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        ServerProcess server = new ServerProcess(pb.start(), port);
        try {
            server.awaitListening();
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    /** The server's process id (the java process itself). */
    long pid() {
        return process.pid();
    }

    /** Waits up to {@code timeout} for the process to end on its own; its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("server still running after " + timeout + "; it printed:\n" + output());
        }
        pump.join(2000);
        return process.exitValue();
    }

    /** What the server printed so far. */
    String output() {
        return output.toString();
    }

    /** The lines printed so far that contain every one of {@code parts}. */
    List<String> linesWith(String... parts) {
        List<String> hits = new ArrayList<>();
        for (String line : output().split("\n")) {
            boolean all = true;
            for (String part : parts) {
                all &= line.contains(part);
            }
            if (all) {
                hits.add(line);
            }
        }
        return hits;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                pump.join(2000);
                throw new IllegalStateException("server exited with " + process.exitValue()
                        + " before listening on " + port + "; it printed:\n" + output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100); // polling a port: there is no event to wait on
            }
        }
        throw new IOException("server not listening on " + port + " after " + START_TIMEOUT
                + "; it printed:\n" + output());
    }

    private void pumpOutput() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.append(line).append('\n');
            }
        } catch (IOException ignored) {
            // the process is gone; what it printed is kept
        }
    }

    /** SIGKILL (kill -9): the server gets no chance to flush anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        pump.join(2000);
    }

    /** Stops the server: SIGTERM, then SIGKILL if it has not gone within 10 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        pump.join(2000);
    }
}

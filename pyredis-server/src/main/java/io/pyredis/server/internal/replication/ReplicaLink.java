package io.pyredis.server.internal.replication;

import io.pyredis.core.client.Client;
import io.pyredis.protocol.ProtocolException;
import io.pyredis.protocol.RequestParser;
import io.pyredis.protocol.RespLimits;
import io.pyredis.storage.Rdb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The replica side of replication (Redis's replicaof, syncWithMaster, readSyncBulkPayload):
 * a thread of its own connects to the master, does the handshake (PING, AUTH, REPLCONF,
 * PSYNC), receives the RDB (the {@code $<len>} disk form or the {@code $EOF:<mark>}
 * diskless one) into a file, and reads the command stream, parsed into requests there;
 * the loading and every command run on the event loop, through the call path, as the
 * master client (no replies, the processed offset counted request by request). A dropped
 * link is retried every second with {@code PSYNC replid offset+1}, which a master with the
 * history in its backlog answers {@code +CONTINUE}.
 *
 * <p>The fields the loop reads are only written on the loop; the thread hands its results
 * over with {@code loop.execute}.
 */
public final class ReplicaLink {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaLink.class);
    private static final byte[][] ACK_ARGS = {"REPLCONF".getBytes(StandardCharsets.US_ASCII),
            "ACK".getBytes(StandardCharsets.US_ASCII)};

    /** Redis's repl_state names as ROLE shows them. */
    enum State {
        CONNECT("connect"), CONNECTING("connecting"), SYNC("sync"), CONNECTED("connected");

        final String role;

        State(String role) {
            this.role = role;
        }
    }

    private final Env server;
    private final String host;
    private final int port;
    private volatile boolean stopped;
    private final Thread thread;

    // On the loop.
    private State state = State.CONNECT;
    /** The master's replication id and the offset processed so far (slave_repl_offset); null before a sync. */
    private String masterReplId;
    private long offset = -1;
    private Client master;
    private OutputStream toMaster;
    private long lastIoMillis;
    private long linkDownSinceMillis;

    ReplicaLink(Env server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.linkDownSinceMillis = server.clock().millis();
        this.thread = new Thread(this::run, "pyredis-replica-link");
        thread.setDaemon(true);
    }

    /** Continues from the history a previous link (or this server as a master) left: PSYNC asks for it. */
    void resumeFrom(String replId, long processed) {
        this.masterReplId = replId;
        this.offset = processed;
    }

    void start() {
        thread.start();
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String masterReplId() {
        return masterReplId;
    }

    long offset() {
        return offset;
    }

    boolean connected() {
        return state == State.CONNECTED;
    }

    /** REPLICAOF another master or NO ONE: the thread ends, the connection closes. */
    void stop() {
        stopped = true;
        thread.interrupt();
        OutputStream out = toMaster;
        toMaster = null;
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        master = null;
    }

    // ---- the link thread --------------------------------------------------------------

    private void run() {
        LOG.info("Connecting to MASTER {}:{}", host, port);
        while (!stopped) {
            try (Socket s = new Socket()) {
                onLoop(() -> state = State.CONNECTING);
                s.connect(new InetSocketAddress(host, port), 5000);
                s.setTcpNoDelay(true);
                s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, server.config().replTimeout.longValue() * 1000));
                LOG.info("MASTER <-> REPLICA sync started");
                Conn c = new Conn(s);
                handshake(c);
                stream(c);
            } catch (IOException | ProtocolException e) {
                if (!stopped) {
                    LOG.warn("Error condition on socket for SYNC: {}", e.getMessage());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Replication link failed", e);
            }
            onLoop(this::linkDown);
            if (stopped) {
                return;
            }
            try {
                Thread.sleep(1000); // Redis retries once a second, from replicationCron
            } catch (InterruptedException e) {
                return;
            }
            LOG.info("Reconnecting to MASTER {}:{}", host, port);
        }
    }

    private void linkDown() {
        if (state == State.CONNECTED) {
            LOG.info("Connection with master lost.");
            linkDownSinceMillis = server.clock().millis();
        }
        state = State.CONNECT;
        master = null;
        toMaster = null;
    }

    private void handshake(Conn c) throws IOException, InterruptedException {
        c.send("PING");
        String pong = c.line();
        if (pong.startsWith("-") && !pong.startsWith("-NOAUTH") && !pong.startsWith("-NOPERM")
                && !pong.startsWith("-ERR operation not permitted")) {
            throw new IOException("Error reply to PING from master: '" + pong + "'");
        }
        LOG.info("Master replied to PING, replication can continue...");
        String auth = server.config().masterauth.value();
        if (!auth.isEmpty()) {
            String user = server.config().masteruser.value();
            if (user.isEmpty()) {
                c.send("AUTH", auth);
            } else {
                c.send("AUTH", user, auth);
            }
            String r = c.line();
            if (r.startsWith("-")) {
                throw new IOException("Unable to AUTH to MASTER: " + r);
            }
        }
        int announced = server.config().replicaAnnouncePort.intValue();
        c.send("REPLCONF", "listening-port", String.valueOf(announced != 0 ? announced : server.port()));
        String r = c.line();
        if (r.startsWith("-")) {
            LOG.info("(Non critical) Master does not understand REPLCONF listening-port: {}", r);
        }
        String ip = server.config().replicaAnnounceIp.value();
        if (!ip.isEmpty()) {
            c.send("REPLCONF", "ip-address", ip);
            r = c.line();
            if (r.startsWith("-")) {
                LOG.info("(Non critical) Master does not understand REPLCONF ip-address: {}", r);
            }
        }
        c.send("REPLCONF", "capa", "eof", "capa", "psync2");
        r = c.line();
        if (r.startsWith("-")) {
            LOG.info("(Non critical) Master does not understand REPLCONF capa: {}", r);
        }
        String[] cached = onLoop(() -> new String[] {masterReplId, String.valueOf(offset)});
        if (cached[0] != null) {
            long next = Long.parseLong(cached[1]) + 1;
            LOG.info("Trying a partial resynchronization (request {}:{}).", cached[0], next);
            c.send("PSYNC", cached[0], String.valueOf(next));
        } else {
            LOG.info("Partial resynchronization not possible (no cached master)");
            c.send("PSYNC", "?", "-1");
        }
        String reply = c.lineSkippingNewlines();
        if (reply.startsWith("+FULLRESYNC")) {
            String[] p = reply.split(" ");
            String id = p.length > 1 ? p[1] : "";
            long off = p.length > 2 ? Long.parseLong(p[2]) : -1;
            LOG.info("Full resync from master: {}:{}", id, off);
            fullSync(c, id, off);
        } else if (reply.startsWith("+CONTINUE")) {
            String newId = reply.length() > "+CONTINUE ".length() ? reply.substring("+CONTINUE ".length()).trim() : null;
            LOG.info("Successful partial resynchronization with master.");
            onLoop(() -> {
                if (newId != null && !newId.equals(masterReplId)) {
                    LOG.info("Master replication ID changed to {}", newId);
                    masterReplId = newId;
                }
                online(c);
                return null;
            });
            LOG.info("MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization.");
        } else {
            throw new IOException("Unexpected reply to PSYNC from master: " + reply);
        }
    }

    /** Receives the RDB into a file (the old data is untouched until it is all here), then loads it on the loop. */
    private void fullSync(Conn c, String id, long off) throws IOException, InterruptedException {
        onLoop(() -> state = State.SYNC);
        String head = c.lineSkippingNewlines();
        if (!head.startsWith("$")) {
            throw new IOException("Bad protocol from MASTER, the first byte is not '$' (we received '" + head + "')");
        }
        Path file = Path.of(server.config().dir.value()).toAbsolutePath()
                .resolve("temp-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".rdb");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                if (head.startsWith("$EOF:")) {
                    LOG.info("MASTER <-> REPLICA sync: receiving streamed RDB from master with EOF to disk");
                    c.copyUntilMark(head.substring(5).getBytes(StandardCharsets.US_ASCII), out);
                } else {
                    long len = Long.parseLong(head.substring(1));
                    LOG.info("MASTER <-> REPLICA sync: receiving {} bytes from master to disk", len);
                    c.copy(len, out);
                }
            }
            Path f = file;
            Throwable failed = onLoop(() -> {
                try {
                    LOG.info("MASTER <-> REPLICA sync: Flushing old data");
                    server.persistence().flushingAll();
                    server.keyspace().flushAll(false);
                    LOG.info("MASTER <-> REPLICA sync: Loading DB in memory");
                    Rdb.LoadInfo info = Rdb.load(server.keyspace(), f, false);
                    LOG.info("Done loading RDB, keys loaded: {}, keys expired: {}.", info == null ? 0 : info.keys(),
                            info == null ? 0 : info.expiredSkipped());
                    masterReplId = id;
                    offset = off;
                    online(c);
                    LOG.info("MASTER <-> REPLICA sync: Finished with success");
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            if (failed != null) {
                LOG.warn("Failed trying to load the MASTER synchronization DB from disk: {}", failed.toString());
                throw new IOException("RDB load failed", failed);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** On the loop: the link is up; the master's commands run as this client from now on. */
    private void online(Conn c) {
        master = server.engine().detachedClient(server.clients().nextId());
        toMaster = c.out;
        state = State.CONNECTED;
        lastIoMillis = server.clock().millis();
        sendAck();
    }

    /** Reads the stream: requests parsed here, handed to the loop a read at a time with their sizes. */
    private void stream(Conn c) throws IOException, ProtocolException, InterruptedException {
        RequestParser parser = new RequestParser(RespLimits.DEFAULT);
        byte[] buf = new byte[64 * 1024];
        // The bytes left over from the handshake's reads come first.
        int n = c.drain(buf);
        int partial = 0; // bytes of the request being parsed, which may span reads
        while (!stopped) {
            if (n < 0) {
                throw new IOException("connection lost");
            }
            List<byte[][]> requests = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            int p = 0;
            while (p < n) {
                int used = parser.feed(buf, p, n - p);
                p += used;
                partial += used;
                byte[][] req = parser.take();
                if (req != null) {
                    requests.add(req);
                    sizes.add(partial);
                    partial = 0;
                }
            }
            onLoop(() -> apply(requests, sizes));
            n = c.in.read(buf);
        }
    }

    /** On the loop: runs the master's requests; each one's bytes count once it has run. */
    private void apply(List<byte[][]> requests, List<Integer> sizes) {
        if (master == null) {
            return;
        }
        lastIoMillis = server.clock().millis();
        for (int i = 0; i < requests.size(); i++) {
            byte[][] req = requests.get(i);
            if (req.length == 0) {
                offset += sizes.get(i);
                continue;
            }
            if (req.length >= 2 && new String(req[0], StandardCharsets.US_ASCII).equalsIgnoreCase("replconf")
                    && new String(req[1], StandardCharsets.US_ASCII).equalsIgnoreCase("getack")) {
                sendAck(); // the offset before this request, as Redis's
            } else {
                server.engine().process(master, req, System.nanoTime());
                master.reply().reset();
            }
            offset += sizes.get(i);
            if (master == null) {
                return; // the command ended the link (REPLICAOF NO ONE from the master)
            }
        }
    }

    /** REPLCONF ACK offset: what was processed, told to the master (every second, and on GETACK). */
    void sendAck() {
        OutputStream out = toMaster;
        if (out == null || state != State.CONNECTED) {
            return;
        }
        byte[] off = String.valueOf(offset).getBytes(StandardCharsets.US_ASCII);
        StringBuilder sb = new StringBuilder();
        sb.append("*3\r\n$8\r\nREPLCONF\r\n$3\r\nACK\r\n$").append(off.length).append("\r\n")
                .append(new String(off, StandardCharsets.US_ASCII)).append("\r\n");
        try {
            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            LOG.debug("ACK to master failed: {}", e.toString());
        }
    }

    /** Once a second, from the cron: the ACK, and a master silent for longer than repl-timeout is dropped. */
    void cron() {
        if (state == State.CONNECTED) {
            sendAck();
        }
    }

    /** INFO replication's replica fields, after role. */
    void info(StringBuilder sb) {
        long now = server.clock().millis();
        line(sb, "master_host", host);
        line(sb, "master_port", port);
        line(sb, "master_link_status", state == State.CONNECTED ? "up" : "down");
        line(sb, "master_last_io_seconds_ago", master != null ? (now - lastIoMillis) / 1000 : -1);
        line(sb, "master_sync_in_progress", state == State.SYNC ? 1 : 0);
        line(sb, "slave_read_repl_offset", offset);
        line(sb, "slave_repl_offset", offset);
        if (state != State.CONNECTED) {
            line(sb, "master_link_down_since_seconds", linkDownSinceMillis == 0 ? -1 : (now - linkDownSinceMillis) / 1000);
        }
        line(sb, "slave_priority", server.config().replicaPriority.longValue());
        line(sb, "slave_read_only", server.config().replicaReadOnly.isOn() ? 1 : 0);
        line(sb, "replica_announced", server.config().replicaAnnounced.isOn() ? 1 : 0);
    }

    String roleState() {
        return state.role;
    }

    /** ROLE's offset: the processed offset while connected to a master, else -1. */
    long roleOffset() {
        return master != null ? offset : -1;
    }

    boolean isMasterClient(Client c) {
        return c != null && c == master;
    }

    private static void line(StringBuilder sb, String k, Object v) {
        sb.append(k).append(':').append(v).append("\r\n");
    }

    // ---- handing over to the loop ------------------------------------------------------

    private <T> T onLoop(java.util.function.Supplier<T> task) throws InterruptedException {
        CompletableFuture<T> f = new CompletableFuture<>();
        server.engine().loop().execute(() -> {
            try {
                f.complete(stopped ? null : task.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void onLoop(Runnable task) {
        server.engine().loop().execute(() -> {
            if (!stopped) {
                task.run();
            }
        });
    }

    /** The socket with a little read buffer for the handshake's lines. */
    private static final class Conn {
        final InputStream in;
        final OutputStream out;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int lim;

        Conn(Socket s) throws IOException {
            this.in = s.getInputStream();
            this.out = s.getOutputStream();
        }

        void send(String... args) throws IOException {
            StringBuilder sb = new StringBuilder();
            sb.append('*').append(args.length).append("\r\n");
            for (String a : args) {
                byte[] b = a.getBytes(StandardCharsets.UTF_8);
                sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private boolean fill() throws IOException {
            if (pos < lim) {
                return true;
            }
            pos = 0;
            lim = in.read(buf);
            if (lim < 0) {
                lim = 0;
                throw new IOException("connection lost");
            }
            return true;
        }

        String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                fill();
                byte b = buf[pos++];
                if (b == '\n') {
                    int l = sb.length();
                    return l > 0 && sb.charAt(l - 1) == '\r' ? sb.substring(0, l - 1) : sb.toString();
                }
                sb.append((char) (b & 0xff));
            }
        }

        /** A line, skipping the empty ones a master sends to keep the link alive while it prepares the RDB. */
        String lineSkippingNewlines() throws IOException {
            String l;
            do {
                l = line();
            } while (l.isEmpty());
            return l;
        }

        void copy(long len, OutputStream to) throws IOException {
            while (len > 0) {
                fill();
                int k = (int) Math.min(len, lim - pos);
                to.write(buf, pos, k);
                pos += k;
                len -= k;
            }
        }

        /** The diskless form: everything up to the 40-byte mark, which ends it. */
        void copyUntilMark(byte[] mark, OutputStream to) throws IOException {
            // As Redis's readSyncBulkPayload, the mark is looked for at the end of each read
            // (a master sends nothing after it until the replica's first ACK); the last
            // mark-length bytes are held back until more arrive.
            byte[] window = new byte[buf.length + mark.length];
            int held = 0;
            while (true) {
                fill();
                int k = lim - pos;
                System.arraycopy(buf, pos, window, held, k);
                pos = lim;
                int total = held + k;
                if (total >= mark.length && Arrays.equals(window, total - mark.length, total, mark, 0, mark.length)) {
                    to.write(window, 0, total - mark.length);
                    return;
                }
                int keep = Math.min(total, mark.length);
                to.write(window, 0, total - keep);
                System.arraycopy(window, total - keep, window, 0, keep);
                held = keep;
            }
        }

        /** Moves what was read past the handshake into {@code to}; -1 when there is nothing yet and the link ended. */
        int drain(byte[] to) throws IOException {
            if (pos < lim) {
                int k = lim - pos;
                System.arraycopy(buf, pos, to, 0, k);
                pos = lim;
                return k;
            }
            return in.read(to);
        }
    }
}

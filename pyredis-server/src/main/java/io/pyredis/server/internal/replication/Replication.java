package io.pyredis.server.internal.replication;

import io.pyredis.core.client.Client;
import io.pyredis.core.client.ClientOutput;
import io.pyredis.core.exec.Propagation;
import io.pyredis.core.loop.Loop;
import io.pyredis.server.internal.config.OutputBufferLimitsParam;
import io.pyredis.server.internal.persistence.aof.RespBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master side of replication, as Redis's replication.c: the replication ids and offset,
 * the backlog, the replicas and their sync states, and the command stream, which is the
 * second {@link Propagation.Sink} beside the AOF (SELECT emitted when the database changes,
 * as Redis's {@code slaveseldb}).
 *
 * <p>A full sync is a background save (the BGSAVE machinery, so the loop keeps serving):
 * the RDB image is the keyspace when the save starts, the replica's writes from then on
 * are kept in its buffer and sent after the file. With {@code repl-diskless-sync} the file
 * is sent in the {@code $EOF:<mark>} form a diskless master uses (it is still written to
 * disk first: pyredis has no socket-target snapshot).
 *
 * <p>Everything runs on the event loop.
 */
public final class Replication implements Propagation.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(Replication.class);
    private static final String NO_ID = "0000000000000000000000000000000000000000";
    private static final byte[][] PING = {"PING".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[][] GETACK = {"REPLCONF".getBytes(StandardCharsets.US_ASCII),
            "GETACK".getBytes(StandardCharsets.US_ASCII), "*".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[] NEWLINE = {'\n'};
    static final String NOREPLICAS = "NOREPLICAS Not enough good replicas to write.";
    static final String READONLY = "READONLY You can't write against a read only replica.";

    /** Redis's SLAVE_STATE_*: where a replica is in its sync. */
    enum State {
        WAIT_BGSAVE_START("wait_bgsave"), WAIT_BGSAVE_END("wait_bgsave"), ONLINE("online");

        final String info;

        State(String info) {
            this.info = info;
        }
    }

    /** One replica connection, from its first REPLCONF on. */
    static final class Replica {
        final Client client;
        int listeningPort;
        String ipAddress;
        boolean capaEof;
        boolean capaPsync2;
        /** Sent SYNC, not PSYNC (redis-cli --replica, the test suite): no ACKs expected, disk form. */
        boolean prePsync;
        State state;
        long ackOffset;
        long ackMillis;
        /** The offset its full sync starts from (+FULLRESYNC's), what an attaching replica copies. */
        long initialOffset;
        /**
         * The stream since its snapshot started, sent after the RDB; after an {@code $EOF:}
         * RDB, until the replica's first ACK (Redis's repl_start_cmd_stream_on_ack): the
         * replica finds the mark only at the end of what it reads, so nothing may follow it
         * before it has loaded the file.
         */
        RespBuf pending;

        Replica(Client client) {
            this.client = client;
        }

        String ip() {
            if (ipAddress != null) {
                return ipAddress;
            }
            String a = client.remoteAddress();
            int colon = a.lastIndexOf(':');
            String ip = colon < 0 ? a : a.substring(0, colon);
            return ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        }

        String name() {
            return ip() + ":" + listeningPort;
        }
    }

    private final Env server;
    private final Loop loop;
    private String replId = randomHex40();
    private String replId2 = NO_ID;
    private long secondReplOffset = -1;
    private long offset;
    private Backlog backlog;
    /** When the last replica went away (for repl-backlog-ttl), 0 while there are some. */
    private long noReplicasSinceMillis;
    private final Map<Client, Replica> known = new IdentityHashMap<>();
    private final Map<Client, Replica> replicas = new LinkedHashMap<>();
    private int selectedDb = -1;
    /** The current unit's stream, fed to the backlog and the replicas at its end. */
    private final RespBuf unit = new RespBuf(16 * 1024);
    /** Stream not yet written to the online replicas (written once per loop turn). */
    private final RespBuf unsent = new RespBuf(16 * 1024);
    private boolean flushScheduled;
    private boolean getAckScheduled;
    /** Whether the running background save was started for replicas. */
    private boolean ourSave;
    private long lastPingMillis;
    private final Waits waits;
    /** The link to our master while this server is a replica, else null. */
    private ReplicaLink link;

    public Replication(io.pyredis.server.internal.config.ServerConfig config, io.pyredis.core.Engine engine,
                       io.pyredis.server.internal.persistence.Persistence persistence, io.pyredis.storage.Clock clock,
                       java.util.function.IntSupplier port) {
        this.server = new Env(config, engine, persistence, clock, port);
        this.loop = server.engine().loop();
        this.waits = new Waits(this, server.engine());
        server.persistence().onBgsaveEnd(this::bgsaveEnded);
        server.engine().onDisconnect(this::disconnected);
        server.config().replBacklogSize.onChange(v -> {
            if (backlog != null) {
                backlog.resize(v);
            }
        });
    }

    // ---- identity -------------------------------------------------------------------

    public String replId() {
        return replId;
    }

    public String replId2() {
        return replId2;
    }

    public long secondReplOffset() {
        return secondReplOffset;
    }

    /** master_repl_offset: the bytes of stream produced so far. */
    public long offset() {
        return offset;
    }

    /** Redis's changeReplicationId (DEBUG CHANGE-REPL-ID, a new backlog). */
    public void changeReplicationId() {
        replId = randomHex40();
    }

    /** The clients blocked in WAIT. */
    public Waits waits() {
        return waits;
    }

    // ---- the stream -----------------------------------------------------------------

    @Override
    public void propagate(int db, byte[][] argv) {
        encode(db, argv);
    }

    private void encode(int db, byte[][] argv) {
        if (db >= 0 && db != selectedDb) {
            unit.select(db);
            selectedDb = db;
        }
        unit.command(argv);
    }

    @Override
    public void unitEnd() {
        feed(unit.array(), 0, unit.size());
        unit.reset();
    }

    /** Redis's feedReplicationBuffer: the backlog, the replicas syncing, and the online ones (batched). */
    private void feed(byte[] b, int off, int len) {
        if (len == 0 || backlog == null) {
            return;
        }
        backlog.feed(b, off, len);
        offset += len;
        for (Replica r : replicas.values()) {
            if (r.pending != null) {
                r.pending.raw(b, off, len);
            }
        }
        unsent.raw(b, off, len);
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(this::flushOnline);
        }
    }

    /** Writes what the online replicas have not been sent yet (Redis's writes in beforeSleep). */
    private void flushOnline() {
        flushScheduled = false;
        if (unsent.size() == 0) {
            return;
        }
        for (Replica r : List.copyOf(replicas.values())) {
            if (r.state == State.ONLINE && r.pending == null) {
                send(r, unsent.array(), 0, unsent.size());
            }
        }
        unsent.reset();
    }

    private void send(Replica r, byte[] b, int off, int len) {
        ClientOutput out = r.client.output();
        if (out == null || r.client.isClosing()) {
            return;
        }
        server.stats().totalNetReplOutputBytes += len;
        out.write(b, off, len);
        if (r.state == State.ONLINE) {
            checkOutputLimit(r, out);
        }
    }

    /** The {@code replica} class of client-output-buffer-limit (its soft limit is checked as its hard one). */
    private void checkOutputLimit(Replica r, ClientOutput out) {
        OutputBufferLimitsParam.Limit l = server.config().clientOutputBufferLimit.value().of(OutputBufferLimitsParam.REPLICA);
        long used = out.queuedBytes();
        if ((l.hard() > 0 && used >= l.hard()) || (l.soft() > 0 && used >= l.soft() && l.softSeconds() == 0)) {
            LOG.warn("Client id={} addr={} scheduled to be closed ASAP for overcoming of output buffer limits.",
                    r.client.id(), r.client.remoteAddress());
            r.client.close();
        }
    }

    // ---- the handshake and sync -----------------------------------------------------

    /** The replica state of {@code c}, created at its first REPLCONF. */
    private Replica replica(Client c) {
        return known.computeIfAbsent(c, Replica::new);
    }

    /** REPLCONF listening-port. */
    public void listeningPort(Client c, long port) {
        replica(c).listeningPort = (int) port;
    }

    /** REPLCONF ip-address. */
    public void ipAddress(Client c, String ip) {
        replica(c).ipAddress = ip;
    }

    /** REPLCONF capa: eof and psync2 are understood, others ignored as Redis does. */
    public void capability(Client c, String capa) {
        if (capa.equalsIgnoreCase("eof")) {
            replica(c).capaEof = true;
        } else if (capa.equalsIgnoreCase("psync2")) {
            replica(c).capaPsync2 = true;
        }
    }

    /** REPLCONF ACK offset from a replica (a client that sent SYNC/PSYNC); others are ignored. */
    public void ack(Client c, long ackOffset) {
        Replica r = replicas.get(c);
        if (r != null) {
            ack(r, ackOffset);
        }
    }

    /**
     * SYNC and PSYNC (Redis's syncCommand after its checks): a partial resync when the
     * backlog has what the replica misses, else a full one.
     *
     * @param replIdAsked the replica's master replid ({@code ?} for none), null for SYNC
     */
    public void sync(Client c, String replIdAsked, long psyncOffset) {
        Replica r = replica(c);
        LOG.info("Replica {} asks for synchronization", r.name());
        if (replIdAsked != null) {
            if (tryPartial(r, replIdAsked, psyncOffset)) {
                server.stats().syncPartialOk++;
                return;
            }
            if (!replIdAsked.startsWith("?")) {
                server.stats().syncPartialErr++;
            }
        } else {
            r.prePsync = true;
        }
        server.stats().syncFull++;
        r.state = State.WAIT_BGSAVE_START;
        attach(r);
        if (replicas.size() == 1 && backlog == null) {
            changeReplicationId();
            clearReplicationId2();
            createBacklog();
            LOG.info("Replication backlog created, my new replication IDs are '{}' and '{}'", replId, replId2);
        }
        if (server.persistence().bgsaveInProgress() || server.keyspace().snapshotRunning()) {
            Replica feeding = null;
            for (Replica o : replicas.values()) {
                if (o != r && o.state == State.WAIT_BGSAVE_END) {
                    feeding = o;
                    break;
                }
            }
            if (ourSave && feeding != null && (r.capaEof || !feeding.capaEof)) {
                r.pending = new RespBuf(Math.max(1024, feeding.pending.size()));
                r.pending.raw(feeding.pending.array(), 0, feeding.pending.size());
                setupFullResync(r, feeding.initialOffset);
                LOG.info("Waiting for end of BGSAVE for SYNC");
            } else {
                LOG.info("Can't attach the replica to the current BGSAVE. Waiting for next BGSAVE for SYNC");
            }
        } else if (diskless(r) && server.config().replDisklessSyncDelay.longValue() > 0) {
            LOG.info("Delay next BGSAVE for diskless SYNC");
        } else {
            startBgsaveForReplication();
        }
    }

    private boolean diskless(Replica r) {
        return server.config().replDisklessSync.isOn() && r.capaEof;
    }

    private void attach(Replica r) {
        r.client.replica(true);
        // A replica reads no replies (REPLCONF ACK has none): what it is sent is the stream.
        r.client.replyMode(Client.ReplyMode.OFF);
        r.client.flush();
        replicas.put(r.client, r);
        noReplicasSinceMillis = 0;
    }

    /** Redis's masterTryPartialResynchronization. */
    private boolean tryPartial(Replica r, String asked, long psyncOffset) {
        boolean idOk = asked.equalsIgnoreCase(replId)
                || (asked.equalsIgnoreCase(replId2) && psyncOffset <= secondReplOffset);
        if (!idOk) {
            if (!asked.startsWith("?")) {
                if (!asked.equalsIgnoreCase(replId2)) {
                    LOG.info("Partial resynchronization not accepted: Replication ID mismatch (Replica asked for "
                            + "'{}', my replication IDs are '{}' and '{}')", asked, replId, replId2);
                } else {
                    LOG.info("Partial resynchronization not accepted: Requested offset for second ID was {}, "
                            + "but I can reply up to {}", psyncOffset, secondReplOffset);
                }
            } else {
                LOG.info("Full resync requested by replica {}", r.name());
            }
            return false;
        }
        if (backlog == null || !backlog.covers(psyncOffset)) {
            LOG.info("Unable to partial resync with replica {} for lack of backlog (Replica request was: {}).",
                    r.name(), psyncOffset);
            if (backlog != null && psyncOffset > offset) {
                LOG.warn("Warning: replica {} tried to PSYNC with an offset that is greater than the master "
                        + "replication offset.", r.name());
            }
            return false;
        }
        flushOnline();
        r.state = State.ONLINE;
        r.ackMillis = server.clock().millis();
        attach(r);
        byte[] reply = (r.capaPsync2 ? "+CONTINUE " + replId + "\r\n" : "+CONTINUE\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        send(r, reply, 0, reply.length);
        byte[] missing = backlog.from(psyncOffset);
        send(r, missing, 0, missing.length);
        LOG.info("Partial resynchronization request from {} accepted. Sending {} bytes of backlog starting from "
                + "offset {}.", r.name(), missing.length, psyncOffset);
        return true;
    }

    private void clearReplicationId2() {
        replId2 = NO_ID;
        secondReplOffset = -1;
    }

    private void createBacklog() {
        backlog = new Backlog(server.config().replBacklogSize.longValue(), offset);
        // The next command of the stream names its database, whatever was selected before.
        selectedDb = -1;
        server.engine().propagation().addSink(this);
    }

    /** Redis's replicationSetupSlaveForFullResync: +FULLRESYNC now, the RDB when the save ends. */
    private void setupFullResync(Replica r, long initialOffset) {
        r.initialOffset = initialOffset;
        r.state = State.WAIT_BGSAVE_END;
        selectedDb = -1;
        if (!r.prePsync) {
            byte[] line = ("+FULLRESYNC " + replId + " " + initialOffset + "\r\n").getBytes(StandardCharsets.US_ASCII);
            send(r, line, 0, line.length);
        }
    }

    /** Redis's startBgsaveForReplication: one save for every replica waiting for one. */
    private void startBgsaveForReplication() {
        for (Replica r : replicas.values()) {
            if (r.state == State.WAIT_BGSAVE_START) {
                r.pending = new RespBuf(16 * 1024);
                setupFullResync(r, offset);
            }
        }
        LOG.info("Starting BGSAVE for SYNC with target: disk");
        ourSave = true;
        server.persistence().bgsave();
    }

    /** A background save ended: the replicas waiting for it get the file, then what they missed meanwhile. */
    private void bgsaveEnded(boolean ok) {
        boolean ours = ourSave;
        ourSave = false;
        if (!ours) {
            startWaitingSync();
            return;
        }
        byte[] rdb = null;
        if (ok) {
            try {
                rdb = Files.readAllBytes(server.persistence().file());
            } catch (IOException e) {
                LOG.warn("SYNC failed. Can't open/stat DB after BGSAVE: {}", e.toString());
            }
        }
        flushOnline();
        for (Replica r : List.copyOf(replicas.values())) {
            if (r.state != State.WAIT_BGSAVE_END) {
                continue;
            }
            if (rdb == null) {
                LOG.warn("SYNC failed. BGSAVE child returned an error");
                r.client.close();
                continue;
            }
            sendRdb(r, rdb);
        }
        startWaitingSync();
    }

    private void sendRdb(Replica r, byte[] rdb) {
        if (diskless(r)) {
            byte[] mark = randomHex40().getBytes(StandardCharsets.US_ASCII);
            byte[] head = ("$EOF:" + new String(mark, StandardCharsets.US_ASCII) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            send(r, head, 0, head.length);
            send(r, rdb, 0, rdb.length);
            send(r, mark, 0, mark.length);
            r.state = State.ONLINE;
            r.ackMillis = server.clock().millis();
            LOG.info("Streamed RDB transfer with replica {} succeeded (socket). Waiting for REPLCONF ACK from "
                    + "replica to enable streaming", r.name());
            return;
        } else {
            byte[] head = ("$" + rdb.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
            send(r, head, 0, head.length);
            send(r, rdb, 0, rdb.length);
        }
        r.state = State.ONLINE;
        r.ackMillis = server.clock().millis();
        startStream(r);
    }

    /** Redis's replicaStartCommandStream: what was kept since the snapshot, then the live stream. */
    private void startStream(Replica r) {
        flushOnline();
        send(r, r.pending.array(), 0, r.pending.size());
        r.pending = null;
        LOG.info("Synchronization with replica {} succeeded", r.name());
    }

    /** Replicas that wait for a save with none running get one (Redis's replicationCron, and the end of a save). */
    private void startWaitingSync() {
        if (server.persistence().bgsaveInProgress() || server.keyspace().snapshotRunning()) {
            return;
        }
        boolean waiting = false;
        boolean disklessWaiting = false;
        for (Replica r : replicas.values()) {
            if (r.state == State.WAIT_BGSAVE_START) {
                waiting = true;
                disklessWaiting |= diskless(r);
            }
        }
        if (!waiting) {
            return;
        }
        if (disklessWaiting && server.config().replDisklessSyncDelay.longValue() > 0) {
            long oldestIdle = 0;
            for (Replica r : replicas.values()) {
                if (r.state == State.WAIT_BGSAVE_START) {
                    oldestIdle = Math.max(oldestIdle, server.clock().millis() - r.client.lastInteractionMillis());
                }
            }
            if (oldestIdle < server.config().replDisklessSyncDelay.longValue() * 1000) {
                return;
            }
        }
        startBgsaveForReplication();
    }

    private void disconnected(Client c) {
        known.remove(c);
        waits.disconnected(c);
        if (replicas.remove(c) != null) {
            LOG.info("Connection with replica {} lost.", c.remoteAddress());
            if (replicas.isEmpty()) {
                noReplicasSinceMillis = server.clock().millis();
            }
        }
    }

    /** REPLCONF ACK from a replica. */
    void ack(Replica r, long ackOffset) {
        if (ackOffset > r.ackOffset) {
            r.ackOffset = ackOffset;
        }
        r.ackMillis = server.clock().millis();
        if (r.state == State.ONLINE && r.pending != null) {
            startStream(r);
        }
        waits.acked();
    }

    /** WAIT is waiting: the replicas are asked for an ACK at the end of this loop turn (Redis's get_ack_from_slaves). */
    void requestAcks() {
        if (getAckScheduled) {
            return;
        }
        getAckScheduled = true;
        loop.execute(() -> {
            getAckScheduled = false;
            encode(-1, GETACK);
            unitEnd();
            flushOnline();
        });
    }

    /** The replicas online whose ACK reached {@code target} (Redis's replicationCountAcksByOffset). */
    int acked(long target) {
        int n = 0;
        for (Replica r : replicas.values()) {
            if (r.state == State.ONLINE && r.ackOffset >= target) {
                n++;
            }
        }
        return n;
    }

    /** INFO's connected_slaves. */
    public int connectedReplicas() {
        return replicas.size();
    }

    // ---- the cron -------------------------------------------------------------------

    /** Redis's replicationCron, once a second. */
    public void cron() {
        if (link != null) {
            link.cron();
        }
        long now = server.clock().millis();
        long period = server.config().replPingReplicaPeriod.longValue() * 1000;
        if (!replicas.isEmpty() && now - lastPingMillis >= period) {
            lastPingMillis = now;
            encode(-1, PING);
            unitEnd();
        }
        // Replicas waiting for a save get a newline now and then, so that they do not time out.
        for (Replica r : replicas.values()) {
            if (r.state == State.WAIT_BGSAVE_START || (r.state == State.WAIT_BGSAVE_END && !diskless(r))) {
                send(r, NEWLINE, 0, 1);
            }
        }
        long timeout = server.config().replTimeout.longValue() * 1000;
        for (Replica r : List.copyOf(replicas.values())) {
            if (r.state == State.ONLINE && !r.prePsync && now - r.ackMillis > timeout) {
                LOG.warn("Disconnecting timedout replica (streaming sync): {}", r.name());
                r.client.close();
            }
        }
        long ttl = server.config().replBacklogTtl.longValue() * 1000;
        if (backlog != null && replicas.isEmpty() && noReplicasSinceMillis != 0 && ttl > 0
                && now - noReplicasSinceMillis > ttl) {
            // A new id: a replica that continues later must not take the history as its own.
            changeReplicationId();
            clearReplicationId2();
            backlog = null;
            server.engine().propagation().removeSink(this);
            LOG.info("Replication backlog freed after {} seconds without connected replicas.", ttl / 1000);
        }
        startWaitingSync();
    }

    /**
     * Why {@code c}'s write is refused: a read-only replica (its master's commands excepted),
     * or too few good replicas; null when it may run.
     */
    public String writeRefusal(Client c) {
        if (link != null) {
            return server.config().replicaReadOnly.isOn() && !link.isMasterClient(c) ? READONLY : null;
        }
        return noReplicasError();
    }

    /** The refusal of writes for min-replicas-to-write, or null (Redis's checkGoodReplicasStatus). */
    public String noReplicasError() {
        long min = server.config().minReplicasToWrite.longValue();
        long maxLag = server.config().minReplicasMaxLag.longValue();
        if (min == 0 || maxLag == 0) {
            return null;
        }
        return goodReplicas(maxLag) >= min ? null : NOREPLICAS;
    }

    private int goodReplicas(long maxLagSeconds) {
        long now = server.clock().millis() / 1000;
        int n = 0;
        for (Replica r : replicas.values()) {
            if (r.state == State.ONLINE && now - r.ackMillis / 1000 <= maxLagSeconds) {
                n++;
            }
        }
        return n;
    }

    // ---- introspection --------------------------------------------------------------

    /** Whether this server is a replica (REPLICAOF host port). */
    public boolean isReplica() {
        return link != null;
    }

    /** ROLE of a replica: master host, port, link state, processed offset; null on a master. */
    public Object[] replicaRole() {
        return link == null ? null
                : new Object[] {link.host(), (long) link.port(), link.roleState(), link.roleOffset()};
    }

    /**
     * REPLICAOF host port (Redis's replicationSetMaster): the replicas are disconnected (they
     * sync again from us), and the link asks the master to continue from the history we
     * have, our own as a master or the previous master's.
     *
     * @return false when already connected to that master (nothing done)
     */
    public boolean replicaOf(String host, int port) {
        if (link != null && link.host().equalsIgnoreCase(host) && link.port() == port) {
            LOG.info("REPLICAOF would result into synchronization with the master we are already connected with. "
                    + "No operation performed.");
            return false;
        }
        ReplicaLink next = new ReplicaLink(server, host, port);
        if (link != null) {
            next.resumeFrom(link.masterReplId(), link.offset());
            link.stop();
        } else if (backlog != null) {
            next.resumeFrom(replId, offset);
        }
        for (Replica r : List.copyOf(replicas.values())) {
            r.client.close();
        }
        link = next;
        next.start();
        return true;
    }

    /**
     * REPLICAOF NO ONE (Redis's replicationUnsetMaster): a master again, with a new
     * replication id; the master's is kept as replid2, valid up to the offset processed,
     * so that replicas of the old master can continue from us (PSYNC2).
     */
    public void promote() {
        if (link == null) {
            return;
        }
        ReplicaLink l = link;
        link = null;
        l.stop();
        if (l.masterReplId() != null) {
            replId2 = l.masterReplId();
            secondReplOffset = l.offset() + 1;
            offset = l.offset();
            replId = randomHex40();
            LOG.info("Setting secondary replication ID to {}, valid up to offset: {}. New replication ID is {}",
                    replId2, secondReplOffset, replId);
            backlog = null;
            createBacklog();
        }
        for (Replica r : List.copyOf(replicas.values())) {
            r.client.close();
        }
    }

    /** ROLE's list of replicas: ip, port, offset of those online. */
    public List<String[]> roleReplicas() {
        List<String[]> out = new ArrayList<>();
        for (Replica r : replicas.values()) {
            if (r.state == State.ONLINE) {
                out.add(new String[] {r.ip(), String.valueOf(r.listeningPort), String.valueOf(r.ackOffset)});
            }
        }
        return out;
    }

    /** INFO replication, master side, in Redis 7.0.15's order. */
    public void info(StringBuilder sb) {
        sb.append("# Replication\r\n");
        line(sb, "role", link == null ? "master" : "slave");
        if (link != null) {
            link.info(sb);
        }
        line(sb, "connected_slaves", replicas.size());
        long min = server.config().minReplicasToWrite.longValue();
        long maxLag = server.config().minReplicasMaxLag.longValue();
        if (min > 0 && maxLag > 0) {
            line(sb, "min_slaves_good_slaves", goodReplicas(maxLag));
        }
        int i = 0;
        long now = server.clock().millis() / 1000;
        for (Replica r : replicas.values()) {
            sb.append("slave").append(i++).append(":ip=").append(r.ip()).append(",port=").append(r.listeningPort)
                    .append(",state=").append(r.state.info).append(",offset=").append(r.ackOffset)
                    .append(",lag=").append(now - r.ackMillis / 1000).append("\r\n");
        }
        line(sb, "master_failover_state", "no-failover");
        line(sb, "master_replid", link != null && link.masterReplId() != null ? link.masterReplId() : replId);
        line(sb, "master_replid2", replId2);
        line(sb, "master_repl_offset", link != null ? Math.max(0, link.offset()) : offset);
        line(sb, "second_repl_offset", secondReplOffset);
        line(sb, "repl_backlog_active", backlog == null ? 0 : 1);
        line(sb, "repl_backlog_size", backlog == null ? server.config().replBacklogSize.longValue() : backlog.size());
        line(sb, "repl_backlog_first_byte_offset", backlog == null ? 0 : backlog.firstByteOffset());
        line(sb, "repl_backlog_histlen", backlog == null ? 0 : backlog.histlen());
    }

    private static void line(StringBuilder sb, String k, Object v) {
        sb.append(k).append(':').append(v).append("\r\n");
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 40 random hex digits: a replication id, an EOF mark. */
    public static String randomHex40() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        StringBuilder sb = new StringBuilder(40);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return sb.toString();
    }
}

package io.pyredis.server.internal.commands;

import io.pyredis.api.Command;
import io.pyredis.core.client.Subscriptions;
import io.pyredis.support.CommandMetadata;
import io.pyredis.server.internal.ServerContext;

import java.util.List;

/**
 * The server's own commands, registered before any pack (so a pack cannot take their
 * names). Adding one is a class and a line here.
 */
public final class BuiltinCommands {

    /** The metadata of the server's own commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(BuiltinCommands.class.getResourceAsStream("commands.json"));

    private BuiltinCommands() {
    }

    /** A fresh instance of every built-in command. */
    public static List<Command> all(ServerContext server) {
        return List.of(
                new PingCommand(server),
                new EchoCommand(server),
                new SelectCommand(server),
                new QuitCommand(server),
                new AuthCommand(server),
                new AclCommand(server),
                new HelloCommand(server),
                new ResetCommand(server),
                new ClientCommand(server),
                new CommandCommand(server),
                new ConfigCommand(server),
                new MemoryCommand(server),
                new InfoCommand(server),
                new DbsizeCommand(server),
                FlushdbCommand.flushdb(server),
                FlushdbCommand.flushall(server),
                new TimeCommand(server),
                new LolwutCommand(server),
                new ShutdownCommand(server),
                new SaveCommand(server),
                new BgsaveCommand(server),
                new BgrewriteaofCommand(server),
                new LastsaveCommand(server),
                new DumpCommand(server),
                new DebugCommand(server),
                new PluginCommand(server),
                new ModuleCommand(server),
                new RestoreCommand(server),
                new MultiCommand(server),
                new ExecCommand(server),
                new DiscardCommand(server),
                new WatchCommand(server),
                new UnwatchCommand(server),
                new SubscribeCommand(server, Subscriptions.Kind.CHANNEL),
                new SubscribeCommand(server, Subscriptions.Kind.PATTERN),
                new SubscribeCommand(server, Subscriptions.Kind.SHARD),
                new UnsubscribeCommand(server, Subscriptions.Kind.CHANNEL),
                new UnsubscribeCommand(server, Subscriptions.Kind.PATTERN),
                new UnsubscribeCommand(server, Subscriptions.Kind.SHARD),
                PublishCommand.publish(server),
                PublishCommand.spublish(server),
                new PubsubCommand(server),
                new SlowlogCommand(server),
                new LatencyCommand(server),
                new MonitorCommand(server),
                new ReplconfCommand(server),
                SyncCommand.sync(server),
                SyncCommand.psync(server),
                new WaitCommand(server),
                new RoleCommand(server),
                ReplicaofCommand.replicaof(server),
                ReplicaofCommand.slaveof(server));
    }
}

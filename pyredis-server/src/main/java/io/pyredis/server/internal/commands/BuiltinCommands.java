package io.pyredis.server.internal.commands;

import io.pyredis.api.Command;

import java.util.List;

/**
 * The server's own commands, registered before any pack (so a pack cannot take their
 * names). Adding one is a class and a line here.
 */
public final class BuiltinCommands {

    private BuiltinCommands() {
    }

    /** A fresh instance of every built-in command. */
    public static List<Command> all() {
        return List.of(
                new PingCommand(),
                new EchoCommand(),
                new SelectCommand(),
                new QuitCommand(),
                new AuthCommand(),
                new HelloCommand(),
                new ResetCommand(),
                new ClientCommand(),
                new CommandCommand(),
                new ConfigCommand(),
                new InfoCommand(),
                new DbsizeCommand(),
                FlushdbCommand.flushdb(),
                FlushdbCommand.flushall(),
                new TimeCommand(),
                new ShutdownCommand(),
                new SaveCommand(),
                new BgsaveCommand(),
                new BgrewriteaofCommand(),
                new LastsaveCommand(),
                new DumpCommand(),
                new RestoreCommand(),
                new MultiCommand(),
                new ExecCommand(),
                new DiscardCommand(),
                new WatchCommand(),
                new UnwatchCommand(),
                SubscribeCommand.subscribe(),
                SubscribeCommand.psubscribe(),
                SubscribeCommand.ssubscribe(),
                UnsubscribeCommand.unsubscribe(),
                UnsubscribeCommand.punsubscribe(),
                UnsubscribeCommand.sunsubscribe(),
                PublishCommand.publish(),
                PublishCommand.spublish(),
                new PubsubCommand());
    }
}

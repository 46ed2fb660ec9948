package io.pyredis.commands.streams;

import io.pyredis.support.ContainerCommand;

import java.util.List;

/**
 * {@code XINFO <CONSUMERS | GROUPS | STREAM | HELP> ...}
 *
 * <p>A container: the dispatcher runs its subcommands.
 */
public final class XInfoCommand extends ContainerCommand {

    public XInfoCommand() {
        super(StreamsPack.METADATA.spec("xinfo"), List.of(new XInfoConsumersCommand(), new XInfoGroupsCommand(),
                new XInfoStreamCommand(), new XInfoHelpCommand()));
    }
}

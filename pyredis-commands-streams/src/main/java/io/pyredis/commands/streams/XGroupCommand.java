package io.pyredis.commands.streams;

import io.pyredis.support.ContainerCommand;

import java.util.List;

/**
 * {@code XGROUP <CREATE | CREATECONSUMER | DELCONSUMER | DESTROY | SETID | HELP> ...}
 *
 * <p>A container: the dispatcher runs its subcommands.
 */
public final class XGroupCommand extends ContainerCommand {

    public XGroupCommand() {
        super(StreamsPack.METADATA.spec("xgroup"), List.of(new XGroupCreateCommand(), new XGroupCreateConsumerCommand(),
                new XGroupDelConsumerCommand(), new XGroupDestroyCommand(), new XGroupSetIdCommand(),
                new XGroupHelpCommand()));
    }
}

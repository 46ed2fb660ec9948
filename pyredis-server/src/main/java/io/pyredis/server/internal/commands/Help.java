package io.pyredis.server.internal.commands;

import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.protocol.RespWriter;

import java.util.Locale;

/** The reply of the HELP subcommands, as Redis's addReplyHelp writes it: one status line each. */
final class Help {

    private Help() {
    }

    /** A container's {@code HELP} subcommand ({@code CONFIG HELP}, ...): its lines as {@link #write} writes them. */
    static final class Subcommand extends BuiltinCommand {
        private final String container;
        private final String[] lines;

        /** @param container the container's name, lower case ({@code "config"}) */
        Subcommand(ServerContext server, String container, String... lines) {
            super(server, container + "|help");
            this.container = container;
            this.lines = lines;
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            write(c.reply(), container, lines);
        }
    }

    /**
     * Redis's addReplySubcommandSyntaxError: {@code ERR unknown subcommand or wrong number of
     * arguments for 'get'. Try SLOWLOG HELP.}
     */
    static io.pyredis.api.RedisError subcommandSyntaxError(byte[][] args) {
        return new io.pyredis.api.RedisError("ERR unknown subcommand or wrong number of arguments for '"
                + ClientCommand.cString(args[1]) + "'. Try "
                + new String(args[0], java.nio.charset.StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT) + " HELP.");
    }

    /**
     * Writes the header line, {@code lines}, and the closing {@code HELP} entry.
     *
     * @param container the command name ({@code "client"}; printed in upper case, as Redis)
     */
    static void write(RespWriter w, String container, String... lines) {
        w.array(lines.length + 3);
        w.simple(container.toUpperCase(Locale.ROOT) + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (String l : lines) {
            w.simple(l);
        }
        w.simple("HELP");
        w.simple("    Prints this help.");
    }
}

package io.pyredis.server.internal.plugin;

import io.pyredis.api.Command;

import java.util.List;

/**
 * A pack the server took: its name, its commands, and where it came from
 * ({@code "built-in"}, {@code "class path"}, or the plugin jar's or folder's file name).
 */
public record LoadedPack(String name, List<Command> commands, String origin) {

    public LoadedPack {
        commands = List.copyOf(commands);
    }
}

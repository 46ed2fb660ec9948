package io.pyredis.server.internal.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code dir}: the working directory of RDB and AOF files. Redis chdir()s into it and
 * CONFIG GET shows getcwd(); a JVM cannot change its working directory, so the value is
 * kept as the absolute path of the directory (a relative one is taken from the previous
 * {@code dir}, as chdir would), refused with chdir's strerror text when it is not one.
 */
public final class DirParam extends ConfigParam<String> {

    public DirParam(String name, Set<Flag> flags) {
        super(name, null, flags, Path.of("").toAbsolutePath().toString());
    }

    @Override
    protected String parse(String text) throws BadValueException {
        if (text.isEmpty() || text.indexOf('\0') >= 0) {
            throw bad("No such file or directory");
        }
        Path p = Path.of(value()).resolve(text).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw bad("No such file or directory");
        }
        if (!Files.isDirectory(p)) {
            throw bad("Not a directory");
        }
        if (!Files.isExecutable(p)) {
            throw bad("Permission denied");
        }
        return p.toString();
    }

    @Override
    protected String format(String v) {
        return v;
    }
}

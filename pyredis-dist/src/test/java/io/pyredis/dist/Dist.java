package io.pyredis.dist;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the packaged distribution is, as the build tells the tests. */
final class Dist {

    private Dist() {
    }

    /** {@code pyredis-dist/target/modules}: the server's module path. */
    static Path modules() {
        return existing("pyredis.modules", "target/modules");
    }

    /** {@code pyredis-dist/target/example-plugins}: the example plugin jar, off the module path. */
    static Path examplePlugins() {
        return existing("pyredis.examplePlugins", "target/example-plugins");
    }

    /** The repository root. */
    static Path root() {
        return existing("pyredis.root", "..");
    }

    /** The one example plugin jar. */
    static Path examplePluginJar() throws IOException {
        try (var files = Files.list(examplePlugins())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in " + examplePlugins()));
        }
    }

    /** The pyredis-api jar that the server runs with, to compile test plugins against. */
    static Path apiJar() throws IOException {
        try (var files = Files.list(modules())) {
            return files.filter(p -> p.getFileName().toString().startsWith("pyredis-api-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no pyredis-api jar in " + modules()));
        }
    }

    /** A port nobody listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static Path existing(String property, String fallback) {
        Path p = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException(p + " does not exist: run the tests through `mvn verify`,"
                    + " which packages the modules first");
        }
        return p;
    }
}

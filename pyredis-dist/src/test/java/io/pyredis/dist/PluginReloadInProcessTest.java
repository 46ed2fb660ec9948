package io.pyredis.dist;

import io.pyredis.server.PyRedisServer;

import java.nio.file.Path;

/** In this JVM, on the class path: each plugin gets a URLClassLoader. */
class PluginReloadInProcessTest extends PluginReloadContract {
    private PyRedisServer server;

    @Override
    int start(Path work, Path plugins) {
        server = PyRedisServer.builder().set("port", "0").set("save", "")
                .set("plugins-dir", plugins.toString()).set("enable-module-command", "yes").build().start();
        return server.port();
    }

    @Override
    void stop() {
        if (server != null) {
            server.close();
        }
    }
}

package io.pyredis.dist;

import java.nio.file.Path;

/** As bin/pyredis-server runs it, on the module path: each plugin gets a module layer. */
class PluginReloadModulePathTest extends PluginReloadContract {
    private ServerProcess server;

    @Override
    int start(Path work, Path plugins) throws Exception {
        server = ServerProcess.startModule(work, "--plugins-dir", plugins.toString(), "--enable-module-command", "yes");
        return server.port();
    }

    @Override
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}

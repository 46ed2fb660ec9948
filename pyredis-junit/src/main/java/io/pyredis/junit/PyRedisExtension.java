package io.pyredis.junit;

import io.pyredis.api.CommandPack;
import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What {@link PyRedisTest} runs: starts the server (before all tests of the class, or before
 * each), stops it through JUnit's store (closed with the scope it was started in), flushes
 * between tests and resolves the parameters the annotation documents.
 */
final class PyRedisExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PyRedisExtension.class);
    private static final String SERVER = "server";
    private static final String JEDIS = "redis.clients.jedis.Jedis";

    @Override
    public void beforeAll(ExtensionContext context) {
        PyRedisTest cfg = config(context);
        if (cfg.lifecycle() == PyRedisTest.Lifecycle.PER_CLASS && ownServer(context) == null
                && !startedByEnclosing(context)) {
            start(context, cfg);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (config(context).lifecycle() == PyRedisTest.Lifecycle.PER_METHOD) {
            start(context, config(context));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        PyRedisTest cfg = config(context);
        if (cfg.lifecycle() == PyRedisTest.Lifecycle.PER_CLASS) {
            Running r = find(context);
            if (r != null && !r.server.isClosed()) {
                r.handle.faults().reset();
                if (cfg.flushAfterEach()) {
                    r.handle.flushAll();
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> type = p.getParameter().getType();
        if (p.isAnnotated(PyRedisPort.class)) {
            return type == int.class || type == Integer.class;
        }
        return type == PyRedisServerHandle.class || type == VirtualClock.class || type.getName().equals(JEDIS);
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Running r = find(e);
        if (r == null) {
            throw new ParameterResolutionException("No pyredis server in this scope: with Lifecycle.PER_METHOD "
                    + "the server exists only for test methods and @BeforeEach/@AfterEach");
        }
        Class<?> type = p.getParameter().getType();
        if (p.isAnnotated(PyRedisPort.class)) {
            return r.server.port();
        }
        if (type == PyRedisServerHandle.class) {
            return r.handle;
        }
        if (type == VirtualClock.class) {
            return r.handle.clock();
        }
        return jedis(type, r, e);
    }

    /**
     * A Jedis connected to the server, made through the parameter's own class (Jedis is not
     * a dependency of this module) and closed when the scope asking for it ends.
     */
    private static Object jedis(Class<?> type, Running r, ExtensionContext e) {
        try {
            Constructor<?> c = type.getConstructor(String.class, int.class);
            Object jedis = c.newInstance(r.handle.host(), r.server.port());
            AutoCloseable closeable = (AutoCloseable) jedis;
            e.getStore(NS).put(new Object(), (ExtensionContext.Store.CloseableResource) closeable::close);
            return jedis;
        } catch (ReflectiveOperationException ex) {
            throw new ParameterResolutionException("Cannot create a Jedis for the pyredis server", ex);
        }
    }

    private static PyRedisTest config(ExtensionContext context) {
        Optional<Class<?>> c = context.getTestClass();
        while (c.isPresent()) {
            PyRedisTest a = findAnnotation(c.get());
            if (a != null) {
                return a;
            }
            c = Optional.ofNullable(c.get().getEnclosingClass());
        }
        throw new ExtensionConfigurationException("@PyRedisTest not found on " + context.getTestClass());
    }

    private static PyRedisTest findAnnotation(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            PyRedisTest a = k.getAnnotation(PyRedisTest.class);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    /** A nested class shares the server of its enclosing @PyRedisTest class. */
    private static boolean startedByEnclosing(ExtensionContext context) {
        return context.getParent().map(PyRedisExtension::find).isPresent();
    }

    private static Running ownServer(ExtensionContext context) {
        return context.getStore(NS).get(SERVER, Running.class);
    }

    /** The server of the nearest scope that has one. */
    private static Running find(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Running r = ownServer(c);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static void start(ExtensionContext context, PyRedisTest cfg) {
        String[] pairs = cfg.config();
        if (pairs.length % 2 != 0) {
            throw new ExtensionConfigurationException("@PyRedisTest(config = ...) takes name, value pairs; "
                    + pairs.length + " strings given");
        }
        PyRedisServer.Builder b = PyRedisServer.builder();
        boolean dirGiven = false;
        for (int i = 0; i < pairs.length; i += 2) {
            String name = pairs[i];
            if (name.equalsIgnoreCase("port") || name.equalsIgnoreCase("bind")) {
                throw new ExtensionConfigurationException("@PyRedisTest chooses '" + name + "' itself");
            }
            dirGiven |= name.equalsIgnoreCase("dir");
            b.set(name, pairs[i + 1]);
        }
        Path dir = null;
        if (!dirGiven) {
            try {
                // So that SAVE, BGSAVE and the AOF never write into the project's folder.
                dir = Files.createTempDirectory("pyredis-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            b.set("dir", dir.toString());
        }
        b.set("port", "0").set("bind", "127.0.0.1");
        for (Class<? extends CommandPack> p : cfg.packs()) {
            b.addPack(instantiate(p));
        }
        VirtualClock clock = cfg.virtualClock() ? new VirtualClock(System.currentTimeMillis()) : null;
        if (clock != null) {
            b.clock(clock.clock());
        }
        PyRedisServer server = b.build().start();
        if (clock != null) {
            clock.attach(server);
        }
        context.getStore(NS).put(SERVER, new Running(server, new PyRedisServerHandle(server, clock), dir));
    }

    private static CommandPack instantiate(Class<? extends CommandPack> p) {
        try {
            return p.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("Cannot create pack " + p.getName()
                    + ": it needs a public no-argument constructor", e);
        }
    }

    /** A started server, stopped (and its temporary directory removed) when its scope closes. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final PyRedisServer server;
        final PyRedisServerHandle handle;
        final Path dir;

        Running(PyRedisServer server, PyRedisServerHandle handle, Path dir) {
            this.server = server;
            this.handle = handle;
            this.dir = dir;
        }

        @Override
        public void close() throws IOException {
            server.close();
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

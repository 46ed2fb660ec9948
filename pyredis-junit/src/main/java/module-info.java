/**
 * A JUnit 5 extension that gives a test class a real, in-process pyredis server:
 * {@link io.pyredis.junit.PyRedisTest}. Exports its one package; the extension class in
 * it is package-private, opened to JUnit, which instantiates it.
 *
 * @since 0.1
 */
module io.pyredis.junit {
    requires transitive io.pyredis.server;
    requires transitive org.junit.jupiter.api;
    exports io.pyredis.junit;
    opens io.pyredis.junit to org.junit.platform.commons;
}

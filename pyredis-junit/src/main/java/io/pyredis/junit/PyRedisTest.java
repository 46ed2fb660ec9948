package io.pyredis.junit;

import io.pyredis.api.CommandPack;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against a real pyredis server started in-process on a free port of
 * 127.0.0.1.
 *
 * <pre>{@code
 * @PyRedisTest(config = {"maxmemory", "10mb"})
 * class CacheTest {
 *     @Test
 *     void expires(Jedis jedis, PyRedisServerHandle redis) {
 *         jedis.setex("k", 10, "v");
 *         redis.clock().advance(Duration.ofSeconds(10));
 *         assertNull(jedis.get("k"));
 *     }
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> With {@link Lifecycle#PER_CLASS} (the default) one server serves
 * every test of the class (nested classes included): started before the first test (before
 * {@code @BeforeAll}), stopped after the last, and emptied with FLUSHALL after each test
 * unless {@link #flushAfterEach()} is false; armed faults are disarmed after each test.
 * With {@link Lifecycle#PER_METHOD} each test gets a fresh server, stopped after it.
 *
 * <p><b>What a test can ask for</b> (as parameters of tests, lifecycle methods or the
 * constructor): {@code @PyRedisPort int port}, a {@link PyRedisServerHandle}, and, when
 * Jedis is on the test class path, a {@code redis.clients.jedis.Jedis} connected to the
 * server (one per test, closed after it).
 *
 * <p><b>Packs.</b> Every pack found by ServiceLoader on the class or module path is loaded
 * (pyredis-junit brings the standard ones, so the server has all of Redis's commands),
 * plus those listed in {@link #packs()}.
 *
 * <p><b>Time.</b> With {@link #virtualClock()} (the default) the server's clock stands
 * still unless the test moves it with {@link PyRedisServerHandle#clock()}: TTLs and
 * blocking timeouts follow it, so nothing in a test needs to sleep.
 *
 * @since 0.1
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PyRedisExtension.class)
public @interface PyRedisTest {

    /**
     * Config parameters as name, value pairs, by their redis.conf names:
     * {@code {"maxmemory", "10mb", "maxmemory-policy", "allkeys-lru"}}. Validated as a
     * config file is; {@code port} and {@code bind} are chosen by the extension, and
     * {@code dir} is a fresh temporary directory unless given here.
     */
    String[] config() default {};

    /**
     * Packs to add to those found by ServiceLoader (a pack of the test's own that is not
     * registered in {@code META-INF/services}); each needs a public no-argument constructor.
     */
    Class<? extends CommandPack>[] packs() default {};

    /** One server for the class, or one per test. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** With {@link Lifecycle#PER_CLASS}: FLUSHALL after each test, so each starts empty. */
    boolean flushAfterEach() default true;

    /**
     * Whether the server runs on a {@link VirtualClock} that moves only when the test says
     * (false: the system clock, and TTLs pass in real time).
     */
    boolean virtualClock() default true;

    /** How long a server lives. */
    enum Lifecycle {
        /** One server for all tests of the class. */
        PER_CLASS,
        /** A new server for each test. */
        PER_METHOD
    }
}

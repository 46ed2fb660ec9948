package io.pyredis.commands.geo;

import io.lettuce.core.GeoArgs;
import io.lettuce.core.GeoCoordinates;
import io.lettuce.core.GeoWithin;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.GeoCoordinate;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.GeoAddParams;
import redis.clients.jedis.params.GeoRadiusParam;
import redis.clients.jedis.params.GeoRadiusStoreParam;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.resps.GeoRadiusResponse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The geo commands through Jedis (RESP2) and Lettuce (RESP3) against a real server, with the
 * numbers Redis 7.0.15 gives for its documentation's Sicily example.
 */
class GeoClientsTest {

    private static PyRedisServer server;
    private static RedisClient lettuce;
    private Jedis jedis;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
        lettuce = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
    }

    @AfterAll
    static void stop() {
        lettuce.shutdown();
        server.close();
    }

    @BeforeEach
    void sicily() {
        jedis = new Jedis("127.0.0.1", server.port());
        jedis.flushAll();
        assertEquals(2, jedis.geoadd("Sicily", Map.of(
                "Palermo", new GeoCoordinate(13.361389, 38.115556),
                "Catania", new GeoCoordinate(15.087269, 37.502669))));
    }

    @Test
    void addPositionsHashesAndDistances() {
        assertEquals(0, jedis.geoadd("Sicily", 13.361389, 38.115556, "Palermo"));
        assertEquals(1, jedis.geoadd("Sicily", GeoAddParams.geoAddParams().xx().ch(),
                Map.of("Palermo", new GeoCoordinate(13.5, 38.2), "Agrigento", new GeoCoordinate(13.58, 37.31))));
        assertEquals(1, jedis.geoadd("Sicily", GeoAddParams.geoAddParams().nx(),
                Map.of("Palermo", new GeoCoordinate(1, 1), "Agrigento", new GeoCoordinate(13.583333, 37.316667))));
        jedis.geoadd("Sicily", 13.361389, 38.115556, "Palermo");

        assertEquals(166274.1516, jedis.geodist("Sicily", "Palermo", "Catania"));
        assertEquals(166.2742, jedis.geodist("Sicily", "Palermo", "Catania", GeoUnit.KM));
        assertEquals(103.3182, jedis.geodist("Sicily", "Palermo", "Catania", GeoUnit.MI));
        assertNull(jedis.geodist("Sicily", "Palermo", "Syracuse"));
        assertEquals(Arrays.asList("sqc8b49rny0", "sqdtr74hyu0", null),
                jedis.geohash("Sicily", "Palermo", "Catania", "Syracuse"));
        List<GeoCoordinate> pos = jedis.geopos("Sicily", "Palermo", "Syracuse");
        assertEquals(13.36138933897018433, pos.get(0).getLongitude());
        assertEquals(38.11555639549629859, pos.get(0).getLatitude());
        assertNull(pos.get(1));
    }

    @Test
    void radiusAndSearch() {
        List<GeoRadiusResponse> near = jedis.georadius("Sicily", 15, 37, 200, GeoUnit.KM,
                GeoRadiusParam.geoRadiusParam().withDist().withCoord().withHash().sortAscending());
        assertEquals(List.of("Catania", "Palermo"), near.stream().map(GeoRadiusResponse::getMemberByString).toList());
        assertEquals(56.4413, near.get(0).getDistance());
        assertEquals(190.4424, near.get(1).getDistance());
        assertEquals(3479447370796909L, near.get(0).getRawScore());
        assertEquals(15.08726745843887329, near.get(0).getCoordinate().getLongitude());

        assertEquals(List.of("Palermo"), jedis.georadiusByMember("Sicily", "Catania", 200, GeoUnit.KM,
                GeoRadiusParam.geoRadiusParam().sortDescending().count(1)).stream()
                .map(GeoRadiusResponse::getMemberByString).toList());
        assertEquals(List.of("Catania", "Palermo"), jedis.geosearch("Sicily",
                GeoSearchParam.geoSearchParam().fromLonLat(15, 37).byBox(400, 400, GeoUnit.KM).asc())
                .stream().map(GeoRadiusResponse::getMemberByString).toList());
        assertEquals(List.of(), jedis.geosearch("Sicily", new GeoCoordinate(0, 0), 10, GeoUnit.KM));
    }

    @Test
    void storeForms() {
        assertEquals(2, jedis.georadiusStore("Sicily", 15, 37, 200, GeoUnit.KM,
                GeoRadiusParam.geoRadiusParam(), GeoRadiusStoreParam.geoRadiusStoreParam().store("dst")));
        assertEquals(List.of("Palermo", "Catania"), jedis.zrange("dst", 0, -1));
        assertEquals(1, jedis.geosearchStoreStoreDist("dist", "Sicily",
                GeoSearchParam.geoSearchParam().fromMember("Palermo").byRadius(100, GeoUnit.KM)));
        assertEquals(0.0, jedis.zscore("dist", "Palermo"));
        assertEquals(0, jedis.geosearchStore("dst", "Sicily",
                GeoSearchParam.geoSearchParam().fromLonLat(0, 0).byRadius(1, GeoUnit.KM)));
        assertEquals(false, jedis.exists("dst"));
    }

    @Test
    void errorsAsRedis() {
        assertEquals("ERR invalid longitude,latitude pair 200.000000,10.000000",
                assertThrows(JedisDataException.class, () -> jedis.geoadd("Sicily", 200, 10, "x")).getMessage());
        assertEquals("ERR could not decode requested zset member", assertThrows(JedisDataException.class,
                () -> jedis.georadiusByMember("Sicily", "Syracuse", 1, GeoUnit.KM)).getMessage());
        jedis.set("s", "x");
        assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value",
                assertThrows(JedisDataException.class, () -> jedis.geopos("s", "a")).getMessage());
    }

    @Test
    void resp3DoublesThroughLettuce() {
        try (StatefulRedisConnection<String, String> c = lettuce.connect()) {
            List<GeoCoordinates> pos = c.sync().geopos("Sicily", "Catania");
            assertEquals(15.08726745843887329, pos.get(0).getX().doubleValue());
            assertEquals(37.50266842333162032, pos.get(0).getY().doubleValue());
            List<GeoWithin<String>> near = c.sync().georadius("Sicily", 15, 37, 100, GeoArgs.Unit.km,
                    GeoArgs.Builder.distance().withCoordinates());
            assertEquals("Catania", near.get(0).getMember());
            assertEquals(56.4413, near.get(0).getDistance());
        }
    }
}

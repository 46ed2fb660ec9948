package io.pyredis.commands.geo;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;

/**
 * GEORADIUS, GEORADIUSBYMEMBER, their _RO forms, GEOSEARCH and GEOSEARCHSTORE: Redis's
 * georadiusGeneric, with its order of checks (the source's type first, then the centre and
 * radius, then the options as they come) and its replies.
 */
final class GeoSearchCore {

    /** Search around coordinates (GEORADIUS). */
    static final int RADIUS_COORDS = 1;
    /** Search around a member (GEORADIUSBYMEMBER). */
    static final int RADIUS_MEMBER = 2;
    /** No STORE / STOREDIST (the _RO forms). */
    static final int RADIUS_NOSTORE = 4;
    /** GEOSEARCH's arguments. */
    static final int GEOSEARCH = 8;
    /** GEOSEARCHSTORE: GEOSEARCH's arguments and STOREDIST. */
    static final int GEOSEARCHSTORE = 16;

    private GeoSearchCore() {
    }

    static void execute(CommandContext ctx, byte[][] args, int srcKeyIndex, int flags) {
        Database db = ctx.db();
        RedisSortedSet z = db.read(args[srcKeyIndex], RedisSortedSet.class);
        byte[] storeKey = null;
        boolean storeDist = false;

        GeoShape shape = new GeoShape();
        double[] xy = new double[4];
        int baseArgs;
        if ((flags & RADIUS_COORDS) != 0) {
            baseArgs = 6;
            shape.circular = true;
            GeoFormat.longLat(args, 2, xy);
            shape.longitude = xy[0];
            shape.latitude = xy[1];
            radius(shape, args, baseArgs - 2);
        } else if ((flags & RADIUS_MEMBER) != 0 && z == null) {
            // no source: the options are still parsed, for the reply STORE asks for
            baseArgs = 5;
        } else if ((flags & RADIUS_MEMBER) != 0) {
            baseArgs = 5;
            shape.circular = true;
            if (!GeoFormat.longLatOf(z, args[2], xy)) {
                throw Errors.NO_MEMBER;
            }
            shape.longitude = xy[0];
            shape.latitude = xy[1];
            radius(shape, args, baseArgs - 2);
        } else {
            baseArgs = 2;
            if ((flags & GEOSEARCHSTORE) != 0) {
                baseArgs = 3;
                storeKey = args[1];
            }
        }

        boolean withDist = false;
        boolean withHash = false;
        boolean withCoords = false;
        boolean fromMember = false;
        boolean fromLoc = false;
        boolean byRadius = false;
        boolean byBox = false;
        int sort = 0;
        boolean any = false;
        long count = 0;
        boolean search = (flags & GEOSEARCH) != 0;
        boolean canStore = (flags & RADIUS_NOSTORE) == 0 && !search;
        int remaining = args.length - baseArgs;
        for (int i = 0; i < remaining; i++) {
            byte[] arg = args[baseArgs + i];
            if (Keywords.is(arg, "withdist")) {
                withDist = true;
            } else if (Keywords.is(arg, "withhash")) {
                withHash = true;
            } else if (Keywords.is(arg, "withcoord")) {
                withCoords = true;
            } else if (Keywords.is(arg, "any")) {
                any = true;
            } else if (Keywords.is(arg, "asc")) {
                sort = 1;
            } else if (Keywords.is(arg, "desc")) {
                sort = -1;
            } else if (Keywords.is(arg, "count") && i + 1 < remaining) {
                count = Numbers.parseLong(args[baseArgs + i + 1]);
                if (count <= 0) {
                    throw Errors.COUNT;
                }
                i++;
            } else if (Keywords.is(arg, "store") && i + 1 < remaining && canStore) {
                storeKey = args[baseArgs + i + 1];
                storeDist = false;
                i++;
            } else if (Keywords.is(arg, "storedist") && i + 1 < remaining && canStore) {
                storeKey = args[baseArgs + i + 1];
                storeDist = true;
                i++;
            } else if (Keywords.is(arg, "storedist") && search && (flags & GEOSEARCHSTORE) != 0) {
                storeDist = true;
            } else if (Keywords.is(arg, "frommember") && i + 1 < remaining && search && !fromLoc) {
                // without a source the error comes once the arguments are parsed
                if (z != null) {
                    if (!GeoFormat.longLatOf(z, args[baseArgs + i + 1], xy)) {
                        throw Errors.NO_MEMBER;
                    }
                    shape.longitude = xy[0];
                    shape.latitude = xy[1];
                }
                fromMember = true;
                i++;
            } else if (Keywords.is(arg, "fromlonlat") && i + 2 < remaining && search && !fromMember) {
                GeoFormat.longLat(args, baseArgs + i + 1, xy);
                shape.longitude = xy[0];
                shape.latitude = xy[1];
                fromLoc = true;
                i += 2;
            } else if (Keywords.is(arg, "byradius") && i + 2 < remaining && search && !byBox) {
                radius(shape, args, baseArgs + i + 1);
                shape.circular = true;
                byRadius = true;
                i += 2;
            } else if (Keywords.is(arg, "bybox") && i + 3 < remaining && search && !byRadius) {
                box(shape, args, baseArgs + i + 1);
                shape.circular = false;
                byBox = true;
                i += 3;
            } else {
                throw RedisError.SYNTAX;
            }
        }

        if (storeKey != null && (withDist || withHash || withCoords)) {
            throw Errors.storeIncompatible((flags & GEOSEARCHSTORE) != 0);
        }
        if (search && !(fromMember || fromLoc)) {
            throw Errors.needsFrom(new String(args[0], StandardCharsets.UTF_8));
        }
        if (search && !(byRadius || byBox)) {
            throw Errors.needsBy(new String(args[0], StandardCharsets.UTF_8));
        }
        if (any && count == 0) {
            throw Errors.ANY_NEEDS_COUNT;
        }

        Reply r = ctx.reply();
        if (z == null) {
            if (storeKey != null) {
                if (db.delete(storeKey)) {
                    ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, "del", storeKey);
                }
                r.integer(0);
            } else {
                r.array(0);
            }
            return;
        }

        // COUNT needs the nearest ones, so it sorts, unless ANY is given.
        if (count != 0 && sort == 0 && !any) {
            sort = 1;
        }
        GeoPoints found = new GeoPoints();
        shape.search(z, found, any ? count : 0);
        if (found.size() == 0 && storeKey == null) {
            r.array(0);
            return;
        }
        int returned = count == 0 || found.size() < count ? found.size() : (int) count;
        found.sort(sort, returned);

        if (storeKey == null) {
            int options = (withDist ? 1 : 0) + (withCoords ? 1 : 0) + (withHash ? 1 : 0);
            r.array(returned);
            for (int i = 0; i < returned; i++) {
                if (options > 0) {
                    r.array(options + 1);
                }
                r.bulk(found.member(i));
                if (withDist) {
                    r.bulk(GeoFormat.distance(found.distance(i) / shape.conversion));
                }
                if (withHash) {
                    r.integer(GeoHash.cvttsd2si(found.score(i)));
                }
                if (withCoords) {
                    r.array(2);
                    r.doubleValue(GeoFormat.human(found.longitude(i)));
                    r.doubleValue(GeoFormat.human(found.latitude(i)));
                }
            }
            return;
        }
        if (returned > 0) {
            RedisSortedSet out = db.createSortedSet();
            for (int i = 0; i < returned; i++) {
                out.put(found.member(i), storeDist ? found.distance(i) / shape.conversion : found.score(i));
            }
            db.set(storeKey, out);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.ZSET, search ? "geosearchstore" : "georadiusstore", storeKey);
        } else if (db.delete(storeKey)) {
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, "del", storeKey);
        }
        r.integer(returned);
    }

    /** extractDistanceOrReply: {@code radius unit} at {@code at}. */
    private static void radius(GeoShape shape, byte[][] args, int at) {
        double distance = Numbers.parseDouble(args[at], Errors.NEED_NUMERIC_RADIUS);
        if (distance < 0) {
            throw Errors.RADIUS_NEGATIVE;
        }
        shape.radius = distance;
        shape.conversion = GeoFormat.unit(args[at + 1]);
    }

    /** extractBoxOrReply: {@code width height unit} at {@code at}. */
    private static void box(GeoShape shape, byte[][] args, int at) {
        double w = Numbers.parseDouble(args[at], Errors.NEED_NUMERIC_WIDTH);
        double h = Numbers.parseDouble(args[at + 1], Errors.NEED_NUMERIC_HEIGHT);
        if (h < 0 || w < 0) {
            throw Errors.BOX_NEGATIVE;
        }
        shape.height = h;
        shape.width = w;
        shape.conversion = GeoFormat.unit(args[at + 2]);
    }
}

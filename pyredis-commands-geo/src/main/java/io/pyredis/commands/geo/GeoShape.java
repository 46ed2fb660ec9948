package io.pyredis.commands.geo;

import io.pyredis.api.RedisSortedSet;

/**
 * A search area (Redis's GeoShape) and the search itself: the 9 geohash boxes covering it
 * (geohashCalculateAreasByShapeWGS84) and the members of those boxes inside it
 * (membersOfAllNeighbors, geoGetPointsInRange), found in the same order as Redis finds them.
 */
final class GeoShape {

    /** BYRADIUS (or GEORADIUS); else BYBOX. */
    boolean circular;
    /** The centre. */
    double longitude;
    double latitude;
    /** Meters per unit of {@link #radius}, {@link #width} and {@link #height}. */
    double conversion;
    double radius;
    double width;
    double height;

    /** The boxes searched: centre, N, S, E, W, NE, NW, SE, SW; a step of 0 is a box left out. */
    private final long[] boxes = new long[9];
    private final int[] steps = new int[9];

    /** Scratch: the decoded area of a box, or a member's coordinates. */
    private final double[] area = new double[4];
    /** What {@link #within} found. */
    private boolean inside;

    /** geohashCalculateAreasByShapeWGS84, filling {@link #boxes} and {@link #steps}. */
    private void computeAreas() {
        // geohashBoundingBox
        double h = conversion * (circular ? radius : height / 2);
        double w = conversion * (circular ? radius : width / 2);
        double latDelta = GeoHash.radDeg(h / GeoHash.EARTH_RADIUS_IN_METERS);
        double longDeltaTop = GeoHash.radDeg(w / GeoHash.EARTH_RADIUS_IN_METERS
                / Math.cos(GeoHash.degRad(latitude + latDelta)));
        double longDeltaBottom = GeoHash.radDeg(w / GeoHash.EARTH_RADIUS_IN_METERS
                / Math.cos(GeoHash.degRad(latitude - latDelta)));
        // the hemispheres bend the box's sides opposite ways
        boolean southern = latitude < 0;
        double minLon = southern ? longitude - longDeltaBottom : longitude - longDeltaTop;
        double maxLon = southern ? longitude + longDeltaBottom : longitude + longDeltaTop;
        double minLat = latitude - latDelta;
        double maxLat = latitude + latDelta;

        // a box: the distance from the centre to a corner
        double radiusMeters = circular ? radius
                : Math.sqrt((width / 2) * (width / 2) + (height / 2) * (height / 2));
        radiusMeters *= conversion;

        int step = GeoHash.estimateStepsByRadius(radiusMeters, latitude);
        long hash = GeoHash.encodeWgs84(longitude, latitude, step);
        neighbours(hash, step);

        // Near the edge of its box the estimated step may leave a side uncovered.
        boolean decrease = false;
        GeoHash.decode(boxes[1], step, area);
        if (area[3] < maxLat) {
            decrease = true;
        }
        GeoHash.decode(boxes[2], step, area);
        if (area[2] > minLat) {
            decrease = true;
        }
        GeoHash.decode(boxes[3], step, area);
        if (area[1] < maxLon) {
            decrease = true;
        }
        GeoHash.decode(boxes[4], step, area);
        if (area[0] > minLon) {
            decrease = true;
        }
        if (step > 1 && decrease) {
            step--;
            hash = GeoHash.encodeWgs84(longitude, latitude, step);
            neighbours(hash, step);
        }
        GeoHash.decode(hash, step, area);

        // Leave out the boxes that cannot hold anything of the area.
        if (step >= 2) {
            if (area[2] < minLat) {
                zero(2, 8, 7); // south, south west, south east
            }
            if (area[3] > maxLat) {
                zero(1, 5, 6); // north, north east, north west
            }
            if (area[0] < minLon) {
                zero(4, 8, 6); // west, south west, north west
            }
            if (area[1] > maxLon) {
                zero(3, 7, 5); // east, south east, north east
            }
        }
    }

    /** geohashNeighbors, in membersOfAllNeighbors's order. */
    private void neighbours(long hash, int step) {
        boxes[0] = hash;
        boxes[1] = GeoHash.moveY(hash, step, 1);
        boxes[2] = GeoHash.moveY(hash, step, -1);
        boxes[3] = GeoHash.moveX(hash, step, 1);
        boxes[4] = GeoHash.moveX(hash, step, -1);
        boxes[5] = GeoHash.moveY(GeoHash.moveX(hash, step, 1), step, 1);
        boxes[6] = GeoHash.moveY(GeoHash.moveX(hash, step, -1), step, 1);
        boxes[7] = GeoHash.moveY(GeoHash.moveX(hash, step, 1), step, -1);
        boxes[8] = GeoHash.moveY(GeoHash.moveX(hash, step, -1), step, -1);
        java.util.Arrays.fill(steps, step);
    }

    private void zero(int a, int b, int c) {
        for (int i : new int[] {a, b, c}) {
            boxes[i] = 0;
            steps[i] = 0;
        }
    }

    /**
     * membersOfAllNeighbors: appends to {@code out} the members of {@code z} inside this
     * area, box after box; stops once {@code limit} (0: none) are found, as ANY does.
     */
    void search(RedisSortedSet z, GeoPoints out, long limit) {
        computeAreas();
        int lastProcessed = 0;
        for (int i = 0; i < 9; i++) {
            if (boxes[i] == 0 && steps[i] == 0) {
                continue;
            }
            // With a huge radius adjacent boxes can be the same: skip a repeat of the last
            // one searched (Redis compares with that one only, and never with the centre).
            if (lastProcessed != 0 && boxes[i] == boxes[lastProcessed] && steps[i] == steps[lastProcessed]) {
                continue;
            }
            if (out.size() > 0 && limit != 0 && out.size() >= limit) {
                break;
            }
            inBox(z, boxes[i], steps[i], out, limit);
            lastProcessed = i;
        }
    }

    /** geoGetPointsInRange over the scores of one box: {@code min <= score < max}. */
    private void inBox(RedisSortedSet z, long box, int step, GeoPoints out, long limit) {
        double min = GeoHash.align52(box, step);
        double max = GeoHash.align52(box + 1, step);
        int size = z.size();
        for (long rank = z.rankOfScore(min, false); rank < size; rank++) {
            double score = z.scoreAt(rank);
            if (!(score < max)) {
                break;
            }
            double d = within(score);
            if (inside) {
                out.add(area[0], area[1], d, score, z.memberAt(rank));
            }
            if (out.size() > 0 && limit != 0 && out.size() >= limit) {
                break;
            }
        }
    }

    /**
     * geoWithinShape: decodes {@code score} into {@code area[0..1]}, sets {@link #inside}
     * and returns the distance from the centre (NaN is possible, and inside, as in Redis).
     */
    private double within(double score) {
        GeoHash.decodeScore(score, area);
        double x = area[0];
        double y = area[1];
        double distance;
        if (circular) {
            distance = GeoHash.distance(longitude, latitude, x, y);
            inside = !(distance > radius * conversion);
        } else {
            // geohashGetDistanceIfInRectangle: the cheaper latitude test first
            double widthM = width * conversion;
            double heightM = height * conversion;
            distance = 0;
            inside = !(GeoHash.latDistance(y, latitude) > heightM / 2)
                    && !(GeoHash.distance(x, y, longitude, y) > widthM / 2);
            if (inside) {
                distance = GeoHash.distance(longitude, latitude, x, y);
            }
        }
        return distance;
    }
}

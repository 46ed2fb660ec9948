package io.pyredis.server.internal.commands;

import java.util.Arrays;

/**
 * The canvas LOLWUT 5 and 6 draw on, as lolwut.c's lwCanvas: one byte of colour per pixel,
 * the top-left corner at 0,0; drawing outside of it is ignored, reading outside gives 0.
 *
 * <p>The float and double arithmetic of {@link #drawSquare} is C's, step by step (float
 * where lolwut.c has a float, C's {@code round}), so the squares that do not depend on
 * {@code rand()} land on the same pixels as Redis's.
 */
final class LolwutCanvas {

    final int width;
    final int height;
    private final byte[] pixels;

    LolwutCanvas(int width, int height, int background) {
        this.width = width;
        this.height = height;
        this.pixels = new byte[width * height];
        Arrays.fill(pixels, (byte) background);
    }

    void drawPixel(int x, int y, int color) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            return;
        }
        pixels[x + y * width] = (byte) color;
    }

    int getPixel(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            return 0;
        }
        return pixels[x + y * width];
    }

    /** A line from x1,y1 to x2,y2, Bresenham's algorithm as lwDrawLine. */
    void drawLine(int x1, int y1, int x2, int y2, int color) {
        int dx = Math.abs(x2 - x1);
        int dy = Math.abs(y2 - y1);
        int sx = x1 < x2 ? 1 : -1;
        int sy = y1 < y2 ? 1 : -1;
        int err = dx - dy;
        while (true) {
            drawPixel(x1, y1, color);
            if (x1 == x2 && y1 == y2) {
                break;
            }
            int e2 = err * 2;
            if (e2 > -dy) {
                err -= dy;
                x1 += sx;
            }
            if (e2 < dx) {
                err += dx;
                y1 += sy;
            }
        }
    }

    /**
     * A square centred on x,y, of side {@code size}, rotated by {@code angle}: its corners
     * are points of the circle the square is inscribed in, as lwDrawSquare.
     */
    void drawSquare(int x, int y, float size, float angle, int color) {
        int[] px = new int[4];
        int[] py = new int[4];
        size = (float) (size / 1.4142135623);
        size = (float) cRound(size);
        float k = (float) (Math.PI / 4 + angle);
        for (int j = 0; j < 4; j++) {
            px[j] = (int) cRound(StrictMath.sin(k) * size + x);
            py[j] = (int) cRound(StrictMath.cos(k) * size + y);
            k = (float) (k + Math.PI / 2);
        }
        for (int j = 0; j < 4; j++) {
            drawLine(px[j], py[j], px[(j + 1) % 4], py[(j + 1) % 4], color);
        }
    }

    /** C's {@code round}: halfway cases away from zero (Java's Math.round goes up). */
    static double cRound(double v) {
        double a = Math.abs(v);
        double r = Math.floor(a);
        if (a - r >= 0.5) {
            r += 1;
        }
        return Math.copySign(r, v);
    }
}

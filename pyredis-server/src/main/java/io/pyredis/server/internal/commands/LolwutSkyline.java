package io.pyredis.server.internal.commands;

import java.util.random.RandomGenerator;

import static io.pyredis.server.internal.commands.LolwutCommand.rand;

/**
 * LOLWUT 6: a skyline of 8-bit games' parallax backgrounds, as lolwut6.c: four grays, a
 * terminal cell per pixel. Everything in it comes from {@code rand()}.
 */
final class LolwutSkyline {

    private LolwutSkyline() {
    }

    /** Skyscrapers on {@code c}: two gray layers without windows, then black ones with, as generateSkyline. */
    static void draw(LolwutCanvas c, RandomGenerator r) {
        // The lighter gray first, so that it stays in the background.
        for (int color = 2; color >= 1; color--) {
            for (int offset = -10; offset < c.width;) {
                offset += rand(r) % 8;
                int width = 10 + rand(r) % 9;
                int height = color == 2
                        ? c.height / 2 + rand(r) % c.height / 2
                        : c.height / 2 + rand(r) % c.height / 3;
                skyscraper(c, offset, width, height, false, color, r);
                offset += color == 2 ? width / 2 : width + 1;
            }
        }
        for (int offset = -10; offset < c.width;) {
            offset += rand(r) % 8;
            int width = 5 + rand(r) % 14;
            if (width % 4 != 0) {
                width += width % 3;
            }
            int height = c.height / 3 + rand(r) % c.height / 2;
            skyscraper(c, offset, width, height, true, 0, r);
            offset += width + 5;
        }
    }

    /** One skyscraper standing on the bottom row, its roof four pixels narrower, as generateSkyscraper. */
    private static void skyscraper(LolwutCanvas c, int xoff, int width, int height, boolean windows, int scolor,
            RandomGenerator r) {
        int starty = c.height - 1;
        int endy = starty - height + 1;
        for (int y = starty; y >= endy; y--) {
            for (int x = xoff; x < xoff + width; x++) {
                if (y == endy && (x <= xoff + 1 || x >= xoff + width - 2)) {
                    continue;
                }
                int color = scolor;
                if (windows && x > xoff + 1 && x < xoff + width - 2 && y > endy + 1 && y < starty - 1) {
                    int relx = x - (xoff + 1);
                    int rely = y - (endy + 1);
                    // Windows two pixels wide and one tall: terminal cells are not square.
                    if (relx / 2 % 2 != 0 && rely % 2 != 0) {
                        do {
                            color = 1 + rand(r) % 2;
                        } while (color == scolor);
                        // Both pixels of a window have the same color.
                        if (relx % 2 != 0) {
                            color = c.getPixel(x - 1, y);
                        }
                    }
                }
                c.drawPixel(x, y, color);
            }
        }
    }

    /** A space per pixel, its foreground and background set to the pixel's gray, as lolwut6.c's renderCanvas. */
    static String render(LolwutCanvas c) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < c.height; y++) {
            for (int x = 0; x < c.width; x++) {
                String ce = switch (c.getPixel(x, y)) {
                    case 1 -> "0;90;100m";
                    case 2 -> "0;37;47m";
                    case 3 -> "0;97;107m";
                    default -> "0;30;40m";
                };
                sb.append("\033[").append(ce).append(" \033[0m");
            }
            if (y != c.height - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}

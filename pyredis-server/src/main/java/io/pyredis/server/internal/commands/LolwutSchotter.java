package io.pyredis.server.internal.commands;

import java.util.random.RandomGenerator;

import static io.pyredis.server.internal.commands.LolwutCommand.RAND_MAX;
import static io.pyredis.server.internal.commands.LolwutCommand.rand;

/**
 * LOLWUT 5: Georg Nees's Schotter in braille characters, as lolwut5.c. The first two rows
 * of squares are straight; from the third on each is rotated and moved by {@code rand()}.
 */
final class LolwutSchotter {

    private LolwutSchotter() {
    }

    /** The canvas for {@code cols} terminal columns (two pixels each), as lwDrawSchotter. */
    static LolwutCanvas draw(int cols, int perRow, int perCol, RandomGenerator r) {
        int width = cols * 2;
        int padding = width > 4 ? 2 : 0;
        float side = (float) (width - padding * 2) / perRow;
        int height = (int) (side * perCol + padding * 2);
        LolwutCanvas canvas = new LolwutCanvas(width, height, 0);
        for (int y = 0; y < perCol; y++) {
            for (int x = 0; x < perRow; x++) {
                int sx = (int) (x * side + side / 2 + padding);
                int sy = (int) (y * side + side / 2 + padding);
                float angle = 0;
                if (y > 1) {
                    float r1 = rand(r) / RAND_MAX / perCol * y;
                    float r2 = rand(r) / RAND_MAX / perCol * y;
                    float r3 = rand(r) / RAND_MAX / perCol * y;
                    if (rand(r) % 2 != 0) {
                        r1 = -r1;
                    }
                    if (rand(r) % 2 != 0) {
                        r2 = -r2;
                    }
                    if (rand(r) % 2 != 0) {
                        r3 = -r3;
                    }
                    angle = r1;
                    sx += r2 * side / 3;
                    sy += r3 * side / 3;
                }
                canvas.drawSquare(sx, sy, side, angle, 1);
            }
        }
        return canvas;
    }

    /**
     * Each 2x4 block of pixels as the braille character U+2800 + its dots (bits 0 1 2 down
     * the left column, 3 4 5 down the right one, 6 and 7 the bottom pair), a line per four
     * pixel rows. As lolwut5.c, a newline follows every line but a last one starting on
     * the canvas's last pixel row.
     */
    static String render(LolwutCanvas c) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < c.height; y += 4) {
            for (int x = 0; x < c.width; x += 2) {
                int b = 0;
                b |= c.getPixel(x, y) != 0 ? 1 : 0;
                b |= c.getPixel(x, y + 1) != 0 ? 1 << 1 : 0;
                b |= c.getPixel(x, y + 2) != 0 ? 1 << 2 : 0;
                b |= c.getPixel(x + 1, y) != 0 ? 1 << 3 : 0;
                b |= c.getPixel(x + 1, y + 1) != 0 ? 1 << 4 : 0;
                b |= c.getPixel(x + 1, y + 2) != 0 ? 1 << 5 : 0;
                b |= c.getPixel(x, y + 3) != 0 ? 1 << 6 : 0;
                b |= c.getPixel(x + 1, y + 3) != 0 ? 1 << 7 : 0;
                sb.append((char) (0x2800 + b));
            }
            if (y != c.height - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}

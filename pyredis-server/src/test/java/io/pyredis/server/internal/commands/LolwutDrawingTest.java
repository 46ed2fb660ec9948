package io.pyredis.server.internal.commands;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** LOLWUT's drawings with a seeded generator in place of rand(): the same seed, the same art. */
class LolwutDrawingTest {

    private static String schotter(long seed) {
        return LolwutSchotter.render(LolwutSchotter.draw(66, 8, 12, new SplittableRandom(seed)));
    }

    private static String skyline(long seed) {
        LolwutCanvas c = new LolwutCanvas(80, 20, 3);
        LolwutSkyline.draw(c, new SplittableRandom(seed));
        return LolwutSkyline.render(c);
    }

    @Test
    void aSeedDrawsTheSameSchotterAndSkylineEveryTime() {
        assertEquals(schotter(42), schotter(42));
        assertNotEquals(schotter(42), schotter(43));
        assertEquals(skyline(42), skyline(42));
        assertNotEquals(skyline(42), skyline(43));
    }

    @Test
    void cRoundsHalfwayAwayFromZero() {
        assertEquals(3.0, LolwutCanvas.cRound(2.5));
        assertEquals(-3.0, LolwutCanvas.cRound(-2.5));
        assertEquals(-2.0, LolwutCanvas.cRound(-2.4999));
        assertEquals(0.0, LolwutCanvas.cRound(0.2));
    }
}

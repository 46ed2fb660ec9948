package io.pyredis.example.ratelimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GcraTest {

    private static final long SECOND = 1_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;

    @Test
    void freshKeyTakesAFullBurstThenIsLimited() {
        long tat = Gcra.NO_STATE;
        for (int i = 0; i < 5; i++) {
            Gcra.Decision d = Gcra.decide(tat, T0, 5, 60 * SECOND, 1);
            assertFalse(d.limited(), "request " + i);
            assertEquals(4 - i, d.remaining());
            assertEquals(-1, d.retryAfter());
            assertEquals((i + 1) * 12 * SECOND, d.resetAfter());
            tat = d.newTat();
        }
        Gcra.Decision sixth = Gcra.decide(tat, T0, 5, 60 * SECOND, 1);
        assertTrue(sixth.limited());
        assertEquals(5, sixth.limit());
        assertEquals(0, sixth.remaining());
        assertEquals(12 * SECOND, sixth.retryAfter());
        assertEquals(60 * SECOND, sixth.resetAfter());
        assertEquals(Gcra.NO_STATE, sixth.newTat(), "a refused request changes nothing");
    }

    @Test
    void oneRequestIsLetThroughEveryEmissionInterval() {
        long tat = T0 + 60 * SECOND; // the burst of 5 per minute is used up
        assertTrue(Gcra.decide(tat, T0 + 12 * SECOND - 1, 5, 60 * SECOND, 1).limited());
        Gcra.Decision d = Gcra.decide(tat, T0 + 12 * SECOND, 5, 60 * SECOND, 1);
        assertFalse(d.limited());
        assertEquals(0, d.remaining());
        assertEquals(T0 + 72 * SECOND, d.newTat());
    }

    @Test
    void stateInThePastIsTheSameAsNoState() {
        Gcra.Decision fresh = Gcra.decide(Gcra.NO_STATE, T0, 10, SECOND, 1);
        Gcra.Decision stale = Gcra.decide(T0 - 5 * SECOND, T0, 10, SECOND, 1);
        assertEquals(fresh, stale);
    }

    @Test
    void costCountsAsThatManyRequests() {
        Gcra.Decision d = Gcra.decide(Gcra.NO_STATE, T0, 10, 10 * SECOND, 4);
        assertFalse(d.limited());
        assertEquals(6, d.remaining());
        Gcra.Decision tooMuch = Gcra.decide(d.newTat(), T0, 10, 10 * SECOND, 7);
        assertTrue(tooMuch.limited());
        assertEquals(6, tooMuch.remaining());
        assertEquals(SECOND, tooMuch.retryAfter());
    }

    @Test
    void costZeroOnlyLooks() {
        Gcra.Decision d = Gcra.decide(T0 + 3 * SECOND, T0, 10, 10 * SECOND, 0);
        assertFalse(d.limited());
        assertEquals(7, d.remaining());
        assertEquals(3 * SECOND, d.resetAfter());
        assertEquals(Gcra.NO_STATE, d.newTat());
    }

    @Test
    void costAboveTheLimitCanNeverPass() {
        Gcra.Decision d = Gcra.decide(Gcra.NO_STATE, T0, 3, SECOND, 4);
        assertTrue(d.limited());
        assertEquals(3, d.remaining());
        assertEquals(-1, d.retryAfter());
    }

    @Test
    void aPeriodThatDoesNotDivideEvenlyStillAllowsTheWholeBurst() {
        long tat = Gcra.NO_STATE;
        for (int i = 0; i < 3; i++) {
            Gcra.Decision d = Gcra.decide(tat, T0, 3, SECOND, 1);
            assertFalse(d.limited(), "request " + i);
            tat = d.newTat();
        }
        assertTrue(Gcra.decide(tat, T0, 3, SECOND, 1).limited());
    }

    @Test
    void aForeignHugeStateIsAFullyUsedBurstNotAnOverflow() {
        Gcra.Decision d = Gcra.decide(Long.MAX_VALUE, T0, 5, 60 * SECOND, 1);
        assertTrue(d.limited());
        assertEquals(0, d.remaining());
        assertEquals(12 * SECOND, d.retryAfter());
        assertEquals(60 * SECOND, d.resetAfter());
    }
}

package io.pyredis.server.internal.config;

import java.util.Locale;


/**
 * {@code client-output-buffer-limit}: per client class, a hard limit, a soft limit and the
 * seconds a client may stay over the soft one, in bytes, as redis.conf writes it
 * ({@code "pubsub 32mb 8mb 60"}). A value names one or more classes; the others keep
 * their limits, as CONFIG SET does in Redis. CONFIG GET shows all three classes in bytes,
 * the replica class under its old name {@code slave}, as Redis 7.0 does.
 */
public final class OutputBufferLimitsParam extends ConfigParam<OutputBufferLimitsParam.Limits> {

    /** Classes, in the order Redis shows them. */
    public static final int NORMAL = 0;
    public static final int REPLICA = 1;
    public static final int PUBSUB = 2;

    private static final String[] SHOWN = {"normal", "slave", "pubsub"};

    /** One class's limits; 0 means none. */
    public record Limit(long hard, long soft, long softSeconds) {
    }

    /** The limits of the three classes, indexed by {@link #NORMAL}, {@link #REPLICA}, {@link #PUBSUB}. */
    public record Limits(Limit[] byClass) {
        public Limit of(int clientClass) {
            return byClass[clientClass];
        }
    }

    public OutputBufferLimitsParam() {
        super("client-output-buffer-limit", null, java.util.Set.of(Flag.MULTI_ARG), new Limits(new Limit[] {
            new Limit(0, 0, 0),
            new Limit(256L * 1024 * 1024, 64L * 1024 * 1024, 60),
            new Limit(32L * 1024 * 1024, 8L * 1024 * 1024, 60)}));
    }

    /** Redis's updateClientOutputBufferLimit: all groups are checked before any is taken. */
    @Override
    protected Limits parse(String text) throws BadValueException {
        String[] w = words(text);
        if (w.length % 4 != 0) {
            throw bad("Wrong number of arguments in buffer limit configuration.");
        }
        Limit[] next = value().byClass().clone();
        for (int i = 0; i < w.length; i += 4) {
            int cls = classOf(w[i]);
            if (cls < 0) {
                throw bad("Invalid client class specified in buffer limit configuration.");
            }
            Long hard = NumericParam.memtoull(w[i + 1]);
            Long soft = NumericParam.memtoull(w[i + 2]);
            Long seconds = SaveParam.strtoll(w[i + 3]);
            // Redis keeps the seconds in an int.
            if (hard == null || soft == null || seconds == null || (int) (long) seconds < 0) {
                throw bad("Error in hard, soft or soft_seconds setting in buffer limit configuration.");
            }
            next[cls] = new Limit(hard, soft, (int) (long) seconds);
        }
        return new Limits(next);
    }

    /** Redis's getClientTypeByName. */
    private static int classOf(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "normal": return NORMAL;
            case "replica":
            case "slave": return REPLICA;
            case "pubsub": return PUBSUB;
            default: return -1;
        }
    }

    @Override
    protected String format(Limits v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < SHOWN.length; i++) {
            Limit l = v.of(i);
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(SHOWN[i]).append(' ').append(Long.toUnsignedString(l.hard())).append(' ')
                    .append(Long.toUnsignedString(l.soft())).append(' ')
                    .append(l.softSeconds());
        }
        return sb.toString();
    }
}

package io.pyredis.api;

import java.util.Locale;

/**
 * Redis 7.0's ACL command categories, in the order Redis lists them (ACL CAT, COMMAND
 * INFO). A command declares the categories of its kind ({@link #STRING}, {@link #KEYSPACE},
 * {@link #DANGEROUS}, ...); the server adds those its flags imply, as Redis's
 * setImplicitACLCategories does: {@link #WRITE} for a write command, {@link #READ} for a
 * read-only one, {@link #ADMIN} and {@link #DANGEROUS} for an admin one, {@link #PUBSUB},
 * {@link #FAST}, {@link #BLOCKING}, and {@link #SLOW} for every command that is not fast.
 *
 * @since 0.1
 */
public enum AclCategory {
    KEYSPACE, READ, WRITE, SET, SORTEDSET, LIST, HASH, STRING, BITMAP, HYPERLOGLOG, GEO, STREAM, PUBSUB,
    ADMIN, FAST, SLOW, BLOCKING, DANGEROUS, CONNECTION, TRANSACTION, SCRIPTING;

    /** The name Redis uses ({@code "keyspace"}), without the {@code @} of ACL rules. */
    public String redisName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

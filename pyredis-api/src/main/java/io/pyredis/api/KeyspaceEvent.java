package io.pyredis.api;

/**
 * The classes of keyspace notifications, each with its letter in
 * {@code notify-keyspace-events} (Redis's NOTIFY_* flags). A command reports what it did
 * with {@link CommandContext#notifyKeyspaceEvent}; the server publishes it to
 * {@code __keyspace@<db>__:<key>} and {@code __keyevent@<db>__:<event>} when the config
 * enables the class.
 *
 * @since 0.1
 */
public enum KeyspaceEvent {
    /** {@code g}: generic commands such as DEL, EXPIRE, RENAME. */
    GENERIC('g'),
    /** {@code $}: string commands. */
    STRING('$'),
    /** {@code l}: list commands. */
    LIST('l'),
    /** {@code s}: set commands. */
    SET('s'),
    /** {@code h}: hash commands. */
    HASH('h'),
    /** {@code z}: sorted set commands. */
    ZSET('z'),
    /** {@code x}: a key expired. */
    EXPIRED('x'),
    /** {@code e}: a key was evicted for maxmemory. */
    EVICTED('e'),
    /** {@code t}: stream commands. */
    STREAM('t'),
    /** {@code m}: a key was looked up and missed. */
    KEY_MISS('m'),
    /** {@code n}: a new key was created. */
    NEW('n'),
    /** {@code d}: a module's (a plugin's own) type. */
    MODULE('d');

    private final char letter;

    KeyspaceEvent(char letter) {
        this.letter = letter;
    }

    /** Its letter in {@code notify-keyspace-events}. */
    public char letter() {
        return letter;
    }
}

/**
 * Helpers the command packs share, kept out of the SPI: numbers parsed and formatted as
 * Redis does them, glob patterns, SCAN arguments, sampling, option keywords. Packs, the
 * storage, the protocol and the server may depend on it; a plugin needs only
 * {@code io.pyredis.api}.
 *
 * @since 0.1
 */
module io.pyredis.support {
    requires transitive io.pyredis.api;
    exports io.pyredis.support;
}

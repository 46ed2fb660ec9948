/**
 * The pyredis Command SPI. A command plugin needs nothing but this module at compile
 * time: it implements {@link io.pyredis.api.CommandPack} and declares
 * {@code provides io.pyredis.api.CommandPack with ...} in its own module-info.
 *
 * @since 0.1
 */
module io.pyredis.api {
    exports io.pyredis.api;
}

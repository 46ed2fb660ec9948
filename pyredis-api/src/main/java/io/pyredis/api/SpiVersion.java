package io.pyredis.api;

/**
 * The version of this SPI. A pack returns {@link #CURRENT} from
 * {@link CommandPack#spiVersion()}; because the field is a compile-time constant, javac
 * copies its value into the pack's class file, so the server learns which SPI the pack
 * was <em>built</em> against and can refuse a pack built for a newer one.
 *
 * @since 0.1
 */
public interface SpiVersion {
    /**
     * Raised when the SPI changes in a way older servers cannot serve, or that packs built
     * for an older one cannot use. 2: command metadata as data ({@link CommandSpec} with key
     * specs, ACL categories, tips and {@link CommandDoc}); the helpers that were in the SPI
     * (numbers, glob patterns, SCAN arguments) moved to pyredis-support.
     */
    int CURRENT = 2;
}

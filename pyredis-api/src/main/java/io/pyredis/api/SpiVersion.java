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
    /** Raised when the SPI changes in a way older servers cannot serve. */
    int CURRENT = 1;
}

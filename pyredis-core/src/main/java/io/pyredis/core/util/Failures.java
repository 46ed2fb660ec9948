package io.pyredis.core.util;

/**
 * What to do with a {@link Throwable} from code the server does not own (a plugin's pack or
 * command): contain it, unless the JVM itself is failing.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * Rethrows {@code t} when it is a {@link VirtualMachineError} other than a
     * {@link StackOverflowError}: after an OutOfMemoryError or an internal JVM error nothing
     * the server holds can be trusted, and the process must end (bin/pyredis-server runs the
     * JVM with -XX:+ExitOnOutOfMemoryError, as Redis aborts when malloc fails). A stack
     * overflow unwinds cleanly and is contained like any other failure of a plugin.
     */
    public static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
    }
}

package io.pyredis.commands.sortedsets;

import io.pyredis.api.RedisString;
import io.pyredis.testkit.Harness;

/**
 * The shared harness, standing in for the few commands of other packs that the recorded
 * scenarios use without their pack on this class path: SET (a string) and EXISTS.
 */
final class SortedSetsHarness extends Harness {

    @Override
    protected String unknownCommand(String name, byte[][] argv) {
        if (name.equals("set") && argv.length == 3) {
            db().set(argv[1], RedisString.of(argv[2]));
            return "+OK\r\n";
        }
        if (name.equals("exists") && argv.length == 2) {
            return ":" + (db().exists(argv[1]) ? 1 : 0) + "\r\n";
        }
        return super.unknownCommand(name, argv);
    }
}

package io.pyredis.cli;

import io.pyredis.cli.internal.Cli;
import io.pyredis.cli.internal.Env;

/** pyredis-cli, a redis-cli 7.0 work-alike: {@code pyredis-cli [OPTIONS] [cmd [arg ...]]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = Cli.run(args, Env.system());
        System.out.flush();
        System.exit(status);
    }
}

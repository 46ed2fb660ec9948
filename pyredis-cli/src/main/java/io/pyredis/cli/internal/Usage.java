package io.pyredis.cli.internal;

/** The --help text, redis-cli's wording for the options pyredis-cli has. */
final class Usage {

    private Usage() {
    }

    static String text(String version) {
        return "pyredis-cli " + version + "\n"
                + "\n"
                + "Usage: pyredis-cli [OPTIONS] [cmd [arg [arg ...]]]\n"
                + "  -h <hostname>      Server hostname (default: 127.0.0.1).\n"
                + "  -p <port>          Server port (default: 6379).\n"
                + "  -a <password>      Password to use when connecting to the server.\n"
                + "                     You can also use the REDISCLI_AUTH environment\n"
                + "                     variable to pass this password more safely\n"
                + "                     (if both are used, this argument takes precedence).\n"
                + "  --user <username>  Used to send ACL style 'AUTH username pass'. Needs -a.\n"
                + "  --pass <password>  Alias of -a for consistency with the new --user option.\n"
                + "  -u <uri>           Server URI.\n"
                + "  -r <repeat>        Execute specified command N times.\n"
                + "  -i <interval>      When -r is used, waits <interval> seconds per command.\n"
                + "                     It is possible to specify sub-second times like -i 0.1.\n"
                + "  -n <db>            Database number.\n"
                + "  -2                 Start session in RESP2 protocol mode.\n"
                + "  -3                 Start session in RESP3 protocol mode.\n"
                + "  -x                 Read last argument from STDIN.\n"
                + "  -d <delimiter>     Delimiter between response bulks for raw formatting (default: \\n).\n"
                + "  -D <delimiter>     Delimiter between responses for raw formatting (default: \\n).\n"
                + "  -e                 Return exit error code when command execution fails.\n"
                + "  --raw              Use raw formatting for replies (default when STDOUT is\n"
                + "                     not a tty).\n"
                + "  --no-raw           Force formatted output even when STDOUT is not a tty.\n"
                + "  --csv              Output in CSV format.\n"
                + "  --show-pushes <yn> Whether to print RESP3 PUSH messages.  Enabled by default when\n"
                + "                     STDOUT is a tty but can be overridden with --show-pushes no.\n"
                + "  --pipe             Transfer raw Redis protocol from stdin to server.\n"
                + "  --pipe-timeout <n> In --pipe mode, abort with error if after sending all data.\n"
                + "                     no reply is received within <n> seconds.\n"
                + "                     Default timeout: 30. Use 0 to wait forever.\n"
                + "  --no-auth-warning  Don't show warning message when using password on command\n"
                + "                     line interface.\n"
                + "  --help             Output this help and exit.\n"
                + "  --version          Output version and exit.\n"
                + "\n"
                + "Examples:\n"
                + "  cat /etc/passwd | pyredis-cli -x set mypasswd\n"
                + "  pyredis-cli -r 100 lpush mylist x\n"
                + "  pyredis-cli -r 100 -i 1 info | grep used_memory_human:\n"
                + "\n"
                + "When no command is given, pyredis-cli starts in interactive mode.\n"
                + "Type \"help\" in interactive mode for information on available commands\n"
                + "and settings.\n"
                + "\n";
    }
}

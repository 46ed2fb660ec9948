/** pyredis-cli, a redis-cli work-alike. */
module io.pyredis.cli {
    requires io.pyredis.api;
    requires io.pyredis.protocol;
    requires org.jline;
    exports io.pyredis.cli;
}

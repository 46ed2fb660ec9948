/** The hyperloglog command pack. It exports nothing: the server finds it through ServiceLoader. */
module io.pyredis.commands.hyperloglog {
    requires io.pyredis.api;
    requires io.pyredis.support;
    provides io.pyredis.api.CommandPack with io.pyredis.commands.hyperloglog.HyperLogLogPack;
}

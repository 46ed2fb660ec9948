/** The hash command pack. It exports nothing: the server finds it through ServiceLoader. */
module io.pyredis.commands.hashes {
    requires io.pyredis.api;
    requires io.pyredis.support;
    provides io.pyredis.api.CommandPack with io.pyredis.commands.hashes.HashesPack;
}

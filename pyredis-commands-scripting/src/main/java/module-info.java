/** The scripting command pack. It exports nothing: the server finds it through ServiceLoader. */
module io.pyredis.commands.scripting {
    requires io.pyredis.api;
    requires io.pyredis.support;
    requires org.luaj.vm2;
    // the per-thread allocation counter behind the memory bound of a script
    requires jdk.management;
    provides io.pyredis.api.CommandPack with io.pyredis.commands.scripting.ScriptingPack;
}

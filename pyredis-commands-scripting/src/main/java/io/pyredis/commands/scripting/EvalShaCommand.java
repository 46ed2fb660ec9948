package io.pyredis.commands.scripting;

/**
 * {@code EVALSHA sha1 numkeys [key [key ...]] [arg [arg ...]]}
 */
final class EvalShaCommand extends EvalGenericCommand {

    EvalShaCommand(Scripting scripting) {
        super(ScriptingPack.METADATA.spec("evalsha"), scripting, true, false);
    }
}

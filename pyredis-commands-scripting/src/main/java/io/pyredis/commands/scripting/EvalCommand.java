package io.pyredis.commands.scripting;

/**
 * {@code EVAL script numkeys [key [key ...]] [arg [arg ...]]}
 */
final class EvalCommand extends EvalGenericCommand {

    EvalCommand(Scripting scripting) {
        super(ScriptingPack.METADATA.spec("eval"), scripting, false, false);
    }
}

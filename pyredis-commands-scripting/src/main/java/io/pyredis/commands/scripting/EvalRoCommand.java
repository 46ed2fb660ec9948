package io.pyredis.commands.scripting;

/**
 * {@code EVAL_RO script numkeys [key [key ...]] [arg [arg ...]]}
 */
final class EvalRoCommand extends EvalGenericCommand {

    EvalRoCommand(Scripting scripting) {
        super(ScriptingPack.METADATA.spec("eval_ro"), scripting, false, true);
    }
}

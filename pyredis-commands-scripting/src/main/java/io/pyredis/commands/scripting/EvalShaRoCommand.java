package io.pyredis.commands.scripting;

/**
 * {@code EVALSHA_RO sha1 numkeys [key [key ...]] [arg [arg ...]]}
 */
final class EvalShaRoCommand extends EvalGenericCommand {

    EvalShaRoCommand(Scripting scripting) {
        super(ScriptingPack.METADATA.spec("evalsha_ro"), scripting, true, true);
    }
}

package io.pdig.model.syscall;

import java.util.List;
import java.util.Set;

/**
 * One row of the syscall table. Everything that depends on syscall identity (the seccomp filter,
 * the decoder, the journal schema, the rule engine's evt.type names, `pdig syscalls`) reads these
 * rows; no other place may switch on syscall names.
 *
 * @param name  the kernel's name, which is also Falco's evt.type
 * @param nr64  x86_64 number, or -1 when the call does not exist there
 * @param nr32  i386 number, or -1
 * @param flags semantic flags
 * @param args  arguments in register order, named with Falco's parameter names; then, for a few
 *              rows, what the tracer reads on its own at the exit (kinds that are not
 *              {@link ArgKind#isRegister registers}, e.g. connect's local address)
 * @param ret   what a non-error return means; its Falco parameter name is {@link #resultName()}
 * @param stopOnlyWhen null, or the argument values for which the call is worth a stop
 * @param exitOnlyWhen null, or the argument values for which the result is needed (other calls
 *                     skip their exit stop by default, like {@link SyscallFlag#SKIP_EXIT} rows)
 * @param classes the strace classes the call belongs to (`--syscalls %file`); every row has
 *                them, generic rows too, read from syscall-classes.tsv
 */
public record Syscall(String name, int nr64, int nr32, Set<SyscallFlag> flags, List<Arg> args, RetKind ret,
                      StopCondition stopOnlyWhen, StopCondition exitOnlyWhen, Set<SyscallClass> classes) {

    public boolean has(SyscallFlag flag) {
        return flags.contains(flag);
    }

    public boolean in(SyscallClass c) {
        return classes.contains(c);
    }

    public int nr(Abi abi) {
        return abi == Abi.I386 ? nr32 : nr64;
    }

    /** Falco names the result parameter "fd" for fd-returning calls and "res" otherwise. */
    public String resultName() {
        return ret == RetKind.FD ? "fd" : "res";
    }

    /** Index of the argument with this Falco name, or -1. */
    public int argIndex(String argName) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).name().equals(argName)) {
                return i;
            }
        }
        return -1;
    }

    /** True when any argument must be read at the exit stop, which then cannot be skipped. */
    public boolean needsExitRead() {
        for (Arg a : args) {
            if (a.kind().phase() == Phase.EXIT) {
                return true;
            }
        }
        return false;
    }
}

package io.pdig.analyzer.state;

import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallFlag;
import io.pdig.model.syscall.SyscallTable;
import java.util.Set;
import java.util.TreeSet;

/**
 * The syscalls the state tables need whatever the rules say (`--trace-set rules` adds the rules'
 * own event types): every default call that creates, duplicates or closes an fd or creates,
 * replaces or changes a process, plus the working-directory and socket-address calls whose
 * results name later fds. Derived from the table's flags.
 */
public final class StateNeeds {
    private StateNeeds() {
    }

    public static Set<String> syscalls() {
        Set<String> out = new TreeSet<>();
        for (Syscall s : SyscallTable.all()) {
            boolean fdState = s.has(SyscallFlag.CREATES_FD) || s.has(SyscallFlag.CLOSES_FD) || s.has(SyscallFlag.DUPS_FD);
            boolean procState = s.has(SyscallFlag.PROCESS);
            if ((fdState || procState) && s.has(SyscallFlag.DEFAULT)) out.add(s.name());
        }
        for (String n : new String[] {"chdir", "fchdir", "connect", "bind"}) out.add(n);
        return out;
    }
}

package io.pdig.analyzer.state;

import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.Arg;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.RetKind;
import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallFlag;
import java.util.Arrays;
import java.util.List;

/**
 * For each syscall row, where {@link StateUpdater} finds the fd an event is about: derived once per
 * (ABI, number) from the row instead of by name and flag lookups on every event (this runs for
 * every syscall event of a replay). Confined to the analyzer thread, like its StateUpdater.
 */
final class EventFdShapes {
    /** The row's answer to "which fd is this event about", as indexes into the event's arguments. */
    static final class Shape {
        final boolean openCall;
        final boolean dupsFd;
        /** Index of "oldfd" and of "fd" in the row's arguments, -1 when absent. */
        final int oldFdArg;
        final int fdArg;
        final boolean returnsFd;
        /** Indexes of the row's FD-kind arguments, ascending. */
        final int[] fdKindArgs;

        Shape(Syscall row) {
            openCall = FdStateHandler.isOpenCall(row.name());
            dupsFd = row.has(SyscallFlag.DUPS_FD);
            oldFdArg = row.argIndex("oldfd");
            fdArg = row.argIndex("fd");
            returnsFd = row.ret() == RetKind.FD;
            List<Arg> args = row.args();
            int[] idx = new int[args.size()];
            int n = 0;
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).kind() == ArgKind.FD) idx[n++] = i;
            }
            fdKindArgs = Arrays.copyOf(idx, n);
        }
    }

    private final Shape[][] byAbi = new Shape[Abi.values().length][];

    /** The shape of {@code row}, the table row of {@code s} (so its number is a valid index). */
    Shape of(SyscallEvent s, Syscall row) {
        int a = s.abi().ordinal();
        int nr = s.nr();
        Shape[] t = byAbi[a];
        if (t == null || nr >= t.length) {
            t = byAbi[a] = t == null ? new Shape[Math.max(512, nr + 1)] : Arrays.copyOf(t, Math.max(t.length * 2, nr + 1));
        }
        Shape sh = t[nr];
        if (sh == null) {
            sh = t[nr] = new Shape(row);
        }
        return sh;
    }
}

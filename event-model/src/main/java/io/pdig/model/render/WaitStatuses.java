package io.pdig.model.render;

import io.pdig.model.consts.Signals;

/**
 * strace's wait status: {@code [{WIFEXITED(s) && WEXITSTATUS(s) == 3}]}, tested in strace's order
 * (stopped, signaled, exited, continued) with the sys/wait.h macros' bit layout; bits no macro
 * explains (a ptrace event in the high half) follow as {@code | 0x...}.
 */
public final class WaitStatuses {

    private WaitStatuses() {
    }

    public static String strace(long raw) {
        int s = (int) raw;
        int rest;
        StringBuilder sb = new StringBuilder("[{");
        if ((s & 0xff) == 0x7f) {
            int sig = (s >> 8) & 0xff;
            sb.append("WIFSTOPPED(s) && WSTOPSIG(s) == ").append(Signals.TABLE.render(sig));
            rest = s & ~((sig << 8) | 0x7f);
        } else if ((s & 0x7f) != 0 && (s & 0x7f) != 0x7f) {
            int sig = s & 0x7f;
            sb.append("WIFSIGNALED(s) && WTERMSIG(s) == ").append(Signals.TABLE.render(sig));
            if ((s & 0x80) != 0) sb.append(" && WCOREDUMP(s)");
            rest = s & ~(sig | 0x80);
        } else if ((s & 0x7f) == 0) {
            sb.append("WIFEXITED(s) && WEXITSTATUS(s) == ").append((s >> 8) & 0xff);
            rest = s & ~0xff00;
        } else if (s == 0xffff) {
            sb.append("WIFCONTINUED(s)");
            rest = 0;
        } else {
            return "[" + StructLayouts.hex(raw & 0xffffffffL) + "]";
        }
        if (rest != 0) sb.append(" | ").append(StructLayouts.hex(rest & 0xffffffffL));
        return sb.append("}]").toString();
    }
}

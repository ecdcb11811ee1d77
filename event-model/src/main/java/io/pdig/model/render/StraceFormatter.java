package io.pdig.model.render;

import io.pdig.model.consts.Errno;
import io.pdig.model.consts.ProcessConsts;
import io.pdig.model.consts.SiCodes;
import io.pdig.model.consts.Signals;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.RetKind;
import io.pdig.model.syscall.Syscall;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One strace-like line per event, without a trailing newline, prefixed by the thread id (as
 * {@code strace -f -o file} prefixes lines):
 * <pre>
 * 1234 openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3
 * 1234 openat(AT_FDCWD, "/nonexistent", O_RDONLY) = -1 ENOENT (No such file or directory)
 * 1234 close(3) = ?                                   (exit not observed)
 * 1234 read(3, 0x7ffc0000, 10) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)
 * 1234 +++ exited with 3 +++
 * 1234 +++ killed by SIGSEGV (core dumped) +++
 * 1234 --- SIGINT {si_signo=SIGINT, si_code=SI_USER, si_pid=5, si_uid=0} ---
 * 1234 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5, si_uid=0, si_status=3, si_utime=0, si_stime=0} ---
 * 1234 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=6, si_uid=0, si_status=0, si_utime=6 /* 0.06 s *&#47;, si_stime=0} ---
 * 1234 --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x1234} ---
 * 1234 --- stopped by SIGSTOP ---
 * </pre>
 * Events strace does not print are lines of the form {@code TID [pdig: KIND: TEXT]}, where KIND is
 * the JSON "evt" name ({@code spawn}, {@code exec}, {@code session_start}, {@code session_end}) or,
 * for notices, the notice kind in lower case ({@code unreadable_memory}); TEXT is
 * {@code key=value} pairs separated by single spaces, strings quoted as syscall strings are:
 * <pre>
 * 1235 [pdig: spawn: pid=1235 parent_tid=1234 parent_pid=1234 thread=false clone_flags=SIGCHLD]
 * 1235 [pdig: exec: exe="/usr/bin/true" argv=["true"] cwd="/tmp" uid=0 euid=0 ppid=1234]
 * 1234 [pdig: unreadable_memory: path argument of openat at 0x10 (count 3)]
 * 0 [pdig: session_start: host="h" boot_id="..." version="0.1.0" schema=1 command=["sh", "-c", "true"] attach_pid=0 processes=0]
 * 0 [pdig: session_end: exit_code=0 signal=0 counters={events=12, stops=24}]
 * </pre>
 * Stateless and thread-safe.
 */
public final class StraceFormatter {

    public String format(Event e) {
        if (e instanceof SyscallEvent s) return syscall(s);
        if (e instanceof ProcessEvent.Exit x) return exit(x);
        if (e instanceof ProcessEvent.Signal s) return signal(s);
        if (e instanceof ProcessEvent.Stopped s) return e.tid() + " --- stopped by " + Signals.TABLE.render(s.signo()) + " ---";
        if (e instanceof ProcessEvent.Spawn s) return spawn(s);
        if (e instanceof ProcessEvent.Exec x) return exec(x);
        if (e instanceof NoticeEvent n) return notice(n);
        if (e instanceof SessionEvent.Start s) return sessionStart(s);
        if (e instanceof SessionEvent.End s) return sessionEnd(s);
        throw new IllegalArgumentException("unknown event type " + e.getClass().getName());
    }

    private String syscall(SyscallEvent s) {
        StringBuilder sb = new StringBuilder(96);
        sb.append(s.tid()).append(' ').append(s.name()).append('(');
        Syscall row = s.syscall();
        ArgValue[] args = s.args();
        if (CloneText.applies(row, args)) {
            return sb.append(CloneText.arguments(row, s.abi(), args)).append(") = ").append(result(s, row)).toString();
        }
        boolean first = true;
        for (int i = 0; i < args.length; i++) {
            if (ArgText.omitted(row, i, args)) continue;
            if (!first) sb.append(", ");
            first = false;
            sb.append(ArgText.of(row, args, i));
        }
        sb.append(") = ");
        return sb.append(result(s, row)).toString();
    }

    /** The text after "= ": a value, "-1 ENAME (message)", "? ERESTARTSYS (...)" or "?". */
    public static String result(SyscallEvent s, Syscall row) {
        if (!s.hasResult()) return "?";
        long res = s.res();
        if (s.failed()) {
            int errno = (int) -res;
            return (Errno.isRestart(errno) ? "? " : "-1 ") + Errno.strace(errno);
        }
        Long fcntl = row != null ? ArgText.fcntlCommand(row, s.args()) : null;
        if (fcntl != null) return FcntlText.result(fcntl, res);
        Long prctl = row != null ? ArgText.prctlOption(row, s.args()) : null;
        String named = prctl != null ? PrctlText.result(prctl, s.args(), res) : null;
        if (named != null) return named;
        String polled = PollFds.result(row, s.args(), res);
        if (polled != null) return polled;
        String received = MMsgHdrText.result(row, s.args(), res);
        if (received != null) return received;
        RetKind kind = row != null ? row.ret() : RetKind.INT;
        if (kind == RetKind.MODE) return Modes.octal(res);
        return kind == RetKind.ADDR ? "0x" + Long.toHexString(res) : Long.toString(res);
    }

    private String exit(ProcessEvent.Exit x) {
        if (x.signal() != 0) {
            return x.tid() + " +++ killed by " + Signals.TABLE.render(x.signal()) + (x.coreDumped() ? " (core dumped)" : "") + " +++";
        }
        return x.tid() + " +++ exited with " + x.exitCode() + " +++";
    }

    private String signal(ProcessEvent.Signal s) {
        String name = Signals.TABLE.render(s.signo());
        StringBuilder sb = new StringBuilder();
        sb.append(s.tid()).append(" --- ").append(name).append(" {si_signo=").append(name)
                .append(", si_code=").append(SiCodes.render(s.signo(), s.code()));
        if (SiCodes.hasSender(s.signo(), s.code())) {
            sb.append(", si_pid=").append(s.sender()).append(", si_uid=").append(s.senderUid());
            if (SiCodes.isAboutChild(s.signo(), s.code()) && s.rest() != null) {
                // Left out when not recorded (older journals): unknown is not 0.
                int status = s.rest().childStatus();
                sb.append(", si_status=").append(s.code() == SiCodes.CLD_EXITED ? Integer.toString(status) : Signals.TABLE.render(status))
                        .append(", si_utime=").append(clockTicks(s.rest().w32())).append(", si_stime=").append(clockTicks(s.rest().w40()));
            }
        } else if (SiCodes.hasFaultAddress(s.signo(), s.code())) {
            long addr = SiCodes.faultAddress(s.sender(), s.senderUid());
            sb.append(", si_addr=").append(addr == 0 ? "NULL" : StructLayouts.hex(addr));
        }
        return sb.append("} ---").toString();
    }

    /** siginfo's clock_t ticks count USER_HZ, 100 a second on Linux. */
    private static final long USER_HZ = 100;

    /** A CPU time in clock ticks as strace shows it: {@code 6 /* 0.06 s *}{@code /}, a 0 alone. */
    static String clockTicks(long ticks) {
        if (ticks == 0) return "0";
        return ticks + " /* " + Long.divideUnsigned(ticks, USER_HZ) + "." + String.format("%02d", Long.remainderUnsigned(ticks, USER_HZ))
                + " s */";
    }

    private String spawn(ProcessEvent.Spawn s) {
        return pdig(s.tid(), "spawn", "pid=" + s.pid() + " parent_tid=" + s.parentTid() + " parent_pid=" + s.parentPid()
                + " thread=" + s.thread() + " clone_flags=" + ProcessConsts.CLONE_FLAGS.render(s.cloneFlags()));
    }

    private String exec(ProcessEvent.Exec x) {
        StringBuilder sb = new StringBuilder();
        sb.append("exe=").append(x.exePath() == null ? "NULL" : ByteText.quote(x.exePath(), false));
        sb.append(" argv=").append(x.argv() == null ? "NULL" : ByteText.quoteList(x.argv(), x.argvTruncated()));
        sb.append(" cwd=").append(x.cwd() == null ? "NULL" : ByteText.quote(x.cwd(), false));
        if (x.uid() != null && x.uid().length > 1) sb.append(" uid=").append(x.uid()[0]).append(" euid=").append(x.uid()[1]);
        sb.append(" ppid=").append(x.ppid());
        if (x.formerTid() != x.tid()) sb.append(" former_tid=").append(x.formerTid());
        if (x.exeFromMemfd()) sb.append(" exe_from_memfd=true");
        return pdig(x.tid(), "exec", sb.toString());
    }

    private String notice(NoticeEvent n) {
        String text = n.message() + (n.count() != 1 ? " (count " + n.count() + ")" : "");
        return pdig(n.tid(), n.kind().name().toLowerCase(Locale.ROOT), text);
    }

    private String sessionStart(SessionEvent.Start s) {
        StringBuilder sb = new StringBuilder();
        sb.append("host=").append(quote(s.hostname()));
        sb.append(" boot_id=").append(quote(s.bootId()));
        sb.append(" version=").append(quote(s.pdigVersion()));
        sb.append(" schema=").append(s.schemaVersion());
        sb.append(" command=[");
        List<byte[]> cmd = s.command() == null ? List.of() : s.command();
        for (int i = 0; i < cmd.size(); i++) sb.append(i > 0 ? ", " : "").append(ByteText.quote(cmd.get(i), false));
        sb.append("] attach_pid=").append(s.attachPid());
        sb.append(" processes=").append(s.processes() == null ? 0 : s.processes().size());
        return pdig(s.tid(), "session_start", sb.toString());
    }

    private String sessionEnd(SessionEvent.End s) {
        StringBuilder sb = new StringBuilder();
        sb.append("exit_code=").append(s.exitCode());
        sb.append(" signal=").append(s.signal() == 0 ? "0" : Signals.TABLE.render(s.signal()));
        sb.append(" counters={");
        boolean first = true;
        if (s.counters() != null) {
            for (Map.Entry<String, Long> c : s.counters().entrySet()) {
                sb.append(first ? "" : ", ").append(c.getKey()).append('=').append(c.getValue());
                first = false;
            }
        }
        return pdig(s.tid(), "session_end", sb.append('}').toString());
    }

    private static String pdig(int tid, String kind, String text) {
        return tid + " [pdig: " + kind + ": " + text + "]";
    }

    private static String quote(String s) {
        return s == null ? "NULL" : ByteText.quote(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
    }
}

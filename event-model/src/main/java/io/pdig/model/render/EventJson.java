package io.pdig.model.render;

import io.pdig.model.consts.ArgNames;
import io.pdig.model.consts.Capabilities;
import io.pdig.model.consts.Errno;
import io.pdig.model.consts.FileConsts;
import io.pdig.model.consts.ProcessConsts;
import io.pdig.model.consts.SiCodes;
import io.pdig.model.consts.Signals;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.Syscall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JSON object per event, on one line, no trailing newline. Every object has "seq" (given by
 * the caller, e.g. the journal index), "ts" (ns since the epoch), "pid", "tid" and "evt": the
 * syscall name, or one of "spawn", "exec", "exit", "signal", "stopped", "notice",
 * "session_start", "session_end".
 *
 * <p><b>Syscalls</b> add "abi" ("x86_64", "i386", "x32"), "args", and "res" (the signed return
 * value, null when the exit was not observed) plus "error" (the errno name) when it failed, and
 * "duration_ns" (ns from its entry to its exit, strace's -T) when known (absent otherwise).
 * "args" is keyed by the row's Falco parameter names (unknown syscalls: arg0..arg5):
 * <ul>
 *   <li>kinds with a name table (flags, enums, signals): the strace-style name string
 *   ("O_RDONLY|O_CLOEXEC", "AF_INET", "SIGKILL"; unknown bits stay in hex, so it is lossless),
 *   and the number under the same key in the sibling object "args_raw". MODE is an octal string
 *   ("0644") with its number in "args_raw" too.</li>
 *   <li>fd, dirfd, pid, uid, gid, int: numbers (dirfd AT_FDCWD is -100); sizes: unsigned numbers;
 *   pointers and opaque words: hex strings ("0x7ffc1000", "0").</li>
 *   <li>paths and strings: text (see {@link ByteText#utf8Text}: invalid UTF-8 bytes become the
 *   four characters \xNN, and a backslash is doubled); a path's resolved absolute form goes under the same key in
 *   "args_resolved"; names of truncated strings/lists are listed in "args_truncated".</li>
 *   <li>I/O data (read/write/send/recv buffers): text as strings are, all the captured bytes
 *   (up to the snap length, not cut at the 32 bytes --print shows), the name in "args_truncated"
 *   when the call moved more than was captured; a failed read's buffer (nothing written) as its
 *   address, a hex string like other pointers. An iovec array (readv/writev family):
 *   [{"iov_base": text, "iov_len": n}...], a segment without bytes (unreadable, a failed read)
 *   with its base as a hex string, the name in "args_truncated" when a segment moved more than was
 *   captured or the caller passed more segments than were read. A struct msghdr (sendmsg, recvmsg):
 *   {msg_name, msg_namelen, msg_iov, msg_iovlen, msg_control, msg_controllen, msg_flags}, see
 *   {@link MsgHdrJson}; msg_iov as an iovec array is, and in "args_truncated" as it would be.</li>
 *   <li>argv: array of strings; fd pairs: [3,4]; socket addresses: objects from
 *   {@link SockAddrs#fields}; clone_args/open_how/capability data: objects of their fields with the
 *   words in "args_raw"; a struct stat read at the exit: {address, st_mode, st_rdev, st_size}; a struct sigaction:
 *   {address, sa_handler, sa_mask, sa_flags, sa_restorer}; a wait status: {address, status};
 *   a struct rlimit64: {address, rlim_cur, rlim_max}; getdents64's records: {address, entries};
 *   uname's struct: [sysname, nodename]; sysinfo's: {address, uptime, load0, ..., mem_unit};
 *   a struct statx: {address, stx_mask, stx_attributes, stx_mode, stx_size}; unreadable pointers: {"unreadable":"0x10","errno":"EFAULT"}; NULL: null.</li>
 * </ul>
 * <b>Process and session events</b> put their record fields at the top level under snake_case
 * names (see the per-kind methods). Stateless and thread-safe.
 */
public final class EventJson {

    public String toJson(long seq, Event e) {
        JsonOut j = new JsonOut().beginObject();
        j.key("seq").value(seq).key("ts").value(e.ts()).key("pid").value(e.pid()).key("tid").value(e.tid());
        if (e instanceof SyscallEvent s) {
            syscall(j, s);
        } else if (e instanceof ProcessEvent.Spawn s) {
            j.key("evt").value("spawn").key("parent_tid").value(s.parentTid()).key("parent_pid").value(s.parentPid())
                    .key("thread").value(s.thread())
                    .key("clone_flags").value(ProcessConsts.CLONE_FLAGS.render(s.cloneFlags()))
                    .key("clone_flags_raw").unsigned(s.cloneFlags());
        } else if (e instanceof ProcessEvent.Exec x) {
            j.key("evt").value("exec");
            exec(j, x);
        } else if (e instanceof ProcessEvent.Exit x) {
            j.key("evt").value("exit").key("exit_code").value(x.exitCode()).key("signal");
            if (x.signal() == 0) j.nul(); else j.value(Signals.TABLE.render(x.signal()));
            j.key("core_dumped").value(x.coreDumped()).key("thread_only").value(x.threadOnly());
        } else if (e instanceof ProcessEvent.Signal s) {
            j.key("evt").value("signal").key("signal").value(Signals.TABLE.render(s.signo())).key("signo").value(s.signo())
                    .key("code").value(SiCodes.render(s.signo(), s.code())).key("code_raw").value(s.code())
                    .key("sender").value(s.sender()).key("sender_uid").value(s.senderUid());
            if (SiCodes.isAboutChild(s.signo(), s.code()) && s.rest() != null) {
                // The child's exit code, or the signal that killed, stopped or continued it.
                int status = s.rest().childStatus();
                j.key("child_status");
                if (s.code() == SiCodes.CLD_EXITED) j.value(status); else j.value(Signals.TABLE.render(status));
                j.key("child_utime").value(s.rest().w32()).key("child_stime").value(s.rest().w40());
            }
        } else if (e instanceof ProcessEvent.Stopped s) {
            j.key("evt").value("stopped").key("signal").value(Signals.TABLE.render(s.signo())).key("signo").value(s.signo());
        } else if (e instanceof NoticeEvent n) {
            j.key("evt").value("notice").key("kind").value(n.kind().name().toLowerCase(Locale.ROOT))
                    .key("count").value(n.count()).key("message").value(n.message());
        } else if (e instanceof SessionEvent.Start s) {
            sessionStart(j, s);
        } else if (e instanceof SessionEvent.End s) {
            j.key("evt").value("session_end").key("exit_code").value(s.exitCode()).key("signal");
            if (s.signal() == 0) j.nul(); else j.value(Signals.TABLE.render(s.signal()));
            j.key("counters").beginObject();
            if (s.counters() != null) {
                for (Map.Entry<String, Long> c : new TreeMap<>(s.counters()).entrySet()) j.key(c.getKey()).value(c.getValue());
            }
            j.endObject();
        } else {
            throw new IllegalArgumentException("unknown event type " + e.getClass().getName());
        }
        return j.endObject().toString();
    }

    private void syscall(JsonOut j, SyscallEvent s) {
        Syscall row = s.syscall();
        j.key("evt").value(s.name()).key("abi").value(s.abi().name().toLowerCase(Locale.ROOT));
        ArgValue[] args = s.args();
        JsonOut raw = new JsonOut().beginObject();
        JsonOut resolved = new JsonOut().beginObject();
        List<String> truncated = new ArrayList<>();
        boolean anyRaw = false, anyResolved = false;
        j.key("args").beginObject();
        for (int i = 0; i < args.length; i++) {
            String name = row != null && i < row.args().size() ? row.args().get(i).name() : "arg" + i;
            ArgKind kind = row != null && i < row.args().size() ? row.args().get(i).kind() : ArgKind.HEX;
            ArgValue v = args[i];
            j.key(name);
            if (v instanceof ArgValue.Num n) {
                long val = n.value();
                if (row != null && kind != ArgKind.DIRFD && (ArgNames.table(row, i, args) != null || kind == ArgKind.MODE)) {
                    j.value(ArgText.of(row, args, i));
                    raw.key(name).value(ArgNames.normalize(kind, val));
                    anyRaw = true;
                } else {
                    number(j, kind, val);
                }
            } else if (v instanceof ArgValue.Path p) {
                j.value(ByteText.utf8Text(p.raw()));
                if (p.resolved() != null) {
                    resolved.key(name).value(ByteText.utf8Text(p.resolved()));
                    anyResolved = true;
                }
                if (p.truncated()) truncated.add(name);
            } else if (v instanceof ArgValue.Bytes b) {
                j.value(ByteText.utf8Text(b.bytes()));
                if (b.truncated()) truncated.add(name);
            } else if (v instanceof ArgValue.IoVec iov) {
                if (ioVec(j, iov)) truncated.add(name);
            } else if (v instanceof ArgValue.StrList l) {
                j.beginArray();
                for (int k = 0; k < l.items().size(); k++) {
                    // An item that could not be read has the same form as an unreadable argument.
                    if (l.isUnreadable(k)) j.beginObject().key("unreadable").value(StructLayouts.hex(l.unreadableAddress(k))).endObject();
                    else j.value(ByteText.utf8Text(l.items().get(k)));
                }
                j.endArray();
                if (l.truncated() || l.cutItems().length > 0) truncated.add(name);
            } else if (v instanceof ArgValue.MsgHdr m) {
                if (MsgHdrJson.write(j, m)) truncated.add(name);
            } else if (v instanceof ArgValue.MMsgHdrs m) {
                if (MMsgHdrJson.write(j, m)) truncated.add(name);
            } else if (v instanceof ArgValue.SockAddr a) {
                sockAddr(j, a.bytes());
            } else if (v instanceof ArgValue.FdPair f) {
                j.beginArray().value(f.first()).value(f.second()).endArray();
            } else if (v instanceof ArgValue.Words w) {
                words(j, kind, w.words());
                raw.key(name).beginArray();
                for (long x : w.words()) raw.unsigned(x);
                raw.endArray();
                anyRaw = true;
            } else if (v instanceof ArgValue.Unreadable u) {
                j.beginObject().key("unreadable").value(StructLayouts.hex(u.address()))
                        .key("errno").value(errnoName(u.errno())).endObject();
            } else {
                j.nul();
            }
        }
        j.endObject();
        if (anyRaw) j.key("args_raw").rawValue(raw.endObject().toString());
        if (anyResolved) j.key("args_resolved").rawValue(resolved.endObject().toString());
        if (!truncated.isEmpty()) {
            j.key("args_truncated").beginArray();
            for (String t : truncated) j.value(t);
            j.endArray();
        }
        j.key("res");
        if (!s.hasResult()) {
            j.nul();
        } else {
            j.value(s.res());
            if (s.failed()) j.key("error").value(errnoName((int) -s.res()));
        }
        if (s.hasDuration()) j.key("duration_ns").value(s.duration());
    }

    /**
     * An iovec array: [{iov_base, iov_len}...], each segment's captured bytes as text (as a data
     * buffer is), a segment without bytes (unreadable, a failed read) as its base's hex string.
     * True when some data is left out: a segment moved more than was captured, or the caller
     * passed more segments than were read.
     */
    /** A socket address as an object of {@link SockAddrs#fields}. */
    static void sockAddr(JsonOut j, byte[] bytes) {
        j.beginObject();
        for (Map.Entry<String, Object> f : SockAddrs.fields(bytes).entrySet()) {
            j.key(f.getKey());
            Object o = f.getValue();
            if (o instanceof Long l) j.value(l);
            else if (o instanceof Boolean b) j.value(b);
            else if (o instanceof byte[] b) j.value(ByteText.utf8Text(b));
            else j.value(String.valueOf(o));
        }
        j.endObject();
    }

    static boolean ioVec(JsonOut j, ArgValue.IoVec v) {
        boolean cut = Long.compareUnsigned(v.count(), v.bases().length) > 0;
        int[] captured = v.captured();
        int off = 0;
        j.beginArray();
        for (int i = 0; i < captured.length; i++) {
            j.beginObject().key("iov_base");
            if (captured[i] < 0) {
                j.value(StructLayouts.hex(v.bases()[i]));
            } else {
                j.value(ByteText.utf8Text(java.util.Arrays.copyOfRange(v.data(), off, off + captured[i])));
                off += captured[i];
                cut |= Long.compareUnsigned(captured[i], v.moved(i)) < 0;
            }
            j.key("iov_len").unsigned(v.lengths()[i]).endObject();
        }
        j.endArray();
        return cut;
    }

    private static String errnoName(int errno) {
        String n = Errno.name(errno);
        return n != null ? n : Integer.toString(errno);
    }

    private static void number(JsonOut j, ArgKind kind, long raw) {
        switch (kind) {
            case FD, DIRFD, PID, UID, GID, SIGNAL -> j.value(ArgNames.normalize(kind, raw));
            case INT -> j.value(ArgText.intValue(raw));
            case SIZE -> j.unsigned(raw);
            default -> j.value(StructLayouts.hex(raw));
        }
    }

    private static void words(JsonOut j, ArgKind kind, long[] w) {
        if (kind == ArgKind.ENVP && w.length == 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("vars").value(w[1]).endObject();
            return;
        }
        if ((kind == ArgKind.SIGSET || kind == ArgKind.SIGSET_OUT) && w.length == 1) {
            j.beginObject().key("mask").value(StructLayouts.hex(w[0])).key("signals").value(SigSets.strace(w[0])).endObject();
            return;
        }
        if (kind == ArgKind.LOFF_PTR && w.length == 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("value").value(w[1]).endObject();
            return;
        }
        if ((kind == ArgKind.TIMESPEC || kind == ArgKind.TIMESPEC_REM || kind == ArgKind.FUTEX_VAL2)
                && w.length == 3) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("tv_sec").value(w[1]).key("tv_nsec").value(w[2]).endObject();
            return;
        }
        if (kind == ArgKind.TIMESPEC_INOUT && (w.length == 3 || w.length == 5)) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("tv_sec").value(w[1]).key("tv_nsec").value(w[2]);
            if (w.length == 5) j.key("left").beginObject().key("tv_sec").value(w[3]).key("tv_nsec").value(w[4]).endObject();
            j.endObject();
            return;
        }
        if ((kind == ArgKind.GID_LIST_OUT || kind == ArgKind.GID_LIST) && w.length >= 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("count").value(w[1]).key("gids").beginArray();
            for (int k = 2; k < w.length; k++) j.value(w[k]);
            j.endArray().endObject();
            return;
        }
        if (kind == ArgKind.IOCTL_ARG && w.length == 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("value").value((int) w[1]).endObject();
            return;
        }
        if (kind == ArgKind.POLLFDS && w.length >= 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("nfds").value(w[1]).key("fds").beginArray();
            for (int k = 2; k < w.length; k++) {
                j.beginObject().key("fd").value(PollFds.fd(w[k])).key("events").value(FileConsts.POLL_EVENTS.render(PollFds.events(w[k])))
                        .key("revents").value(FileConsts.POLL_EVENTS.render(PollFds.revents(w[k]))).endObject();
            }
            j.endArray().endObject();
            return;
        }
        if (kind == ArgKind.CPU_SET_OUT && w.length >= 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("bytes").value(w[1]).key("words").beginArray();
            for (int k = 2; k < w.length; k++) j.value(StructLayouts.hex(w[k]));
            j.endArray().endObject();
            return;
        }
        if (kind == ArgKind.CLONE_PARENT_TID && w.length == 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("value").value((int) w[1]).endObject();
            return;
        }
        if (kind == ArgKind.SIGRETURN_MASK && w.length == 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("mask").value(StructLayouts.hex(w[1]))
                    .key("signals").value(SigSets.strace(w[1])).endObject();
            return;
        }
        if ((kind == ArgKind.SIGACTION || kind == ArgKind.SIGACTION_OUT) && w.length == 5) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("sa_handler").value(SigActions.handler(w[1]))
                    .key("sa_mask").value(SigSets.strace(w[4])).key("sa_flags").value(ProcessConsts.SA_FLAGS.render(w[2]))
                    .key("sa_restorer").value(StructLayouts.hex(w[3])).endObject();
            return;
        }
        if ((kind == ArgKind.RLIMIT || kind == ArgKind.RLIMIT_OUT) && w.length == 3) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("rlim_cur").unsigned(w[1])
                    .key("rlim_max").unsigned(w[2]).endObject();
            return;
        }
        if (kind == ArgKind.WAIT_STATUS_OUT && w.length == 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("status").value(WaitStatuses.strace(w[1]))
                    .endObject();
            return;
        }
        if ((kind == ArgKind.STACK_T || kind == ArgKind.STACK_T_OUT) && w.length == 4) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("ss_sp").value(StructLayouts.hex(w[1]))
                    .key("ss_flags").value(ProcessConsts.SS_FLAGS.render(w[2])).key("ss_size").unsigned(w[3]).endObject();
            return;
        }
        if (kind == ArgKind.ID_OUT && w.length == 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("value").value(w[1] & 0xffffffffL).endObject();
            return;
        }
        if (kind == ArgKind.STATFS_OUT && w.length == StatFs.WORDS) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("f_type").value(StatFs.type(w[1]));
            for (int k = 2; k < w.length; k++) {
                String f = StatFs.FIELDS.get(k - 1);
                if (f.equals("f_flags")) j.key(f).value(FileConsts.ST_FLAGS.render(w[k]));
                else if (f.equals("f_fsid")) j.key(f).beginArray().value(w[k] & 0xffffffffL).value(w[k] >>> 32).endArray();
                else j.key(f).unsigned(w[k]);
            }
            j.endObject();
            return;
        }
        if (kind == ArgKind.SYSINFO_OUT && w.length == SysInfos.WORDS) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0]));
            for (int k = 1; k < w.length; k++) j.key(SysInfos.FIELDS.get(k - 1)).unsigned(w[k]);
            j.endObject();
            return;
        }
        if (kind == ArgKind.DIRENTS_OUT && w.length == 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("entries").unsigned(w[1]).endObject();
            return;
        }
        if (kind == ArgKind.STATX_OUT && w.length == 5) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("stx_mask").value(FileConsts.STATX_MASKS.render(w[1]))
                    .key("stx_attributes").value(FileConsts.STATX_ATTRS.render(w[2])).key("stx_mode").value(StatBufs.mode(w[3]))
                    .key("stx_size").unsigned(w[4]).endObject();
            return;
        }
        if (kind == ArgKind.STAT_OUT && w.length == 4) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("st_mode").value(StatBufs.mode(w[1]))
                    .key("st_rdev").value(StatBufs.makedev(w[2])).key("st_size").unsigned(w[3]).endObject();
            return;
        }
        if (kind == ArgKind.EPOLL_EVENT && w.length == 3) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("events").value(FileConsts.EPOLL_EVENTS.render(w[1]))
                    .key("data").unsigned(w[2]).endObject();
            return;
        }
        if (kind == ArgKind.EPOLL_EVENTS_OUT && w.length >= 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("count").value(w[1]).key("events").beginArray();
            for (int k = 2; k + 1 < w.length; k += 2) {
                j.beginObject().key("events").value(FileConsts.EPOLL_EVENTS.render(w[k])).key("data").unsigned(w[k + 1]).endObject();
            }
            j.endArray().endObject();
            return;
        }
        if (kind == ArgKind.CLONE_ARGS_OUT && w.length == 3) {
            // what a clone3 wrote: each value, or null where nothing was read
            j.beginObject().key("pidfd");
            if ((w[2] & 1) != 0) j.value((int) w[0]); else j.nul();
            j.key("parent_tid");
            if ((w[2] & 2) != 0) j.value((int) w[1]); else j.nul();
            j.endObject();
            return;
        }
        if (kind == ArgKind.SIGEVENT && w.length == TimerText.SIGEVENT_WORDS) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("sigev_value").value(StructLayouts.hex(w[1]))
                    .key("sigev_signo").value(Signals.TABLE.render(w[2])).key("sigev_notify").value(ProcessConsts.SIGEV_NOTIFY.render(w[3]))
                    .key("union").beginArray().value(StructLayouts.hex(w[4])).value(StructLayouts.hex(w[5])).endArray().endObject();
            return;
        }
        if ((kind == ArgKind.ITIMERSPEC || kind == ArgKind.ITIMERSPEC_OUT) && w.length == TimerText.ITIMERSPEC_WORDS) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0]))
                    .key("it_interval").beginObject().key("tv_sec").value(w[1]).key("tv_nsec").value(w[2]).endObject()
                    .key("it_value").beginObject().key("tv_sec").value(w[3]).key("tv_nsec").value(w[4]).endObject().endObject();
            return;
        }
        if ((kind == ArgKind.NODEMASK || kind == ArgKind.NODEMASK_OUT) && w.length >= 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("longs").unsigned(w[1]).key("mask").beginArray();
            for (int k = 2; k < w.length; k++) j.value(StructLayouts.hex(w[k]));
            j.endArray().endObject();
            return;
        }
        if (kind == ArgKind.MPOL_MODE_OUT && w.length == 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("mode").value(MempolicyText.mode(w[1])).endObject();
            return;
        }
        if (kind == ArgKind.TIMESPEC_PAIR && w.length == UtimeText.WORDS) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("times").beginArray()
                    .beginObject().key("tv_sec").value(w[1]).key("tv_nsec").value(w[2]).endObject()
                    .beginObject().key("tv_sec").value(w[3]).key("tv_nsec").value(w[4]).endObject().endArray().endObject();
            return;
        }
        if (kind == ArgKind.CAP_HEADER && w.length == 3) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("version").value(ArgText.capVersion(w[1]))
                    .key("pid").value(w[2]).endObject();
            return;
        }
        if (kind == ArgKind.PRCTL_ARG && w.length == 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("value").value(w[1]).endObject();
            return;
        }
        if (kind == ArgKind.PRCTL_ARG && w.length == 3) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("len").value(w[1])
                    .key("filter").value(StructLayouts.hex(w[2])).endObject();
            return;
        }
        if (kind == ArgKind.SOCKOPT_VAL && w.length == 2) {
            j.beginObject().key("address").value(StructLayouts.hex(w[0])).key("value").value((int) w[1]).endObject();
            return;
        }
        if (!StructLayouts.known(kind)) {
            j.beginArray();
            for (long x : w) j.value(StructLayouts.hex(x));
            j.endArray();
            return;
        }
        j.beginObject();
        for (StructLayouts.Field f : StructLayouts.fields(kind, w)) {
            j.key(f.name());
            if (f.number() != null) j.unsigned(f.number()); else j.value(f.text());
        }
        j.endObject();
    }

    private static void strings(JsonOut j, List<byte[]> items) {
        j.beginArray();
        if (items != null) for (byte[] b : items) j.value(ByteText.utf8Text(b));
        j.endArray();
    }

    private static void exec(JsonOut j, ProcessEvent.Exec x) {
        j.key("former_tid").value(x.formerTid());
        j.key("exe").value(x.exePath() == null ? null : ByteText.utf8Text(x.exePath()));
        strings(j.key("argv"), x.argv());
        j.key("argv_truncated").value(x.argvTruncated());
        strings(j.key("env"), x.env());
        j.key("cwd").value(x.cwd() == null ? null : ByteText.utf8Text(x.cwd()));
        ints(j.key("uid"), x.uid());
        ints(j.key("gid"), x.gid());
        j.key("loginuid").value(x.loginUid()).key("tty").value(x.tty()).key("sid").value(x.sid())
                .key("pgid").value(x.pgid()).key("ppid").value(x.ppid());
        j.key("cgroup").value(x.cgroup() == null ? null : ByteText.utf8Text(x.cgroup()));
        j.key("caps");
        long[] caps = x.caps();
        if (caps == null) {
            j.nul();
        } else {
            String[] names = {"inheritable", "permitted", "effective"};
            j.beginObject();
            for (int i = 0; i < caps.length && i < 3; i++) j.key(names[i]).value(Capabilities.falco(caps[i]));
            j.endObject();
            j.key("caps_raw").beginArray();
            for (long c : caps) j.unsigned(c);
            j.endArray();
        }
        j.key("exe_from_memfd").value(x.exeFromMemfd()).key("exe_upper_layer").value(x.exeUpperLayer());
        // Absent (not null) when unknown, so journals before schema v6 dump as they did; "layer"
        // likewise only when known on overlayfs (schema v7), so v6's facts dump as they did.
        ProcessEvent.ExeFile f = x.exeFile();
        if (f != null) {
            j.key("exe_file").beginObject().key("ino").unsigned(f.ino()).key("ctime").value(f.ctimeNs())
                    .key("mtime").value(f.mtimeNs()).key("writable").value(f.writable()).key("overlay").value(f.overlay());
            if (f.layer() == ProcessEvent.Layer.UPPER) j.key("layer").value("upper");
            if (f.layer() == ProcessEvent.Layer.LOWER) j.key("layer").value("lower");
            j.endObject();
        }
        // Absent when unknown too (journals before schema v8 dump as they did).
        ProcessEvent.Memory m = x.memory();
        if (m != null) {
            j.key("memory").beginObject().key("vm_size_kb").value(m.sizeKb()).key("vm_rss_kb").value(m.rssKb())
                    .key("vm_swap_kb").value(m.swapKb()).endObject();
        }
    }

    private static void ints(JsonOut j, int[] v) {
        if (v == null) {
            j.nul();
            return;
        }
        j.beginArray();
        for (int x : v) j.value(x);
        j.endArray();
    }

    private void sessionStart(JsonOut j, SessionEvent.Start s) {
        j.key("evt").value("session_start").key("hostname").value(s.hostname()).key("boot_id").value(s.bootId())
                .key("pdig_version").value(s.pdigVersion()).key("schema_version").value(s.schemaVersion());
        j.key("command").beginArray();
        if (s.command() != null) for (byte[] c : s.command()) j.value(ByteText.utf8Text(c));
        j.endArray();
        j.key("attach_pid").value(s.attachPid());
        j.key("processes").beginArray();
        if (s.processes() != null) {
            for (SessionEvent.ProcessSnapshot p : s.processes()) {
                j.beginObject();
                ProcessEvent.Exec x = p.exec();
                j.key("pid").value(x.pid()).key("tid").value(x.tid());
                exec(j, x);
                j.key("fds").beginObject();
                if (p.fds() != null) {
                    for (Map.Entry<Integer, byte[]> f : new TreeMap<>(p.fds()).entrySet()) {
                        j.key(Integer.toString(f.getKey())).value(ByteText.utf8Text(f.getValue()));
                    }
                }
                j.endObject().endObject();
            }
        }
        j.endArray();
    }
}

package io.pdig.analyzer.state;

import io.pdig.analyzer.Analyzer;
import io.pdig.analyzer.dns.DomainNames;
import io.pdig.analyzer.fields.EvalContext;
import io.pdig.analyzer.fields.FieldDef;
import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.Arg;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallTable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthetic events for analyzer tests, built through the real syscall table, and a harness that
 * runs them through the real {@link Analyzer} and reads fields from the real registry.
 */
public final class TestEvents {
    public static final long T0 = 1_795_741_323_123_456_789L; // 2026-11-27T01:02:03.123456789Z

    private TestEvents() {
    }

    /** A completed syscall; args by Falco name: numbers, Strings (paths/strings), byte[] (sockaddr) or ArgValues. */
    public static SyscallEvent sys(long ts, int pid, int tid, String name, long res, Object... nameValues) {
        Syscall row = SyscallTable.byName(name);
        if (row == null) {
            throw new IllegalArgumentException("no syscall " + name);
        }
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            given.put((String) nameValues[i], nameValues[i + 1]);
        }
        ArgValue[] args = new ArgValue[row.args().size()];
        for (Arg a : row.args()) {
            Object v = given.remove(a.name());
            args[a.position()] = toArg(a.kind(), v);
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(name + " has no args " + given.keySet());
        }
        return new SyscallEvent(ts, tid, pid, Abi.X86_64, row.nr64(), res, true, args);
    }

    /** The same call as the tracer reports it when it skipped the exit stop: no result. */
    public static SyscallEvent entryOnly(SyscallEvent e) {
        return new SyscallEvent(e.ts(), e.tid(), e.pid(), e.abi(), e.nr(), 0, false, e.args());
    }

    public static SyscallEvent sys(int pid, String name, long res, Object... nameValues) {
        return sys(T0, pid, pid, name, res, nameValues);
    }

    private static ArgValue toArg(ArgKind kind, Object v) {
        if (v == null) {
            // what the tracer reads on its own (connect's "local") is Null when not read
            return kind.readsMemory() || !kind.isRegister() ? ArgValue.Null.INSTANCE : new ArgValue.Num(0);
        }
        if (v instanceof ArgValue a) return a;
        if (v instanceof Number n) return new ArgValue.Num(n.longValue());
        if (v instanceof byte[] b) return new ArgValue.SockAddr(b);
        if (v instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return kind == ArgKind.PATH ? new ArgValue.Path(b, null, false) : new ArgValue.Bytes(b, false);
        }
        throw new IllegalArgumentException("unsupported arg value " + v);
    }

    /** A path argument whose resolved form the tracer supplied. */
    public static ArgValue.Path path(String raw, String resolved) {
        return new ArgValue.Path(bytes(raw), resolved == null ? null : bytes(resolved), false);
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static ProcessEvent.Spawn fork(long ts, int parent, int child) {
        return new ProcessEvent.Spawn(ts, child, child, parent, parent, 0, false);
    }

    public static ProcessEvent.Spawn cloneWith(long ts, int parent, int child, long flags) {
        return new ProcessEvent.Spawn(ts, child, child, parent, parent, flags, false);
    }

    public static ProcessEvent.Spawn thread(long ts, int pid, int tid) {
        return new ProcessEvent.Spawn(ts, tid, pid, pid, pid, 0x10000, true);
    }

    /** Exec builder with sensible defaults (root on the host, no tty). */
    public static final class ExecBuilder {
        long ts = T0;
        int pid;
        String exePath;
        List<String> argv = new ArrayList<>();
        List<String> env = new ArrayList<>();
        String cwd = "/";
        int uid = 0;
        int gid = 0;
        int loginUid = -1;
        int tty = 0;
        int sid;
        int pgid;
        String cgroup = "0::/user.slice/user-0.slice/session-1.scope\n";
        long[] caps = {0, 0x1ffffffffffL, 0x1ffffffffffL};
        boolean memfd;
        int ppid;
        ProcessEvent.ExeFile exeFile;
        ProcessEvent.Memory memory;

        public ExecBuilder(int pid, String exePath, String... argv) {
            this.pid = pid;
            this.sid = pid;
            this.pgid = pid;
            this.exePath = exePath;
            this.argv.addAll(List.of(argv));
        }

        public ExecBuilder ts(long v) { ts = v; return this; }
        public ExecBuilder env(String... v) { env.addAll(List.of(v)); return this; }
        public ExecBuilder cwd(String v) { cwd = v; return this; }
        public ExecBuilder uid(int v) { uid = v; return this; }
        public ExecBuilder gid(int v) { gid = v; return this; }
        public ExecBuilder loginUid(int v) { loginUid = v; return this; }
        public ExecBuilder tty(int v) { tty = v; return this; }
        public ExecBuilder sid(int v) { sid = v; return this; }
        public ExecBuilder pgid(int v) { pgid = v; return this; }
        public ExecBuilder cgroup(String v) { cgroup = v; return this; }
        public ExecBuilder caps(long inh, long perm, long eff) { caps = new long[] {inh, perm, eff}; return this; }
        public ExecBuilder memfd(boolean v) { memfd = v; return this; }
        public ExecBuilder ppid(int v) { ppid = v; return this; }
        public ExecBuilder exeFile(ProcessEvent.ExeFile v) { exeFile = v; return this; }
        public ExecBuilder memory(long sizeKb, long rssKb, long swapKb) { memory = new ProcessEvent.Memory(sizeKb, rssKb, swapKb); return this; }

        public ProcessEvent.Exec build() {
            List<byte[]> a = new ArrayList<>();
            argv.forEach(s -> a.add(bytes(s)));
            List<byte[]> e = new ArrayList<>();
            env.forEach(s -> e.add(bytes(s)));
            return new ProcessEvent.Exec(ts, pid, pid, pid, bytes(exePath), a, false, e, bytes(cwd),
                    new int[] {uid, uid, uid, uid}, new int[] {gid, gid, gid, gid}, loginUid, tty, sid, pgid,
                    cgroup == null ? null : bytes(cgroup), caps, memfd, false, ppid, exeFile, memory);
        }
    }

    public static ExecBuilder exec(int pid, String exePath, String... argv) {
        return new ExecBuilder(pid, exePath, argv);
    }

    public static ProcessEvent.Exit exit(long ts, int pid) {
        return new ProcessEvent.Exit(ts, pid, pid, 0, 0, false, false);
    }

    public static SessionEvent.Start start(String host, SessionEvent.ProcessSnapshot... snaps) {
        return new SessionEvent.Start(T0 - 1_000, 1, 1, host, "boot", "0.1.0", 1, List.of(), 0, List.of(snaps));
    }

    /** struct sockaddr_in bytes. */
    public static byte[] inet4(String ip, int port) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 2);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) port);
        for (String part : ip.split("\\.")) {
            b.put((byte) Integer.parseInt(part));
        }
        return b.array();
    }

    /** struct sockaddr_in6 bytes. */
    public static byte[] inet6(byte[] addr16, int port) {
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 10);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) port);
        b.putInt(0);
        b.put(addr16);
        return b.array();
    }

    /** struct sockaddr_un bytes. */
    public static byte[] unix(String path) {
        byte[] p = bytes(path);
        ByteBuffer b = ByteBuffer.allocate(2 + p.length + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 1);
        b.put(p);
        b.put((byte) 0);
        return b.array();
    }

    /** Runs events through a real Analyzer and reads fields of the last evaluated event. */
    public static final class Harness {
        private final Analyzer analyzer;
        private EvalContext last;
        private long seq;
        public final List<String> evaluatedTypes = new ArrayList<>();

        public Harness() {
            this((DomainNames) null);
        }

        /** With the answers fd.*ip.name fields and checks read (null: no rule compares any name). */
        public Harness(DomainNames domainNames) {
            this(PasswdUserDirectory.parse(
                    "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice:/home/alice:/bin/zsh\n"
                            + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n",
                    "root:x:0:\nalice:x:1000:\nnogroup:x:65534:\n"), StateLimits.DEFAULT, domainNames);
        }

        public Harness(UserDirectory users, StateLimits limits) {
            this(users, limits, null);
        }

        private Harness(UserDirectory users, StateLimits limits, DomainNames domainNames) {
            analyzer = new Analyzer(users, limits, ctx -> {
                last = ctx;
                evaluatedTypes.add(((SyscallEvent) ctx.event()).name());
            }, domainNames);
        }

        /** Feeds events in order, sequence numbers from 1. */
        public Harness feed(Event... events) {
            for (Event e : events) {
                analyzer.process(++seq, e);
            }
            return this;
        }

        public Analyzer analyzer() {
            return analyzer;
        }

        public EvalContext last() {
            return last;
        }

        /** A field of the last evaluated event, written as in a rule: "proc.aname[2]", "evt.arg.flags". */
        public Object value(String field) {
            return extract(last, field);
        }

        public static Object extract(EvalContext ctx, String field) {
            FieldRegistry reg = FieldRegistry.standard();
            String name = field;
            String arg = null;
            int br = field.indexOf('[');
            if (br > 0 && field.endsWith("]")) {
                name = field.substring(0, br);
                arg = field.substring(br + 1, field.length() - 1);
            }
            FieldDef def = reg.lookup(name);
            if (def == null) {
                throw new IllegalArgumentException("unknown field " + field);
            }
            String[] split = reg.splitDottedArgument(name);
            if (split[1] != null) {
                arg = split[1];
            }
            return def.extract(ctx, arg);
        }
    }
}

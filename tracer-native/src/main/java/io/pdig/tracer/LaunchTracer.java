package io.pdig.tracer;

import io.pdig.model.driver.DriverException;
import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.event.EventSink;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Launch mode: spawns the command from the tracer thread under the seccomp filter and follows it.
 * See {@link Tracer} for the loop and docs/INTERNALS.md for the policies (orphans, exitkill).
 */
final class LaunchTracer extends Tracer {

    private final LaunchSpec spec;
    private final byte[] path;
    private final byte[] filter;
    private final int filterInsns;
    private long spawnHandle;
    private boolean started;

    LaunchTracer(LaunchSpec spec, byte[] resolvedPath, TracePolicy policy, EventSink sink, PtraceSession session) {
        super(sink, policy, false, spec.stringLimit(), spec.snapLen(), session);
        this.spec = spec;
        this.path = resolvedPath;
        var prog = SeccompPolicy.build(policy);
        this.filter = SeccompPolicy.encode(prog);
        this.filterInsns = prog.size();
    }

    @Override
    protected void setup() throws DriverException {
        long h = lib.pdig_spawn_new();
        if (h <= 0) throw new DriverException("cannot start " + spec.command().get(0) + ": out of memory");
        spawnHandle = h;
        check(lib.pdig_spawn_set_path(h, cstr(path)));
        for (int i = 0; i < spec.command().size(); i++) {
            check(lib.pdig_spawn_add_arg(h, cstr(spec.argBytes(i))));
        }
        if (spec.environment() != null) {
            check(lib.pdig_spawn_use_env(h));
            for (Map.Entry<String, String> e : spec.environment().entrySet()) {
                check(lib.pdig_spawn_add_env(h, cstr(e.getKey() + "=" + e.getValue())));
            }
        }
        if (spec.workDir() != null) {
            check(lib.pdig_spawn_set_cwd(h, cstr(spec.workDir().toString())));
        }
        check(lib.pdig_spawn_set_filter(h, filter, filterInsns));
        check(lib.pdig_spawn_set_signals(h, envMask("PDIG_ORIG_SIGIGN"), envMask("PDIG_ORIG_SIGMASK")));
        // Bits 0-2: stdin, stdout, stderr were closed when the ./pdig script started.
        check(lib.pdig_spawn_set_closed_stdio(h, (int) envMask("PDIG_CLOSED_STDIO") & 7));
        // Descriptors above 2 the ./pdig script inherited without close-on-exec: the caller's, passed on.
        int[] kept = keptFds(System.getenv("PDIG_KEPT_FDS"));
        check(lib.pdig_spawn_set_kept_fds(h, kept, kept.length));
        long options = Ptrace.O_TRACESYSGOOD | Ptrace.O_TRACEFORK | Ptrace.O_TRACEVFORK | Ptrace.O_TRACECLONE
                | Ptrace.O_TRACEEXEC | Ptrace.O_TRACESECCOMP | (spec.failOpen() ? 0 : Ptrace.O_EXITKILL);
        int pid = lib.pdig_spawn_start(h, options);
        if (pid < 0) {
            lib.pdig_spawn_free(h);
            spawnHandle = 0;
            throw new DriverException("cannot start " + spec.command().get(0) + ": " + Errno.message(-pid));
        }
        mainPid = pid;
        session.mainPid = pid;
        if (Boolean.getBoolean(PIN_PROPERTY)) {
            pinToCurrentCpu(pid);
        }
        ThreadState t = new ThreadState(pid, pid, ThreadState.Phase.RUNNING);
        t.announced = true;
        threads.put(pid, t);
        counters.tracees.incrementAndGet();
    }

    /**
     * System property: pin the tracer thread and the tracee (its descendants inherit the mask) to
     * one CPU. A stop is a wake-up of the other side; on one CPU there is no cross-CPU wake-up
     * (facts.md: about 1.2-1.4x faster), at the price of sharing that CPU.
     */
    static final String PIN_PROPERTY = "pdig.tracer.pin";

    private void pinToCurrentCpu(int pid) {
        int cpu = lib.pdig_current_cpu_of(0);
        if (cpu < 0) return;
        if (lib.pdig_set_affinity(0, cpu) == 0) {
            lib.pdig_set_affinity(pid, cpu);
        }
    }

    private static void check(int rc) throws DriverException {
        if (rc < 0) throw new DriverException("cannot prepare the tracee: " + Errno.message(-rc));
    }

    /** Hex bitmask (bit N-1 = signal N) exported by the ./pdig script; 0 when absent or malformed. */
    /** "3,7,9" (ascending, above 2) as ints; anything else in the list is left out. */
    static int[] keptFds(String list) {
        if (list == null || list.isBlank()) return new int[0];
        java.util.TreeSet<Integer> fds = new java.util.TreeSet<>();
        for (String item : list.split(",")) {
            try {
                int fd = Integer.parseInt(item.trim());
                if (fd > 2) fds.add(fd);
            } catch (NumberFormatException e) {
                // not written by the script: ignored
            }
        }
        return fds.stream().mapToInt(Integer::intValue).toArray();
    }

    static long envMask(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) return 0;
        try {
            String s = v.trim();
            if (s.startsWith("0x") || s.startsWith("0X")) s = s.substring(2);
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static byte[] cstr(String s) {
        return cstr(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] cstr(byte[] b) {
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return z;
    }

    @Override
    protected void onExec(ThreadState t) {
        if (t.tid == mainPid && !started) {
            started = true;
            freeSpawn();
            session.started();
        }
    }

    @Override
    protected boolean detachesOnFailure() {
        return spec.failOpen() && started; // before its exec, the command must not run untraced
    }

    @Override
    protected void mainEnded() {
        if (!started) {
            // The child died before its exec: report why (chdir, filter or exec failure).
            String why = spawnFailure();
            freeSpawn();
            session.startFailed(new DriverException(why));
            started = true;
        }
        if (!spec.waitForOrphans() && !threads.isEmpty()) {
            // Policy (INTERNALS.md): fail-closed kills what the main tracee left behind; fail-open detaches it.
            if (spec.failOpen()) {
                startDetachAll();
            } else {
                killAll();
            }
        }
    }

    private String spawnFailure() {
        if (spawnHandle == 0) return "cannot run " + spec.command().get(0);
        Pointer out = Memory.allocateDirect(NativeLibrary.runtime(), 16, true);
        lib.pdig_spawn_error(spawnHandle, out.address());
        int stage = (int) out.getLong(0);
        int errno = (int) out.getLong(8);
        String cmd = spec.command().get(0);
        switch (stage) {
            case 2:
                return "cannot change directory to " + spec.workDir() + ": " + Errno.message(errno);
            case 3:
                return "cannot install the seccomp filter: " + Errno.message(errno);
            case 4:
                return "cannot execute " + cmd + ": " + ExecFailure.reason(path, spec.workDir(), errno);
            case 0:
                return cmd + " died before it could be executed";
            default:
                return "cannot run " + cmd + " (setup stage " + stage + "): " + Errno.message(errno);
        }
    }

    private void freeSpawn() {
        if (spawnHandle != 0) {
            lib.pdig_spawn_free(spawnHandle);
            spawnHandle = 0;
        }
    }

    @Override
    protected void cleanup() {
        // Only after the child is gone or exec'd: it reads the request until execve.
        if (mainEnded || started) freeSpawn();
    }
}

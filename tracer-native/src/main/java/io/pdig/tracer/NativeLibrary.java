package io.pdig.tracer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * Loads libpdigtracer.so from the classpath (it ships inside the jar, async-profiler style) and
 * exposes its functions. The library is copied to a private temp directory, loaded, and the copy is
 * deleted at once (the mapping stays valid), so nothing is left behind even if the JVM is killed.
 *
 * <p>Every native function returns a value or {@code -errno}; {@link Errno} turns those into
 * messages. Signatures keep at most five arguments (jnr-ffi's x86 asm stubs corrupt a sixth).
 */
public final class NativeLibrary {

    /** The ABI version this Java code was written against; must equal the library's. */
    public static final int EXPECTED_ABI_VERSION = 13;

    private static final String RESOURCE = "/io/pdig/tracer/native/libpdigtracer.so";

    /** The C functions (see src/main/c/pdig.h for their contracts). */
    public interface Lib {
        int pdig_native_abi_version();

        long pdig_spawn_new();

        int pdig_spawn_set_path(long h, @In byte[] path);

        int pdig_spawn_add_arg(long h, @In byte[] arg);

        int pdig_spawn_add_env(long h, @In byte[] entry);

        int pdig_spawn_use_env(long h);

        int pdig_spawn_set_cwd(long h, @In byte[] cwd);

        int pdig_spawn_set_filter(long h, @In byte[] prog, int insns);

        int pdig_spawn_set_signals(long h, long ignored, long mask);

        int pdig_spawn_set_closed_stdio(long h, int mask);

        int pdig_spawn_set_kept_fds(long h, int[] fds, int count);

        int pdig_spawn_start(long h, long ptraceOptions);

        int pdig_spawn_error(long h, long out2);

        void pdig_spawn_free(long h);

        int pdig_next(long out, long spinNanos);

        int pdig_syscall_regs(int pid, long out);

        long pdig_ptrace(int request, int pid, long addr, long data);

        int pdig_kill(int pid, int sig);

        int pdig_tgkill(int tgid, int tid, int sig);

        int pdig_gettid();

        int pdig_install_wake_handler(int sig);

        int pdig_set_affinity(int tid, int cpu);

        int pdig_current_cpu_of(int tid);

        long pdig_read_mem(int pid, long remote, long local, long len);

        long pdig_read_str(int pid, long remote, long local, long max);

        int pdig_readlink_proc(int tid, int what, int fd, long buf, int len);

        long pdig_read_proc_files(int pid, @In byte[] names, int count, @In @Out int[] lens, long out, long cap);

        int pdig_sock_names(int pid, int tid, int fd, int want, long out);

        void pdig_die_by_signal(int sig);

        int pdig_mounts_watch();

        int pdig_mounts_watch_pid(int pid);

        int pdig_mounts_changed(int fd);

        long pdig_mounts_read(int fd, long buf, long cap);

        long pdig_mnt_ns(int pid);

        int pdig_mounts_unwatch(int fd);

        int pdig_lstat(@In byte[] path, @Out long[] out);

        int pdig_statfs(@In byte[] path, @Out long[] out);

        int pdig_sigpipe_install(long mask);

        int pdig_sigpipe_wait(int fd);

        int pdig_sigpipe_uninstall();

        int pdig_sigpipe_close();
    }

    private static volatile Lib lib;

    private NativeLibrary() {
    }

    /** The loaded library; loads it on first use. */
    public static Lib lib() {
        Lib l = lib;
        if (l == null) {
            synchronized (NativeLibrary.class) {
                l = lib;
                if (l == null) {
                    l = load();
                    lib = l;
                }
            }
        }
        return l;
    }

    /**
     * Starts loading the library on a daemon thread (jnr-ffi generates its call stubs, about
     * 0.1 s in a fresh JVM) so that it overlaps the launcher's option parsing. A failure here is
     * not reported: the next {@link #lib()} call loads again on its caller's thread and throws
     * there. Loading needs no particular thread; only ptrace calls are tied to the tracer thread.
     */
    public static void preload() {
        if (lib != null) return;
        Thread t = new Thread(() -> {
            try {
                lib();
            } catch (RuntimeException | LinkageError e) {
                // reported by the caller's own lib() call
            }
        }, "pdig-native-load");
        t.setDaemon(true);
        preloader = t;
        t.start();
    }

    /** The thread {@link #preload} started, until {@link #awaitPreload} has seen it end. */
    private static volatile Thread preloader;

    /**
     * Waits (at most 10 s) for a load that {@link #preload} started. Whoever ends the JVM calls this
     * first: the load copies the library to a temporary directory that only its own end removes, and
     * a command that fails fast (a usage error) otherwise exits while the copy exists, leaving the
     * directory behind (seen: 4 of 12 usage errors in a row).
     */
    public static void awaitPreload() {
        Thread t = preloader;
        if (t == null) return;
        boolean interrupted = false;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (t.isAlive() && System.nanoTime() < deadline) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (!t.isAlive()) preloader = null;
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The jnr runtime of the loaded library (for native memory allocation). */
    public static Runtime runtime() {
        return Runtime.getRuntime(lib());
    }

    /** The ABI version the native library reports, as a string for `pdig version`. */
    public static String abiVersion() {
        return Integer.toString(lib().pdig_native_abi_version());
    }

    private static Lib load() {
        // jnr-ffi's asm stubs pass garbage as a 6th primitive argument; the launcher and surefire
        // set this flag too, this covers embedders that forgot.
        if (System.getProperty("jnr.ffi.x86asm.enabled") == null) {
            System.setProperty("jnr.ffi.x86asm.enabled", "false");
        }
        try (InputStream in = NativeLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("native library missing from the classpath: " + RESOURCE);
            }
            Path dir = Files.createTempDirectory("pdig-native");
            Path so = dir.resolve("libpdigtracer.so");
            try {
                Files.copy(in, so, StandardCopyOption.REPLACE_EXISTING);
                Lib l = LibraryLoader.create(Lib.class).search(dir.toString()).failImmediately().load("pdigtracer");
                int v = l.pdig_native_abi_version();
                if (v != EXPECTED_ABI_VERSION) {
                    throw new IllegalStateException("native tracer ABI " + v + " but the Java side expects "
                            + EXPECTED_ABI_VERSION + " (stale libpdigtracer.so?)");
                }
                return l;
            } finally {
                Files.deleteIfExists(so);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the native tracer library", e);
        }
    }
}

package io.pdig.model.render;

import static io.pdig.model.render.Ev.b;
import static io.pdig.model.render.Ev.bytes;
import static io.pdig.model.render.Ev.n;
import static io.pdig.model.render.Ev.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.consts.Errno;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.SyscallTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agreement with the real strace: a C program makes known calls under {@code strace}; the test
 * builds the same calls as events (arguments from what the program passes, results and
 * kernel-written fds from the run) and expects StraceFormatter to print strace's very lines.
 * strace pads " = " to a column; that padding is removed before comparing.
 */
class StraceAgreementTest {

    private static final String PROGRAM = """
            #define _GNU_SOURCE
            #include <fcntl.h>
            #include <unistd.h>
            #include <stdio.h>
            #include <string.h>
            #include <stddef.h>
            #include <sys/syscall.h>
            #include <sys/socket.h>
            #include <sys/un.h>
            #include <netinet/in.h>
            #include <arpa/inet.h>
            #include <sys/mman.h>
            #include <sched.h>
            int main(void) {
                int p[2], sv[2];
                syscall(SYS_faccessat, AT_FDCWD, "/pdig-marker", F_OK);
                syscall(SYS_openat, AT_FDCWD, "/etc/hostname", O_RDONLY | O_CLOEXEC);
                syscall(SYS_openat, AT_FDCWD, "/nonexistent/x", O_RDONLY);
                int f1 = syscall(SYS_openat, AT_FDCWD, "f1", O_WRONLY | O_CREAT | O_TRUNC, 0640);
                syscall(SYS_openat, AT_FDCWD, "d1", O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
                syscall(SYS_mkdirat, AT_FDCWD, "d1", 0755);
                syscall(SYS_faccessat, AT_FDCWD, "/etc", R_OK | X_OK);
                syscall(SYS_access, "/etc", F_OK);
                syscall(SYS_renameat2, AT_FDCWD, "f1", AT_FDCWD, "f2", RENAME_NOREPLACE);
                syscall(SYS_fchmodat, AT_FDCWD, "f2", 0600);
                syscall(SYS_unlinkat, AT_FDCWD, "d1", AT_REMOVEDIR);
                syscall(SYS_dup3, f1, 20, O_CLOEXEC);
                syscall(SYS_pipe2, p, O_CLOEXEC | O_NONBLOCK);
                int s4 = syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
                struct sockaddr_in sin;
                memset(&sin, 0, sizeof sin);
                sin.sin_family = AF_INET;
                sin.sin_port = htons(1);
                sin.sin_addr.s_addr = htonl(0x7f000001);
                syscall(SYS_connect, s4, &sin, sizeof sin);
                int su = syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
                struct sockaddr_un sun;
                memset(&sun, 0, sizeof sun);
                sun.sun_family = AF_UNIX;
                strcpy(sun.sun_path, "/nonexistent.sock");
                syscall(SYS_connect, su, &sun, sizeof sun);
                memset(sun.sun_path, 0, sizeof sun.sun_path);
                memcpy(sun.sun_path + 1, "pdig-abs", 8);
                syscall(SYS_connect, su, &sun, offsetof(struct sockaddr_un, sun_path) + 9);
                int s6 = syscall(SYS_socket, AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
                struct sockaddr_in6 sin6;
                memset(&sin6, 0, sizeof sin6);
                sin6.sin6_family = AF_INET6;
                sin6.sin6_port = htons(1);
                sin6.sin6_addr = in6addr_loopback;
                syscall(SYS_connect, s6, &sin6, sizeof sin6);
                int mfd = syscall(SYS_memfd_create, "pdig", MFD_CLOEXEC | MFD_ALLOW_SEALING);
                syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
                syscall(SYS_kill, getpid(), 0);
                syscall(SYS_faccessat2, AT_FDCWD, "/nx", R_OK | W_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW);
                syscall(SYS_linkat, AT_FDCWD, "/nx", AT_FDCWD, "/ny", AT_SYMLINK_FOLLOW | AT_EMPTY_PATH);
                syscall(SYS_unshare, CLONE_NEWNS | CLONE_NEWUTS | CLONE_FILES | 0x1);
                syscall(SYS_mprotect, 0x10000, 0, PROT_READ | PROT_EXEC);
                syscall(SYS_close, 99);
                syscall(SYS_close, f1);
                printf("%d %d %d %d %d %d %d %d %d %d\\n", getpid(), f1, p[0], p[1], s4, su, s6, mfd, sv[0], sv[1]);
                return 0;
            }
            """;

    private static final String TRACED = "openat,close,socket,connect,pipe2,faccessat,faccessat2,mkdirat,unlinkat,"
            + "memfd_create,dup3,renameat2,kill,access,socketpair,fchmodat,linkat,unshare,mprotect";

    @Test
    void linesMatchStrace(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(run(List.of("sh", "-c", "command -v gcc && command -v strace"), dir) != null,
                "gcc or strace not installed");
        Files.writeString(dir.resolve("prog.c"), PROGRAM);
        assertTrue(run(List.of("gcc", "-o", "prog", "prog.c"), dir) != null, "compile failed");
        String out = run(List.of("strace", "-o", "trace.txt", "-e", "trace=" + TRACED, "-e", "signal=none", "./prog"), dir);
        assertTrue(out != null, "strace run failed");
        String[] v = out.strip().split(" ");
        int pid = Integer.parseInt(v[0]), f1 = Integer.parseInt(v[1]), p0 = Integer.parseInt(v[2]),
                p1 = Integer.parseInt(v[3]), s4 = Integer.parseInt(v[4]), su = Integer.parseInt(v[5]),
                s6 = Integer.parseInt(v[6]), sp0 = Integer.parseInt(v[8]), sp1 = Integer.parseInt(v[9]);

        List<String> lines = new ArrayList<>();
        boolean seen = false;
        for (String line : Files.readAllLines(dir.resolve("trace.txt"))) {
            seen |= line.contains("/pdig-marker");
            if (seen && !line.startsWith("+++")) lines.add(line.replaceAll("\\s+= ", " = "));
        }

        long cwd = -100;
        byte[] unixPath = new byte[110];
        unixPath[0] = 1;
        System.arraycopy(b("/nonexistent.sock"), 0, unixPath, 2, 17);
        byte[] in6 = new byte[28];
        in6[0] = 10;
        in6[3] = 1;
        in6[23] = 1;
        List<Object[]> calls = List.of(
                c("faccessat", n(cwd), path("/pdig-marker"), n(0)),
                c("openat", n(cwd), path("/etc/hostname"), n(02000000), n(0)),
                c("openat", n(cwd), path("/nonexistent/x"), n(0), n(0)),
                c("openat", n(cwd), path("f1"), n(01101), n(0640)),
                c("openat", n(cwd), path("d1"), n(0200000 | 0400000), n(0)),
                c("mkdirat", n(cwd), path("d1"), n(0755)),
                c("faccessat", n(cwd), path("/etc"), n(5)),
                c("access", path("/etc"), n(0)),
                c("renameat2", n(cwd), path("f1"), n(cwd), path("f2"), n(1)),
                c("fchmodat", n(cwd), path("f2"), n(0600)),
                c("unlinkat", n(cwd), path("d1"), n(0x200)),
                c("dup3", n(f1), n(20), n(02000000)),
                c("pipe2", new ArgValue.FdPair(p0, p1), n(02004000)),
                c("socket", n(2), n(1 | 02000000), n(6)),
                c("connect", n(s4), new ArgValue.SockAddr(Ev.inet(127, 0, 0, 1, 1)), n(16)),
                c("socket", n(1), n(2), n(0)),
                c("connect", n(su), new ArgValue.SockAddr(unixPath), n(110)),
                c("connect", n(su), new ArgValue.SockAddr(bytes(1, 0, 0, 'p', 'd', 'i', 'g', '-', 'a', 'b', 's')), n(11)),
                c("socket", n(10), n(2 | 04000 | 02000000), n(0)),
                c("connect", n(s6), new ArgValue.SockAddr(in6), n(28)),
                c("memfd_create", new ArgValue.Bytes(b("pdig"), false), n(3)),
                c("socketpair", n(1), n(1), n(0), new ArgValue.FdPair(sp0, sp1)),
                c("kill", n(pid), n(0)),
                c("faccessat2", n(cwd), path("/nx"), n(6), n(0x300)),
                c("linkat", n(cwd), path("/nx"), n(cwd), path("/ny"), n(0x1400)),
                c("unshare", n(0x4020401)),
                c("mprotect", n(0x10000), n(0), n(5)),
                c("close", n(99)),
                c("close", n(f1)));
        assertEquals(calls.size(), lines.size(), "strace lines:\n" + String.join("\n", lines));
        StraceFormatter f = new StraceFormatter();
        for (int i = 0; i < calls.size(); i++) {
            String strace = lines.get(i);
            SyscallEvent e = new SyscallEvent(1, pid, pid, Abi.X86_64, SyscallTable.byName((String) calls.get(i)[0]).nr64(),
                    result(strace), true, (ArgValue[]) calls.get(i)[1]);
            String ours = f.format(e);
            assertEquals(strace, ours.substring(ours.indexOf(' ') + 1));
        }
    }

    private static final String SIGNALS = """
            #include <signal.h>
            #include <unistd.h>
            #include <stdio.h>
            static void h(int s) { (void) s; }
            int main(int argc, char **argv) {
                signal(SIGUSR1, h);
                printf("%d\\n", getpid());
                fflush(stdout);
                kill(getpid(), SIGUSR1);
                if (argc > 1) kill(getpid(), SIGTERM);
                return 3;
            }
            """;

    @Test
    void signalAndExitLinesMatchStrace(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(run(List.of("sh", "-c", "command -v gcc && command -v strace"), dir) != null,
                "gcc or strace not installed");
        Files.writeString(dir.resolve("sig.c"), SIGNALS);
        assertTrue(run(List.of("gcc", "-o", "sig", "sig.c"), dir) != null, "compile failed");
        StraceFormatter f = new StraceFormatter();

        // exits with 3 after a caught SIGUSR1
        int pid = traceSig(dir, "a.txt", false);
        List<String> ours = List.of(
                f.format(new ProcessEvent.Signal(1, pid, pid, 10, 0, pid, 0)),
                f.format(new ProcessEvent.Exit(2, pid, pid, 3, 0, false, false)));
        assertEquals(Files.readAllLines(dir.resolve("a.txt")), withoutPrefix(ours));

        // killed by SIGTERM
        int pid2 = traceSig(dir, "b.txt", true);
        List<String> ours2 = List.of(
                f.format(new ProcessEvent.Signal(1, pid2, pid2, 10, 0, pid2, 0)),
                f.format(new ProcessEvent.Signal(2, pid2, pid2, 15, 0, pid2, 0)),
                f.format(new ProcessEvent.Exit(3, pid2, pid2, 0, 15, false, false)));
        assertEquals(Files.readAllLines(dir.resolve("b.txt")), withoutPrefix(ours2));
    }

    /** Runs ./sig under strace (whose exit status mirrors the tracee's, so it is not checked); the pid. */
    private static int traceSig(Path dir, String traceFile, boolean killed) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("strace", "-o", traceFile, "-e", "trace=none", "./sig"));
        if (killed) cmd.add("x");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "strace did not finish");
        return Integer.parseInt(out.strip());
    }

    private static List<String> withoutPrefix(List<String> lines) {
        return lines.stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
    }

    private static Object[] c(String name, ArgValue... args) {
        return new Object[] {name, args};
    }

    /** The kernel's return value from strace's " = N" or " = -1 ENAME (...)". */
    private static long result(String line) {
        String r = line.substring(line.lastIndexOf(") = ") + 4);
        if (r.startsWith("-1 ")) {
            String name = r.substring(3, r.indexOf(' ', 3));
            return -Errno.value(name);
        }
        return Long.decode(r.split(" ")[0]);
    }

    private static String run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", cmd) + " failed:\n" + text);
            return null;
        }
        return text;
    }
}

package io.pdig.model.consts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks every constant name of the tables against the machine's C headers and C library: a C
 * program is generated that prints each name's value (guarded by #ifdef, so names newer than the
 * installed headers are skipped) and strerror() of each errno, compiled with gcc and run.
 */
class ConstTablesMatchHeadersTest {

    /** Names whose C-library value differs from the kernel's on purpose. */
    private static final Set<String> DIFFERENT_IN_LIBC = Set.of(
            "O_LARGEFILE", // glibc defines it as 0 on 64-bit ABIs; the kernel bit is 0100000
            "SIGRTMIN", "SIGRTMAX"); // glibc's are functions of its reserved signals

    private static final String INCLUDES = """
            #define _GNU_SOURCE
            #include <errno.h>
            #include <string.h>
            #include <stdio.h>
            #include <signal.h>
            #include <fcntl.h>
            #include <unistd.h>
            #include <sched.h>
            #include <linux/sched.h>
            #include <sys/socket.h>
            #include <netinet/in.h>
            #include <netinet/tcp.h>
            #include <netinet/udp.h>
            #include <sys/ptrace.h>
            #include <sys/prctl.h>
            #include <linux/seccomp.h>
            #include <linux/capability.h>
            #include <sys/mman.h>
            #include <linux/memfd.h>
            #include <linux/openat2.h>
            #include <linux/fs.h>
            #include <sys/ioctl.h>
            #include <sys/resource.h>
            #include <asm/prctl.h>
            #include <sys/wait.h>
            #include <sys/stat.h>
            #include <sys/epoll.h>
            #include <sys/statvfs.h>
            #include <linux/magic.h>
            #include <sys/file.h>
            #include <linux/securebits.h>
            #include <linux/mempolicy.h>
            int main(void) {
            """;

    @Test
    void everyNameHasTheHeaderValue(@TempDir Path dir) throws Exception {
        Map<String, NameTable> tables = new LinkedHashMap<>();
        tables.put("errno", Errno.TABLE);
        tables.put("signal", Signals.TABLE);
        tables.put("si_code", SiCodes.GENERIC);
        SiCodes.perSignal().forEach((sig, t) -> tables.put("si_code " + sig, t));
        tables.put("open", FileConsts.OPEN_FLAGS);
        tables.put("open bits", FileConsts.OPEN_FLAG_BITS);
        tables.put("dirfd", FileConsts.DIRFD);
        tables.put("at", FileConsts.AT_FLAGS);
        tables.put("access", FileConsts.ACCESS_MODES);
        tables.put("fcntl", FileConsts.FCNTL_CMDS);
        tables.put("seek", FileConsts.SEEK_WHENCE);
        tables.put("ioctl", FileConsts.IOCTL_REQUESTS);
        tables.put("arch_prctl", ProcessConsts.ARCH_PRCTL_CODES);
        tables.put("rlimit", ProcessConsts.RLIMIT_RESOURCES);
        tables.put("sa_flags", ProcessConsts.SA_FLAGS);
        tables.put("wait", ProcessConsts.WAIT_OPTIONS);
        tables.put("statx flags", FileConsts.AT_FLAGS_STATX);
        tables.put("statx mask", FileConsts.STATX_MASKS);
        tables.put("statx attributes", FileConsts.STATX_ATTRS);
        tables.put("rename", FileConsts.RENAME_FLAGS);
        tables.put("memfd", FileConsts.MEMFD_FLAGS);
        tables.put("resolve", FileConsts.RESOLVE_FLAGS);
        tables.put("family", NetConsts.FAMILIES);
        tables.put("socktype", NetConsts.TYPE_AND_FLAGS);
        tables.put("proto", NetConsts.PROTOCOLS);
        tables.put("sol", SockoptConsts.LEVELS);
        tables.put("so", SockoptConsts.SOCKET_OPTIONS);
        tables.put("ip", SockoptConsts.IP_OPTIONS);
        tables.put("tcp", SockoptConsts.TCP_OPTIONS);
        tables.put("udp", SockoptConsts.UDP_OPTIONS);
        tables.put("ipv6", SockoptConsts.IPV6_OPTIONS);
        tables.put("msg", SockoptConsts.MSG_FLAGS);
        tables.put("clone", ProcessConsts.CLONE_FLAGS);
        tables.put("clone3", ProcessConsts.CLONE3_FLAGS);
        tables.put("ns", ProcessConsts.NS_FLAGS);
        tables.put("ptrace", ProcessConsts.PTRACE_REQUESTS);
        tables.put("prctl", ProcessConsts.PRCTL_OPTIONS);
        tables.put("seccomp", ProcessConsts.SECCOMP_OPS);
        tables.put("sigprocmask", ProcessConsts.SIGPROCMASK_HOW);
        tables.put("prot", MemoryConsts.PROT);
        tables.put("mmap", MemoryConsts.MAP_FLAGS);
        tables.put("madvise", MemoryConsts.MADV_ADVICE);
        tables.put("epoll_ctl", FileConsts.EPOLL_CTL_OPS);
        tables.put("epoll events", FileConsts.EPOLL_EVENTS);
        tables.put("fs magic", FileConsts.FS_MAGICS);
        tables.put("statfs flags", FileConsts.ST_FLAGS);
        tables.put("flock", FileConsts.FLOCK_OPS);
        tables.put("sigaltstack", ProcessConsts.SS_FLAGS);
        // prctl's argument values; SUID_DUMP_* and PIDTYPE_* are the kernel's own, in no UAPI header
        tables.put("PR_CAP_AMBIENT", PrctlConsts.CAP_AMBIENT_OPS);
        tables.put("securebits", PrctlConsts.SECBITS);
        tables.put("PR_TSC", PrctlConsts.TSC);
        tables.put("PR_UNALIGN", PrctlConsts.UNALIGN);
        tables.put("PR_FP_MODE", PrctlConsts.FP_MODE);
        tables.put("PR_SVE", PrctlConsts.SVE_VL);
        tables.put("PR_SME", PrctlConsts.SME_VL);
        tables.put("PR_SPEC which", PrctlConsts.SPEC_WHICH);
        tables.put("PR_SPEC ctrl", PrctlConsts.SPEC_CTRL);
        tables.put("PR_SPEC state", PrctlConsts.SPEC_STATE);
        tables.put("PR_MCE_KILL", PrctlConsts.MCE_KILL_OPS);
        tables.put("PR_MCE_KILL policy", PrctlConsts.MCE_KILL_POLICIES);
        tables.put("PR_SET_MM", PrctlConsts.SET_MM_OPS);
        tables.put("seccomp mode", PrctlConsts.SECCOMP_MODES);
        tables.put("PR_SET_VMA", PrctlConsts.VMA_ATTRS);
        tables.put("PR_SCHED_CORE", PrctlConsts.SCHED_CORE_OPS);
        tables.put("PR_SYS_DISPATCH", PrctlConsts.SYS_DISPATCH);
        tables.put("PR_PAC", PrctlConsts.PAC_KEYS);
        tables.put("capability version", Capabilities.VERSIONS);
        tables.put("sigev_notify", ProcessConsts.SIGEV_NOTIFY);
        // MPOL_DEFAULT... are an enum in linux/mempolicy.h, which #ifdef cannot see: not checked here
        tables.put("mempolicy mode flags", MemoryConsts.MPOL_MODE_FLAGS);
        tables.put("get_mempolicy flags", MemoryConsts.MPOL_GET_FLAGS);
        tables.put("mbind flags", MemoryConsts.MPOL_MBIND_FLAGS);

        Map<String, Long> expected = new HashMap<>();
        Map<String, List<String>> tablesOf = new HashMap<>();
        StringBuilder c = new StringBuilder(INCLUDES);
        for (Map.Entry<String, NameTable> t : tables.entrySet()) {
            for (Map.Entry<String, Long> e : t.getValue().entries().entrySet()) {
                String name = e.getKey();
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || DIFFERENT_IN_LIBC.contains(name)) continue;
                Long prev = expected.put(name, e.getValue());
                if (prev != null) assertEquals(prev, e.getValue(), name + " differs between tables");
                tablesOf.computeIfAbsent(name, k -> new ArrayList<>()).add(t.getKey());
            }
        }
        for (String name : expected.keySet()) {
            c.append("#ifdef ").append(name).append("\n  printf(\"V %s %lld\\n\", \"").append(name)
                    .append("\", (long long)(").append(name).append("));\n#endif\n");
        }
        for (String cap : Capabilities.BITS.entries().keySet()) {
            c.append("#ifdef ").append(cap).append("\n  printf(\"C %s %d\\n\", \"").append(cap).append("\", ")
                    .append(cap).append(");\n#endif\n");
        }
        for (String e : Errno.TABLE.names()) {
            c.append("#ifdef ").append(e).append("\n  printf(\"M %s %s\\n\", \"").append(e)
                    .append("\", strerror(").append(e).append("));\n#endif\n");
        }
        c.append("  return 0;\n}\n");
        Path src = dir.resolve("consts.c");
        Files.writeString(src, c);
        Path exe = dir.resolve("consts");
        Assumptions.assumeTrue(run(List.of("sh", "-c", "command -v gcc"), dir) != null, "gcc not installed");
        String compile = run(List.of("gcc", "-w", "-o", exe.toString(), src.toString()), dir);
        assertTrue(compile != null, "gcc failed on the generated program");
        String out = run(List.of(exe.toString()), dir);
        assertTrue(out != null, "generated program failed");

        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> checkedPerTable = new HashMap<>();
        int checked = 0;
        for (String line : out.split("\n")) {
            String[] f = line.split(" ", 3);
            if (f.length < 3) continue;
            switch (f[0]) {
                case "V" -> {
                    long want = expected.get(f[1]);
                    long got = Long.parseLong(f[2]);
                    if (want != got) mismatches.add(f[1] + ": table " + want + ", header " + got);
                    for (String t : tablesOf.get(f[1])) checkedPerTable.merge(t, 1, Integer::sum);
                    checked++;
                }
                case "C" -> {
                    long want = Capabilities.BITS.valueOf(f[1]).getAsLong();
                    if (want != Long.parseLong(f[2])) mismatches.add(f[1] + ": table " + want + ", header " + f[2]);
                    checked++;
                }
                case "M" -> {
                    int errno = Errno.value(f[1]);
                    if (!f[2].equals(Errno.message(errno))) {
                        mismatches.add(f[1] + " message: table '" + Errno.message(errno) + "', libc '" + f[2] + "'");
                    }
                }
                default -> { }
            }
        }
        assertEquals(List.of(), mismatches);
        for (String t : tables.keySet()) {
            if (t.equals("si_code 31")) continue; // SYS_SECCOMP is missing from older glibc headers
            assertTrue(checkedPerTable.getOrDefault(t, 0) > 0, "no name of table " + t + " found in the headers");
        }
        assertTrue(checked > 400, "only " + checked + " names were found in the headers");
    }

    /** Runs a command; its stdout, or null when it exits non-zero. */
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

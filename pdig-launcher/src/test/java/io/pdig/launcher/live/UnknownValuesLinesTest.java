package io.pdig.launcher.live;

import static io.pdig.launcher.live.PrintRuns.assertHas;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values no table names, as strace 6.1 shows them: the number in hex and its decoder's default in
 * a comment ({@code 0x63 /* AF_??? *}{@code /}, {@code 0x10 /* ?_OK *}{@code /}), a flag word's
 * unknown bits after its named ones without one ({@code MSG_DONTWAIT|0x100000}), for
 * test-programs/src/unknown_values.c (raw syscalls).
 */
class UnknownValuesLinesTest {

    private static final String CALLS = "openat,socket,setsockopt,lseek,madvise,fcntl,rt_sigprocmask,epoll_ctl,arch_prctl,prlimit64,getrandom,"
            + "faccessat,wait4,renameat2,statx,flock,epoll_create1,memfd_create,pipe2,preadv2,mprotect,clock_nanosleep,fadvise64,"
            + "seccomp,bpf,sendto";

    @TempDir
    Path tmp;

    /** strace's lines for some of them (the program's comment lists them all). */
    @Test
    void unknownValuesCarryStracesComment() throws Exception {
        List<String> l = new PrintRuns(tmp).run(CALLS, "unknown_values").lines();
        assertHas(l, "socket(0x63 /* AF_??? */, SOCK_STREAM, 0) = -1 EAFNOSUPPORT (Address family not supported by protocol)");
        assertHas(l, "socket(AF_INET, SOCK_DGRAM, 0x3e7 /* IPPROTO_??? */) = -1 EINVAL (Invalid argument)");
        assertHas(l, "setsockopt(3, SOL_SOCKET, 0x3e7 /* SO_??? */, NULL, 0) = -1 EINVAL (Invalid argument)");
        assertHas(l, "setsockopt(3, 0x3e7 /* SOL_?? */, 1, NULL, 0) = -1 ENOPROTOOPT (Protocol not available)");
        assertHas(l, "lseek(4, 0, 0xffffffff /* SEEK_??? */) = -1 EINVAL (Invalid argument)");
        assertHas(l, "fcntl(4, 0x3e7 /* F_??? */, 0) = -1 EINVAL (Invalid argument)");
        assertHas(l, "faccessat(AT_FDCWD, \"/\", 0x10 /* ?_OK */) = -1 EINVAL (Invalid argument)");
        assertHas(l, "wait4(-1, NULL, 0x1000 /* W??? */, NULL) = -1 EINVAL (Invalid argument)");
        assertHas(l, "fadvise64(4, 0, 0, 0x63 /* POSIX_FADV_??? */) = -1 EINVAL (Invalid argument)");
        assertHas(l, "sendto(3, \"a\", 1, 0x100000 /* MSG_??? */, NULL, 0) = -1 EDESTADDRREQ (Destination address required)");
        assertHas(l, "sendto(3, \"a\", 1, MSG_DONTWAIT|0x100000, NULL, 0) = -1 EDESTADDRREQ (Destination address required)");
    }

    /** Every line of these calls is strace's own for the same program (libc's start-up calls included). */
    @Test
    void unknownValueLinesAreStracesLines() throws Exception {
        new PrintRuns(tmp).assertLinesAreStraces(CALLS, "unknown_values", x -> !x.startsWith("+++"),
                x -> !x.startsWith("+++") && !x.startsWith("[pdig"), x -> x.replaceAll("0x[0-9a-f]{9,}", "ADDR"), -33);
    }
}

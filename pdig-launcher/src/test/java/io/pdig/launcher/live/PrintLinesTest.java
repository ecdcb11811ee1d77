package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `pdig run --print` lines of real test programs, as strace 6 prints the same calls (strace's
 * lines are in each test's comment, taken from {@code strace -f -qq --seccomp-bpf -e trace=...}
 * runs of the same program; pdig prefixes the tid where strace writes [pid N]). Every run also
 * keeps a journal, and {@code pdig dump} of it must print the very lines --print wrote live.
 */
class PrintLinesTest {

    @TempDir
    Path tmp;

    /** The --print lines of one run, each without its "TID " prefix, and what the program printed. */
    private record Printed(List<String> lines, String stdout) {
    }

    private List<String> printed(String syscalls, String program, String... options) throws Exception {
        return run(syscalls, program, options).lines();
    }

    /** {@link #printed} with every hex number (an address, different in each run) written ADDR. */
    private List<String> printedWithoutAddresses(String syscalls, String program, String... options) throws Exception {
        return printed(syscalls, program, options).stream().map(x -> x.replaceAll("0x[0-9a-f]+", "ADDR")).toList();
    }

    /** Runs a test program under --print and --journal, and checks that dump prints the same lines ({@link PrintRuns#run}). */
    private Printed run(String syscalls, String program, String... options) throws Exception {
        PrintRuns.Printed p = new PrintRuns(tmp).run(syscalls, program, options);
        return new Printed(p.lines(), p.stdout());
    }

    /** {@link PrintRuns#stracedLines}: strace's lines for the program, skipped without strace. */
    private List<String> stracedLines(String set, String program, String... args) throws Exception {
        return new PrintRuns(tmp).stracedLines(set, program, args);
    }

    /** {@link PrintRuns#assertLinesAreStraces}. */
    private void assertLinesAreStraces(String set, String program, Predicate<String> straceKeeps, Predicate<String> pdigKeeps,
            UnaryOperator<String> mask, int straceCount) throws Exception {
        new PrintRuns(tmp).assertLinesAreStraces(set, program, straceKeeps, pdigKeeps, mask, straceCount);
    }

    private static void assertHas(List<String> lines, String expected) {
        PrintRuns.assertHas(lines, expected);
    }

    /** strace's text of a resource limit the program printed: RLIM64_INFINITY, N*1024 for a multiple of 1024, or the number. */
    private static String rlimit(String printed) {
        java.math.BigInteger v = new java.math.BigInteger(printed);
        if (v.equals(java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE))) return "RLIM64_INFINITY";
        java.math.BigInteger k = java.math.BigInteger.valueOf(1024);
        return v.compareTo(k) > 0 && v.mod(k).signum() == 0 ? v.divide(k) + "*1024" : printed;
    }

    /** The first argument of the first line that starts with {@code prefix(}. */
    private static String firstArg(List<String> lines, String prefix) {
        for (String l : lines) {
            if (l.startsWith(prefix + "(")) return l.substring(prefix.length() + 1, l.indexOf(','));
        }
        throw new AssertionError("no " + prefix + " line in:\n" + String.join("\n", lines));
    }

    /**
     * execve's envp is shown as strace shows it, with the number of variables:
     * <pre>
     * execve("/bin/true", ["true"], 0x7ffc... /* 1 var *&#47;) = 0
     * execve("/bin/true", ["true"], 0x7ffc... /* 0 vars *&#47;) = 0
     * </pre>
     * and `pdig dump` prints the same from the journal.
     */
    @Test
    void execveShowsHowManyEnvironmentVariablesItPasses() throws Exception {
        Path journal = tmp.resolve("j");
        Path print = tmp.resolve("print.txt");
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "--journal", journal.toString(), "--print", print.toString(),
                "--syscalls", "execve", "--", "sh", "-c", "env -i A=1 true; env -i true; env -i A=1 B=2 C=3 true");
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> lines = Files.readAllLines(print);
        List<String> toTrue = lines.stream().filter(x -> x.contains(" execve(") && x.contains("true\", [\"true\"], ")).toList();
        assertEquals(3, toTrue.size(), String.join("\n", lines));
        assertTrue(toTrue.get(0).matches("\\d+ execve\\(.*, 0x[0-9a-f]+ /\\* 1 var \\*/\\) = 0"), toTrue.get(0));
        assertTrue(toTrue.get(1).matches("\\d+ execve\\(.*, 0x[0-9a-f]+ /\\* 0 vars \\*/\\) = 0"), toTrue.get(1));
        assertTrue(toTrue.get(2).matches("\\d+ execve\\(.*, 0x[0-9a-f]+ /\\* 3 vars \\*/\\) = 0"), toTrue.get(2));
        Pdig.Result dump = Pdig.run(tmp, "dump", journal.toString());
        assertEquals(0, dump.exitCode(), dump.transcript());
        for (String l : toTrue) assertTrue(dump.stdout().lines().anyMatch(l::equals), l + " not in dump:\n" + dump.stdout());
    }

    /**
     * Data buffers of the read/write family as strace 6.1 prints them (these lines are strace's
     * own for test-programs/src/io_data.c, addresses written ADDR): the first 32 bytes in quotes
     * with C escapes and minimal octal (three digits before a digit), {@code ...} when the call
     * moved more; a failed read's buffer and an unreadable one as their address.
     */
    @Test
    void ioDataIsShownAsStraceShowsIt() throws Exception {
        List<String> calls = printedWithoutAddresses("read,write,pread64,pwrite64", "io_data").stream()
                .filter(l -> !l.startsWith("[pdig: exec") && !l.startsWith("pread64(3,")
                        && !l.startsWith("read(3, \"\\177ELF")).toList();
        assertEquals(List.of(
                "write(4, \"hello\\n\", 6) = 6",
                "read(3, \"hello\\n\", 256) = 6",
                "write(4, \"a\\0b\\33c\\n\\t\\r\\v\\f\\\"\\\\\\177\\200\\377x\", 16) = 16",
                "read(3, \"a\\0b\\33c\\n\\t\\r\\v\\f\\\"\\\\\\177\\200\\377x\", 256) = 16",
                "write(4, \"\\0001\\08\", 4) = 4",
                "read(3, \"\\0001\\08\", 256) = 4",
                "write(4, \"0123456789abcdefghijklmnopqrstuv\"..., 40) = 40",
                "read(3, \"0123456789abcdefghijklmnopqrstuv\"..., 256) = 40",
                "write(4, \"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF\"..., 100) = 100",
                "read(3, \"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF\"..., 256) = 100",
                "pwrite64(5, \"xyz\", 3, 5) = 3",
                "pread64(5, \"\\0xyz\", 16, 4) = 4",
                "read(99, ADDR, 10) = -1 EBADF (Bad file descriptor)",
                "write(4, ADDR, 5) = -1 EFAULT (Bad address)",
                "+++ exited with 0 +++"), calls);
    }

    /**
     * The same program under strace itself: every read/write-family line pdig prints (the dynamic
     * loader's reads of libc included) is strace's line, once the run-dependent addresses are
     * masked, strace's pid prefix (-f) and its column padding before " = " removed, and pdig's own
     * exec note left out. Skipped without strace.
     */
    @Test
    void ioDataLinesAreStracesLines() throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(strace), "strace is not installed");
        String set = "read,write,pread64,pwrite64";
        Path bin = Pdig.repoRoot().resolve("test-programs/target/bin/io_data");
        Path out = tmp.resolve("strace.txt");
        Process p = new ProcessBuilder(strace.toString(), "-f", "-qq", "-e", "trace=" + set, "-o", out.toString(),
                bin.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("strace.out").toFile()).start();
        assertEquals(0, p.waitFor());
        List<String> straced = Files.readAllLines(out).stream()
                .map(l -> l.replaceFirst("^\\d+ +", "").replaceAll(" +=( |$)", " =$1").replaceAll("0x[0-9a-f]+", "ADDR"))
                .toList();
        List<String> pdig = printedWithoutAddresses(set, "io_data").stream()
                .filter(l -> !l.startsWith("+++") && !l.startsWith("[pdig: exec")).toList();
        assertEquals(straced, pdig);
    }

    private static final String IOVECS = "readv,writev,preadv,pwritev,preadv2,pwritev2";

    /**
     * The iovec calls as strace 6.1 prints them (test-programs/src/io_vectors.c; these are strace's
     * lines, addresses written ADDR): each segment's data as a buffer's (32 bytes, then ...), a
     * read's result split over its segments ("" for one it did not reach), at most 32 segments
     * then ..., an unreadable segment or array and a failed read's segments as addresses.
     * One difference by design: the default snap length (80) covers the first writev of 50 + 50
     * bytes only up to 30 bytes of its second segment, shown with ... (strace shows 32).
     */
    @Test
    void iovecsAreShownAsStraceShowsThem() throws Exception {
        List<String> calls = printedWithoutAddresses(IOVECS, "io_vectors").stream()
                .filter(l -> !l.startsWith("[pdig: exec")).toList();
        StringBuilder forty = new StringBuilder("writev(4, [");
        for (int i = 0; i < 32; i++) {
            forty.append(i > 0 ? ", " : "").append("{iov_base=\"").append((char) ('a' + i % 26)).append((char) ('0' + i % 10))
                    .append("\", iov_len=2}");
        }
        forty.append(", ...], 40) = 80");
        String hello = "[{iov_base=\"hello\", iov_len=5}, {iov_base=\" world\\n\", iov_len=7}], 2";
        assertEquals(List.of(
                "writev(4, " + hello + ") = 12",
                "readv(3, [{iov_base=\"hel\", iov_len=3}, {iov_base=\"lo world\\n\", iov_len=10}], 2) = 12",
                "readv(3, [{iov_base=\"abc\", iov_len=3}, {iov_base=\"\", iov_len=10}], 2) = 3",
                forty.toString(),
                "readv(3, [{iov_base=\"a0b1c2d3e4f5g6h7i8j9k0l1m2n3o4p5\"..., iov_len=80}], 1) = 80",
                "writev(4, [{iov_base=\"" + "B".repeat(32) + "\"..., iov_len=50}, {iov_base=\"" + "C".repeat(30)
                        + "\"..., iov_len=50}], 2) = 100",
                "readv(3, [{iov_base=\"" + "B".repeat(10) + "\", iov_len=10}, {iov_base=\"" + "B".repeat(32)
                        + "\"..., iov_len=100}, {iov_base=\"\", iov_len=100}], 3) = 100",
                "writev(4, [], 0) = 0",
                "writev(4, [{iov_base=\"ok\", iov_len=2}, {iov_base=ADDR, iov_len=3}], 2) = -1 EFAULT (Bad address)",
                "writev(4, ADDR, 2) = -1 EFAULT (Bad address)",
                "readv(99, [{iov_base=ADDR, iov_len=3}, {iov_base=ADDR, iov_len=10}], 2) = -1 EBADF (Bad file descriptor)",
                "pwritev(5, " + hello + ", 0) = 12",
                "preadv(5, [{iov_base=\"ell\", iov_len=3}, {iov_base=\"o world\\n\", iov_len=10}], 2, 1) = 11",
                "pwritev2(5, " + hello + ", 0, RWF_APPEND) = 12",
                "preadv2(5, [{iov_base=\"hel\", iov_len=3}, {iov_base=\"lo world\\nh\", iov_len=10}], 2, -1, 0) = 13",
                "+++ exited with 0 +++"), calls);
        // dump --json: the segments as text (all captured bytes), a cut one named in args_truncated
        Pdig.Result json = Pdig.run(tmp, "dump", "--json", tmp.resolve("j").toString());
        assertEquals(0, json.exitCode(), json.transcript());
        assertTrue(json.stdout().contains("\"iov\":[{\"iov_base\":\"hello\",\"iov_len\":5},{\"iov_base\":\" world\\n\",\"iov_len\":7}]"),
                json.stdout());
        assertTrue(json.stdout().lines().anyMatch(l -> l.contains("\"iov_base\":\"" + "C".repeat(30) + "\"")
                && l.contains("\"args_truncated\":[\"iov\"]")), json.stdout());
    }

    /**
     * The same program under strace itself: every iovec line is strace's, with --snaplen 256 so
     * that every segment's shown 32 bytes were captured. Skipped without strace.
     */
    @Test
    void iovecLinesAreStracesLines() throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(strace), "strace is not installed");
        Path bin = Pdig.repoRoot().resolve("test-programs/target/bin/io_vectors");
        Path out = tmp.resolve("strace.txt");
        Process p = new ProcessBuilder(strace.toString(), "-f", "-qq", "-e", "trace=" + IOVECS, "-o", out.toString(),
                bin.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("strace.out").toFile()).start();
        assertEquals(0, p.waitFor());
        List<String> straced = Files.readAllLines(out).stream()
                .map(l -> l.replaceFirst("^\\d+ +", "").replaceAll(" +=( |$)", " =$1").replaceAll("0x[0-9a-f]+", "ADDR"))
                .toList();
        List<String> pdig = printedWithoutAddresses(IOVECS, "io_vectors", "--snaplen", "256").stream()
                .filter(l -> !l.startsWith("+++") && !l.startsWith("[pdig: exec")).toList();
        assertEquals(straced, pdig);
    }

    private static final String MSGS = "sendmsg,recvmsg";

    /** The ports the kernel chose (different in each run), written PORT. */
    private static String withoutPorts(String line) {
        return line.replaceAll("htons\\(\\d+\\)", "htons(PORT)");
    }

    /**
     * sendmsg and recvmsg's msghdr as strace 6.1 prints it (test-programs/src/msg_calls.c; these
     * are strace's lines, the kernel's ports written PORT): msg_name as an address or NULL,
     * recvmsg's msg_namelen changed by the kernel as {@code 128 => 16}, msg_iov as an iovec array
     * (recvmsg's result split over its segments), msg_control only when msg_controllen is not 0
     * (SCM_RIGHTS with its fds), the output msg_flags (MSG_TRUNC); a failed recvmsg as its
     * msg_namelen only, an unreadable msghdr as its address. dump prints the same lines (run());
     * dump --json has msg_iov in the iovec form and the control message's fds.
     */
    @Test
    void msghdrsAreShownAsStraceShowsThem() throws Exception {
        List<String> calls = printed(MSGS, "msg_calls").stream().filter(l -> !l.startsWith("[pdig: exec"))
                .map(PrintLinesTest::withoutPorts).toList();
        String lo = "{sa_family=AF_INET, sin_port=htons(PORT), sin_addr=inet_addr(\"127.0.0.1\")}";
        String fd3 = "msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}], msg_controllen=24";
        assertEquals(List.of(
                "sendmsg(4, {msg_name=" + lo + ", msg_namelen=16, msg_iov=[{iov_base=\"hello\", iov_len=5}, "
                        + "{iov_base=\" udp\", iov_len=4}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 9",
                "sendmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"xyz\", iov_len=3}], msg_iovlen=1, "
                        + "msg_controllen=0, msg_flags=0}, 0) = 3",
                "recvmsg(3, {msg_name=" + lo + ", msg_namelen=128 => 16, msg_iov=[{iov_base=\"hell\", iov_len=4}, "
                        + "{iov_base=\"o udp\", iov_len=16}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 9",
                "recvmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"xy\", iov_len=2}], msg_iovlen=1, "
                        + "msg_controllen=0, msg_flags=MSG_TRUNC}, 0) = 2",
                "sendmsg(5, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"xyz\", iov_len=3}], msg_iovlen=1, "
                        + fd3 + ", msg_flags=0}, 0) = 3",
                "recvmsg(6, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"xyz\", iov_len=16}], msg_iovlen=1, "
                        + fd3.replace("[3]", "[7]") + ", msg_flags=0}, 0) = 3",
                "recvmsg(99, {msg_namelen=16}, 0) = -1 EBADF (Bad file descriptor)",
                "sendmsg(4, 0x10, 0) = -1 EFAULT (Bad address)",
                "recvmsg(3, 0x10, MSG_DONTWAIT) = -1 EFAULT (Bad address)",
                "+++ exited with 0 +++"), calls);
        Pdig.Result json = Pdig.run(tmp, "dump", "--json", tmp.resolve("j").toString());
        assertEquals(0, json.exitCode(), json.transcript());
        assertTrue(json.stdout().contains("\"msg_iov\":[{\"iov_base\":\"hello\",\"iov_len\":5},{\"iov_base\":\" udp\",\"iov_len\":4}]"),
                json.stdout());
        assertTrue(json.stdout().contains("\"msg_control\":[{\"cmsg_len\":20,\"cmsg_level\":\"SOL_SOCKET\",\"cmsg_type\":\"SCM_RIGHTS\",\"cmsg_data\":[7]}]"),
                json.stdout());
        assertTrue(json.stdout().contains("\"msg\":{\"msg_namelen\":16}"), json.stdout());
    }

    /**
     * The same program under strace itself: every sendmsg/recvmsg line is strace's (the ports,
     * the kernel's choice in each run, written PORT). Skipped without strace.
     */
    @Test
    void msghdrLinesAreStracesLines() throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(strace), "strace is not installed");
        Path bin = Pdig.repoRoot().resolve("test-programs/target/bin/msg_calls");
        Path out = tmp.resolve("strace.txt");
        Process p = new ProcessBuilder(strace.toString(), "-f", "-qq", "-e", "trace=" + MSGS, "-o", out.toString(),
                bin.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("strace.out").toFile()).start();
        assertEquals(0, p.waitFor());
        List<String> straced = Files.readAllLines(out).stream()
                .map(l -> withoutPorts(l.replaceFirst("^\\d+ +", "").replaceAll(" +=( |$)", " =$1"))).toList();
        List<String> pdig = printed(MSGS, "msg_calls").stream()
                .filter(l -> !l.startsWith("+++") && !l.startsWith("[pdig: exec")).map(PrintLinesTest::withoutPorts).toList();
        assertEquals(straced, pdig);
    }

    private static final String MMSGS = "sendmmsg,recvmmsg";

    /**
     * A line of mmsg_calls with the kernel's ports written PORT, addresses ADDR, and what a 5 s
     * timeout had left (it depends on the time the call took) written {@code (left {...})}.
     */
    private static String mmsgLine(String line) {
        String x = withoutPorts(line).replaceAll("0x[0-9a-f]+", "ADDR");
        return x.contains("{tv_sec=5, tv_nsec=0}) = ") ? x.replaceAll("\\(left \\{tv_sec=\\d+, tv_nsec=\\d+\\}\\)$", "(left {...})") : x;
    }

    /** strace's {@code {msg_hdr=...}} of a message whose msghdr is {@code hdr}, with its msg_len when not null. */
    private static String mmsg(String hdr, Integer len) {
        return "{msg_hdr={" + hdr + "}" + (len != null ? ", msg_len=" + len : "") + "}";
    }

    /**
     * sendmmsg and recvmmsg's vectors as strace 6.1 prints them (test-programs/src/mmsg_calls.c;
     * these are strace's lines, the kernel's ports written PORT, addresses ADDR): each message's
     * msghdr as sendmsg's and recvmsg's, msg_len where the kernel wrote one (sendmmsg: the messages
     * it sent), recvmmsg's messages as many as it received, each message's bytes split over its
     * segments; the timeout as passed and the time left after the result ({@code (left {...})}, a
     * 0 as {@code (Timeout)}); 32 messages then {@code ...}; a vector that runs into unmapped
     * memory with strace's {@code ... /* ADDR *}{@code /}; a failed sendmmsg with its messages
     * and no msg_len, a failed recvmmsg and an unreadable vector as the address. dump prints the
     * same lines (run()); dump --json has each message as a msghdr object with its msg_len.
     */
    @Test
    void mmsghdrVectorsAreShownAsStraceShowsThem() throws Exception {
        List<String> calls = printed(MMSGS, "mmsg_calls").stream().filter(l -> !l.startsWith("[pdig: exec"))
                .map(PrintLinesTest::mmsgLine).toList();
        String lo = "msg_name={sa_family=AF_INET, sin_port=htons(PORT), sin_addr=inet_addr(\"127.0.0.1\")}";
        String helloUdp = "msg_iov=[{iov_base=\"hello\", iov_len=5}, {iov_base=\" udp\", iov_len=4}], msg_iovlen=2";
        String xyz = "msg_iov=[{iov_base=\"xyz\", iov_len=3}], msg_iovlen=1";
        String none = "msg_name=NULL, msg_namelen=0, ";
        String tail = ", msg_controllen=0, msg_flags=0";
        String[] sentToLo = {lo + ", msg_namelen=16, " + helloUdp + tail, lo + ", msg_namelen=16, " + xyz + tail};
        StringBuilder many = new StringBuilder(), manyIn = new StringBuilder();
        for (int k = 0; k < 32; k++) {
            many.append(mmsg(none + "msg_iov=[{iov_base=\"m\", iov_len=1}], msg_iovlen=1" + tail, 1)).append(", ");
            manyIn.append(mmsg(none + "msg_iov=[{iov_base=\"m\", iov_len=2}], msg_iovlen=1" + tail, 1)).append(", ");
        }
        String unixServer = "msg_name={sa_family=AF_UNIX, sun_path=\"mmsg-server.sock\"}, msg_namelen=19, ";
        String unixClient = "msg_name={sa_family=AF_UNIX, sun_path=\"mmsg-client.sock\"}, msg_namelen=110 => 19, ";
        String fd3 = ", msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}], msg_controllen=24, msg_flags=0";
        assertEquals(List.of(
                "sendmmsg(4, [" + mmsg(sentToLo[0], 9) + ", " + mmsg(sentToLo[1], 3) + "], 2, 0) = 2",
                "recvmmsg(3, [" + mmsg(lo + ", msg_namelen=128 => 16, msg_iov=[{iov_base=\"hell\", iov_len=4}, "
                        + "{iov_base=\"o udp\", iov_len=16}], msg_iovlen=2" + tail, 9) + ", "
                        + mmsg(lo + ", msg_namelen=128 => 16, msg_iov=[{iov_base=\"xyz\", iov_len=4}, {iov_base=\"\", iov_len=16}], "
                        + "msg_iovlen=2" + tail, 3) + "], 2, 0, NULL) = 2",
                "sendmmsg(4, [" + mmsg(none + "msg_iov=[{iov_base=\"a\", iov_len=1}], msg_iovlen=1" + tail, 1) + ", "
                        + mmsg(none + "msg_iov=[{iov_base=\"bb\", iov_len=2}], msg_iovlen=1" + tail, 2) + ", "
                        + mmsg(none + "msg_iov=[{iov_base=\"ccc\", iov_len=3}], msg_iovlen=1" + tail, 3) + "], 3, 0) = 3",
                "recvmmsg(3, [" + mmsg(none + "msg_iov=[{iov_base=\"a\", iov_len=4}, {iov_base=\"\", iov_len=16}], msg_iovlen=2" + tail, 1)
                        + "], 4, 0, {tv_sec=0, tv_nsec=0}) = 1 (left {tv_sec=0, tv_nsec=0})",
                "recvmmsg(3, [" + mmsg(none + "msg_iov=[{iov_base=\"bb\", iov_len=4}, {iov_base=\"\", iov_len=16}], msg_iovlen=2" + tail, 2)
                        + ", " + mmsg(none + "msg_iov=[{iov_base=\"ccc\", iov_len=4}, {iov_base=\"\", iov_len=16}], msg_iovlen=2" + tail, 3)
                        + "], 4, MSG_WAITFORONE, {tv_sec=5, tv_nsec=0}) = 2 (left {...})",
                "sendmmsg(4, [" + mmsg(none + xyz + tail, 3) + ", " + mmsg(none + "msg_iov=ADDR, msg_iovlen=1" + tail, null)
                        + "], 2, 0) = 1",
                "sendmmsg(4, [" + mmsg(none + xyz + tail, 3) + ", ... /* ADDR */], 3, 0) = 1",
                "recvmmsg(3, [" + mmsg(none + "msg_iov=[{iov_base=\"xyz\", iov_len=4}, {iov_base=\"\", iov_len=16}], msg_iovlen=2" + tail, 3)
                        + ", " + mmsg(none + "msg_iov=[{iov_base=\"xyz\", iov_len=4}, {iov_base=\"\", iov_len=16}], msg_iovlen=2" + tail, 3)
                        + "], 4, MSG_WAITFORONE, NULL) = 2",
                "sendmmsg(4, [" + many + "...], 33, 0) = 33",
                "recvmmsg(3, [" + manyIn + "...], 33, 0, NULL) = 33",
                "sendmmsg(4, [], 0, 0) = 0",
                "recvmmsg(3, [], 0, 0, NULL) = 0 (Timeout)",
                "sendmmsg(6, [" + mmsg(unixServer + xyz + fd3, 3) + ", " + mmsg(unixServer + helloUdp + tail, 9) + "], 2, 0) = 2",
                "recvmmsg(5, [" + mmsg(unixClient + "msg_iov=[{iov_base=\"xyz\", iov_len=4}, {iov_base=\"\", iov_len=16}], msg_iovlen=2"
                        + fd3.replace("[3]", "[7]"), 3) + ", " + mmsg(unixClient + "msg_iov=[{iov_base=\"hell\", iov_len=4}, "
                        + "{iov_base=\"o udp\", iov_len=16}], msg_iovlen=2" + tail, 9) + "], 2, 0, NULL) = 2",
                "sendmmsg(99, [" + mmsg(sentToLo[0], null) + ", " + mmsg(sentToLo[1], null) + "], 2, 0) = -1 EBADF (Bad file descriptor)",
                "recvmmsg(99, ADDR, 2, 0, NULL) = -1 EBADF (Bad file descriptor)",
                "sendmmsg(4, ADDR, 2, 0) = -1 EFAULT (Bad address)",
                "recvmmsg(3, ADDR, 2, MSG_DONTWAIT, NULL) = -1 EFAULT (Bad address)",
                "+++ exited with 0 +++"), calls);
        Pdig.Result json = Pdig.run(tmp, "dump", "--json", tmp.resolve("j").toString());
        assertEquals(0, json.exitCode(), json.transcript());
        assertTrue(json.stdout().contains("\"msgvec\":[{\"msg_hdr\":{\"msg_name\":null,\"msg_namelen\":0,\"msg_iov\":[{\"iov_base\":\"a\","
                + "\"iov_len\":4},{\"iov_base\":\"\",\"iov_len\":16}],\"msg_iovlen\":2,\"msg_control\":null,\"msg_controllen\":0,"
                + "\"msg_flags\":0},\"msg_len\":1}]"), json.stdout());
        assertTrue(json.stdout().contains("\"timeout\":{\"address\":"), json.stdout());
        assertTrue(json.stdout().contains("\"tv_sec\":0,\"tv_nsec\":0,\"left\":{\"tv_sec\":0,\"tv_nsec\":0}}"), json.stdout());
        assertTrue(json.stdout().lines().anyMatch(l -> l.contains("\"evt\":\"sendmmsg\"") && l.contains("\"res\":33")
                && l.contains("\"args_truncated\":[\"msgvec\"]")), json.stdout());
    }

    /**
     * The same program under strace itself: every sendmmsg/recvmmsg line is strace's (the ports,
     * addresses and the time the 5 s timeout had left, different in each run, written as in
     * {@link #mmsgLine}; strace runs in its own directory, where the program binds its unix
     * sockets). Skipped without strace.
     */
    @Test
    void mmsghdrLinesAreStracesLines() throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(strace), "strace is not installed");
        Path bin = Pdig.repoRoot().resolve("test-programs/target/bin/mmsg_calls");
        Path dir = Files.createDirectory(tmp.resolve("under-strace"));
        Path out = tmp.resolve("strace.txt");
        Process p = new ProcessBuilder(strace.toString(), "-f", "-qq", "-e", "trace=" + MMSGS, "-o", out.toString(),
                bin.toString()).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("strace.out").toFile()).start();
        assertEquals(0, p.waitFor());
        List<String> straced = Files.readAllLines(out).stream()
                .map(l -> mmsgLine(l.replaceFirst("^\\d+ +", "").replaceAll(" +=( |$)", " =$1"))).toList();
        List<String> pdig = printed(MMSGS, "mmsg_calls").stream()
                .filter(l -> !l.startsWith("+++") && !l.startsWith("[pdig: exec")).map(PrintLinesTest::mmsgLine).toList();
        assertEquals(straced, pdig);
    }

    /**
     * Socket option levels and names, and MSG_ flags, as strace names them (the option value is
     * shown as its address, where strace reads it: {@code [1]}):
     * <pre>
     * setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0
     * setsockopt(3, SOL_TCP, TCP_NODELAY, [1], 4) = 0
     * setsockopt(3, SOL_IP, IP_TTL, [1], 4) = 0
     * setsockopt(3, SOL_IPV6, IPV6_V6ONLY, [1], 4) = -1 ENOPROTOOPT (Protocol not available)
     * setsockopt(3, SOL_IP, IP_TTL, [64], 4)  = 0
     * setsockopt(3, SOL_SOCKET, SO_RCVBUF, [-2], 4) = 0
     * setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, 8) = 0
     * setsockopt(3, SOL_SOCKET, SO_REUSEADDR, 0x8, 4) = -1 EFAULT (Bad address)
     * sendto(4, "x", 1, MSG_DONTWAIT|MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(9), ...}, 16) = 1
     * recvfrom(4, 0x7ffc..., 4, MSG_PEEK|MSG_DONTWAIT, NULL, NULL) = -1 EAGAIN (...)
     * </pre>
     * The datagram's data is shown as strace shows it; the failed peek's buffer as its address
     * (nothing was written). An unknown level is strace's {@code 0x3e7 /* SOL_?? *&#47;}, its option a number.
     * An int option (optlen 4) shows its value; pdig shows other option values (SO_LINGER's struct)
     * as their address, as it does an unreadable one.
     */
    @Test
    void socketOptionsAndMessageFlagsAreNamed() throws Exception {
        List<String> calls = printedWithoutAddresses("setsockopt,sendto,recvfrom", "sockopts");
        assertHas(calls, "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
        assertHas(calls, "setsockopt(3, SOL_TCP, TCP_NODELAY, [1], 4) = 0");
        assertHas(calls, "setsockopt(3, SOL_IP, IP_TTL, [1], 4) = 0");
        assertHas(calls, "setsockopt(3, SOL_IPV6, IPV6_V6ONLY, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
        assertHas(calls, "setsockopt(3, ADDR /* SOL_?? */, 5, [1], 4) = -1 ENOPROTOOPT (Protocol not available)"); // 0x3e7
        assertHas(calls, "setsockopt(3, SOL_IP, IP_TTL, [64], 4) = 0");
        assertHas(calls, "setsockopt(3, SOL_SOCKET, SO_RCVBUF, [-2], 4) = 0");
        assertHas(calls, "setsockopt(3, SOL_SOCKET, SO_LINGER, ADDR, 8) = 0");
        assertHas(calls, "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, ADDR, 4) = -1 EFAULT (Bad address)");
        assertHas(calls, "sendto(4, \"x\", 1, MSG_DONTWAIT|MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(9), "
                + "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 1");
        assertHas(calls, "recvfrom(4, ADDR, 4, MSG_PEEK|MSG_DONTWAIT, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)");
    }

    /**
     * A SIGCHLD about a child carries the child's status and CPU times, which strace shows:
     * <pre>
     * --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=C1, si_uid=0, si_status=3, si_utime=0, si_stime=0} ---
     * --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=C2, si_uid=0, si_status=SIGTERM, si_utime=0, si_stime=0} ---
     * --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_STOPPED, si_pid=C3, si_uid=0, si_status=SIGSTOP, si_utime=0, si_stime=0} ---
     * --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_CONTINUED, si_pid=C3, si_uid=0, si_status=SIGCONT, si_utime=0, si_stime=0} ---
     * --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=C3, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---
     * </pre>
     * The times are the child's clock ticks: compared as numbers, not as 0.
     */
    @Test
    void childSignalsShowTheChildsStatusAndTimes() throws Exception {
        Printed p = run("wait4", "child_status");
        List<String> children = p.stdout().lines().filter(x -> x.startsWith("child ")).map(x -> x.substring(6)).toList();
        assertEquals(3, children.size(), p.stdout());
        String[][] expected = {
            {children.get(0), "CLD_EXITED", "3"},
            {children.get(1), "CLD_KILLED", "SIGTERM"},
            {children.get(2), "CLD_STOPPED", "SIGSTOP"},
            {children.get(2), "CLD_CONTINUED", "SIGCONT"},
            {children.get(2), "CLD_EXITED", "0"},
        };
        List<String> sigchld = p.lines().stream().filter(x -> x.startsWith("--- SIGCHLD ")).toList();
        assertEquals(expected.length, sigchld.size(), String.join("\n", p.lines()));
        for (int i = 0; i < expected.length; i++) {
            String want = "--- SIGCHLD \\{si_signo=SIGCHLD, si_code=" + expected[i][1] + ", si_pid=" + expected[i][0]
                    + ", si_uid=0, si_status=" + expected[i][2] + ", si_utime=\\d+( /\\*[^*]*\\*/)?, si_stime=\\d+( /\\*[^*]*\\*/)?\\} ---";
            assertTrue(sigchld.get(i).matches(want), sigchld.get(i) + " does not match " + want);
        }
    }

    /**
     * strace names real-time signals SIGRTMIN (32) and SIGRT_1..SIGRT_32 (33..64), in arguments,
     * delivery lines and "killed by" lines alike:
     * <pre>
     * kill(P, SIGRT_1) = 0 ... tgkill(P, P, SIGRT_8) = 0
     * tkill(P, SIGRT_31) = 0
     * [pid C] --- SIGRT_1 {si_signo=SIGRT_1, si_code=SI_USER, si_pid=C, si_uid=0} ---
     * [pid C] +++ killed by SIGRT_1 +++
     * </pre>
     */
    @Test
    void realTimeSignalsAreNamedAsStraceNamesThem() throws Exception {
        List<String> l = printed("kill,tgkill,tkill", "rt_signals");
        String p = firstArg(l, "kill");
        assertHas(l, "kill(" + p + ", SIGRT_1) = 0");
        assertHas(l, "kill(" + p + ", SIGRT_2) = 0");
        assertHas(l, "kill(" + p + ", SIGRT_32) = 0");
        assertHas(l, "tgkill(" + p + ", " + p + ", SIGRT_8) = 0");
        assertHas(l, "tkill(" + p + ", SIGRT_31) = 0");
        String c = l.stream().filter(s -> s.startsWith("kill(") && !s.startsWith("kill(" + p + ",")).findFirst()
                .map(s -> s.substring(5, s.indexOf(','))).orElseThrow(() -> new AssertionError(String.join("\n", l)));
        assertHas(l, "kill(" + c + ", SIGRT_1) = 0");
        assertHas(l, "--- SIGRT_1 {si_signo=SIGRT_1, si_code=SI_USER, si_pid=" + c + ", si_uid=0} ---");
        assertHas(l, "+++ killed by SIGRT_1 +++");
    }

    /**
     * clone3's pidfd, child_tid, parent_tid and tls are shown only under the flags that make the
     * kernel use them; stack is a pointer (NULL), stack_size hex; after the struct, what the
     * kernel wrote through pidfd and parent_tid, a parent_tid it could not write as its address.
     * strace 6:
     * <pre>
     * clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88) = N
     * clone3({flags=CLONE_PIDFD, pidfd=0x55.., exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {pidfd=[3]}, 88) = N
     * clone3({flags=CLONE_PARENT_SETTID, parent_tid=0x55.., exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {parent_tid=[N]}, 88) = N
     * clone3({flags=CLONE_CHILD_SETTID, child_tid=0x55.., exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88) = N
     * clone3({flags=CLONE_PIDFD|CLONE_PARENT_SETTID, pidfd=0x55.., parent_tid=0x55.., exit_signal=SIGCHLD, stack=NULL,
     *     stack_size=0} => {pidfd=[3], parent_tid=[N]}, 88) = N
     * clone3({flags=CLONE_PARENT_SETTID, parent_tid=0x8, exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {parent_tid=0x8}, 88) = N
     * clone3({flags=CLONE_VM|...|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f..,
     *     parent_tid=0x7f.., exit_signal=0, stack=0x7f.., stack_size=0x7fff80, tls=0x7f..} => {parent_tid=[N]}, 88) = N
     * </pre>
     */
    @Test
    void clone3ShowsPointerFieldsOnlyUnderTheirFlags() throws Exception {
        Printed p = run("clone3", "clone3_fields");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pidfd (0x\\w+) child_tid (0x\\w+) parent_tid (0x\\w+)")
                .matcher(p.stdout());
        assertTrue(m.find(), p.stdout());
        String pidfd = m.group(1), ctid = m.group(2), ptid = m.group(3);
        List<String> c = p.lines().stream().filter(s -> s.startsWith("clone3(")).map(PrintLinesTest::withoutChildIds).toList();
        assertEquals(7, c.size(), String.join("\n", p.lines()));
        assertEquals("clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88) = N", c.get(0));
        assertEquals("clone3({flags=CLONE_PIDFD, pidfd=" + pidfd + ", exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {pidfd=[3]}, 88) = N",
                c.get(1));
        assertEquals("clone3({flags=CLONE_PARENT_SETTID, parent_tid=" + ptid
                + ", exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {parent_tid=[N]}, 88) = N", c.get(2));
        assertEquals("clone3({flags=CLONE_CHILD_SETTID, child_tid=" + ctid
                + ", exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88) = N", c.get(3));
        assertEquals("clone3({flags=CLONE_PIDFD|CLONE_PARENT_SETTID, pidfd=" + pidfd + ", parent_tid=" + ptid
                + ", exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {pidfd=[3], parent_tid=[N]}, 88) = N", c.get(4));
        assertEquals("clone3({flags=CLONE_PARENT_SETTID, parent_tid=0x8, exit_signal=SIGCHLD, stack=NULL, stack_size=0}"
                + " => {parent_tid=0x8}, 88) = N", c.get(5));
        assertTrue(c.get(6).matches("clone3\\(\\{flags=CLONE_VM\\|.*\\|CLONE_SETTLS\\|CLONE_PARENT_SETTID\\|CLONE_CHILD_CLEARTID,"
                + " child_tid=0x\\w+, parent_tid=0x\\w+, exit_signal=0, stack=0x\\w+, stack_size=0x[0-9a-f]+, tls=0x\\w+\\}"
                + " => \\{parent_tid=\\[N\\]\\}, 88\\) = N"), c.get(6));
        // the child's tid the kernel wrote is the call's result
        for (String l : p.lines()) {
            java.util.regex.Matcher w = java.util.regex.Pattern.compile("parent_tid=\\[(\\d+)\\]\\}, 88\\) = (\\d+)$").matcher(l);
            if (w.find()) assertEquals(w.group(2), w.group(1), l);
        }
    }

    /**
     * The same program under strace itself: every clone3 line is strace's, child ids written N
     * and addresses ADDR (each run has its own). Skipped without strace.
     */
    @Test
    void clone3LinesAreStracesLines() throws Exception {
        assertLinesAreStraces("clone3", "clone3_fields", l -> l.startsWith("clone3("), l -> l.startsWith("clone3("),
                l -> withoutChildIds(l).replaceAll("0x[0-9a-f]+", "ADDR"), -1);
    }

    /** A fork-like call's line with the new task's id (its result, and what the kernel wrote: [1234]) written N. */
    private static String withoutChildIds(String line) {
        return line.replaceAll(" = \\d+$", " = N").replaceAll("\\[\\d{2,}\\]", "[N]");
    }

    /**
     * Fault signals sent by the kernel show si_addr, as strace 6 does:
     * <pre>
     * [pid C] --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x1234} ---
     * [pid C] --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x100000001234} ---
     * [pid C] --- SIGTRAP {si_signo=SIGTRAP, si_code=SI_KERNEL, si_addr=NULL} ---
     * </pre>
     */
    @Test
    void faultSignalsShowTheFaultingAddress() throws Exception {
        Printed p = run("kill", "fault_signals");
        assertTrue(p.stdout().matches("(?s).*status (11|139)\\nstatus (11|139)\\nstatus (5|133)\\n.*"), p.stdout());
        assertHas(p.lines(), "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x1234} ---");
        assertHas(p.lines(), "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x100000001234} ---");
        assertHas(p.lines(), "--- SIGTRAP {si_signo=SIGTRAP, si_code=SI_KERNEL, si_addr=NULL} ---");
    }

    /**
     * An address buffer shorter than the address: only the family was written, and the length
     * shows what the caller gave and what the kernel returned. strace 6:
     * <pre>
     * getsockname(3, {sa_family=AF_INET, sin_port=htons(P), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0
     * accept(3, {sa_family=AF_INET}, [2 => 16]) = 5
     * getsockname(4, {sa_family=AF_INET}, [2 => 16]) = 0
     * recvfrom(6, "x", 1, 0, {sa_family=AF_INET}, [2 => 16]) = 1
     * accept4(3, 0x7fff..., [16], SOCK_NONBLOCK) = -1 EAGAIN (Resource temporarily unavailable)
     * </pre>
     * (pdig shows recvfrom's buffer as its address.)
     */
    @Test
    void aShortAddressBufferShowsTheFamilyAndBothLengths() throws Exception {
        Printed p = run("accept,accept4,getsockname,recvfrom", "short_addrlen");
        assertTrue(p.stdout().contains("recvfrom rc 1 len 16") && p.stdout().contains("accept4 rc -1 errno 11 len 16"),
                p.stdout());
        List<String> l = p.lines();
        assertTrue(l.stream().anyMatch(s -> s.matches("getsockname\\(3, \\{sa_family=AF_INET, sin_port=htons\\(\\d+\\),"
                + " sin_addr=inet_addr\\(\"127.0.0.1\"\\)\\}, \\[16\\]\\) = 0")), String.join("\n", l));
        assertHas(l, "accept(3, {sa_family=AF_INET}, [2 => 16]) = 5");
        assertHas(l, "getsockname(4, {sa_family=AF_INET}, [2 => 16]) = 0");
        assertTrue(l.stream().anyMatch(s -> s.matches("recvfrom\\(6, \"x\", 1, 0, \\{sa_family=AF_INET\\}, \\[2 => 16\\]\\) = 1")),
                String.join("\n", l));
        assertTrue(l.stream().anyMatch(s -> s.matches("accept4\\(3, 0x\\w+, \\[16\\], SOCK_NONBLOCK\\)"
                + " = -1 EAGAIN \\(Resource temporarily unavailable\\)")), String.join("\n", l));
    }

    /**
     * Signal masks, as strace 6 shows them (sigmasks.c, raw syscalls):
     * <pre>
     * rt_sigprocmask(SIG_SETMASK, [], NULL, 8) = 0
     * rt_sigprocmask(SIG_BLOCK, [INT TERM], [], 8) = 0
     * rt_sigprocmask(SIG_SETMASK, ~[RTMIN RT_1], NULL, 8) = 0
     * rt_sigprocmask(SIG_UNBLOCK, NULL, ~[KILL STOP RTMIN RT_1], 8) = 0
     * rt_sigprocmask(SIG_SETMASK, [], NULL, 8) = 0
     * rt_sigprocmask(0x7 /* SIG_??? *&#47;, [INT TERM], 0x7fff..., 8) = -1 EINVAL (Invalid argument)
     * rt_sigprocmask(SIG_BLOCK, 0x7fff..., 0x7fff..., 4) = -1 EINVAL (Invalid argument)
     * </pre>
     * The set is read at the entry, the old set at the exit and only when the call succeeded (the
     * kernel wrote it then; before, it held 0xdead). An unknown how is strace's hex with its comment;
     * a sigsetsize other than 8 makes the kernel read nothing: both sets are addresses.
     */
    @Test
    void signalMasksAreShownAsSets() throws Exception {
        List<String> calls = printedWithoutAddresses("rt_sigprocmask", "sigmasks");
        assertHas(calls, "rt_sigprocmask(SIG_BLOCK, [INT TERM], [], 8) = 0");
        assertHas(calls, "rt_sigprocmask(SIG_SETMASK, ~[RTMIN RT_1], NULL, 8) = 0");
        assertHas(calls, "rt_sigprocmask(SIG_UNBLOCK, NULL, ~[KILL STOP RTMIN RT_1], 8) = 0");
        assertHas(calls, "rt_sigprocmask(SIG_SETMASK, [], NULL, 8) = 0");
        assertHas(calls, "rt_sigprocmask(ADDR /* SIG_??? */, [INT TERM], ADDR, 8) = -1 EINVAL (Invalid argument)"); // 0x7
        assertHas(calls, "rt_sigprocmask(SIG_BLOCK, ADDR, ADDR, 4) = -1 EINVAL (Invalid argument)");
    }

    /**
     * A NULL pointer argument is NULL, as strace 6 shows it (null_pointers.c, raw syscalls); a
     * non-NULL hint stays hex, and a zero flag word (wait4's options) stays 0:
     * <pre>
     * brk(NULL) = 0x5584...
     * mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7fc7...
     * mmap(0x200000000, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x200000000
     * wait4(C, NULL, 0, NULL) = C
     * </pre>
     */
    @Test
    void nullPointersAreNull() throws Exception {
        Printed p = run("brk,mmap,wait4", "null_pointers");
        List<String> l = p.lines().stream().map(x -> x.replaceAll(" = 0x[0-9a-f]+$", " = ADDR")).toList();
        assertHas(l, "brk(NULL) = ADDR");
        assertHas(l, "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = ADDR");
        assertHas(l, "mmap(0x200000000, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = ADDR");
        String c = p.stdout().replaceAll("(?s).*child (\\d+).*", "$1");
        assertHas(l, "wait4(" + c + ", NULL, 0, NULL) = " + c);
    }

    /**
     * Calls every program makes, which pdig printed as six raw words before they had rows, as
     * strace 6 shows them (common_calls.c; the first four are libc's start-up):
     * <pre>
     * arch_prctl(ARCH_SET_FS, 0x7fc8f7251740) = 0
     * set_tid_address(0x7fc8f7251a10) = P
     * set_robust_list(0x7fc8f7251a20, 24) = 0
     * rseq(0x7fc8f7252060, 0x20, 0, 0x53053053) = 0
     * getpgrp() = G
     * geteuid() = 0    getgid() = 0    getegid() = 0
     * lseek(3, 4, SEEK_SET) = 4
     * lseek(3, -2, SEEK_CUR) = 2
     * lseek(3, 0, SEEK_END) = 20808
     * ioctl(3, TCGETS, 0x7ffe8f4eb1f0) = -1 ENOTTY (Inappropriate ioctl for device)
     * ioctl(3, TIOCGWINSZ, 0x7ffe8f4eb1d8) = -1 ENOTTY (Inappropriate ioctl for device)
     * ioctl(3, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0) = -1 ENOTTY (Inappropriate ioctl for device)
     * getxattr("/proc/self/exe", "user.pdig", NULL, 0) = -1 ENODATA (No data available)
     * lgetxattr("/proc/self/exe", "user.pdig", 0x7ffe8f4eb230, 255) = -1 ENODATA (No data available)
     * fgetxattr(3, "user.pdig", 0x7ffe8f4eb230, 255) = -1 ENODATA (No data available)
     * statfs("/nonexistent/pdig", 0x7ffe8f4eb230) = -1 ENOENT (No such file or directory)
     * prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=20000, rlim_max=20000}) = 0
     * prlimit64(0, RLIMIT_CORE, {rlim_cur=2048*1024, rlim_max=RLIM64_INFINITY}, NULL) = 0
     * prlimit64(0, RLIMIT_CORE, NULL, {rlim_cur=2048*1024, rlim_max=RLIM64_INFINITY}) = 0
     * prlimit64(0, 0x3e7 /* RLIMIT_??? *&#47;, NULL, 0x7ffe8f4eb230) = -1 EINVAL (Invalid argument)
     * </pre>
     * Difference left: an unknown resource is a number without strace's comment. The xattr calls' errno depends on the file system (ENODATA or
     * EOPNOTSUPP), so only its form is checked.
     */
    @Test
    void everyDayCallsHaveTheirArguments() throws Exception {
        Printed p = run("arch_prctl,set_tid_address,set_robust_list,rseq,getpgrp,geteuid,getgid,getegid,lseek,ioctl,"
                + "getxattr,lgetxattr,fgetxattr,statfs,prlimit64", "common_calls");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pid (\\d+) pgrp (\\d+)").matcher(p.stdout());
        assertTrue(m.find(), p.stdout());
        List<String> raw = p.lines();
        List<String> l = raw.stream().map(x -> x.replaceAll("0x[0-9a-f]{9,}", "ADDR")).toList();
        assertHas(l, "arch_prctl(ARCH_SET_FS, ADDR) = 0");
        assertHas(l, "set_tid_address(ADDR) = " + m.group(1));
        assertHas(l, "set_robust_list(ADDR, 24) = 0");
        assertHas(l, "rseq(ADDR, 0x20, 0, 0x53053053) = 0");
        assertHas(l, "getpgrp() = " + m.group(2));
        for (String id : List.of("geteuid", "getgid", "getegid")) {
            assertTrue(l.stream().anyMatch(x -> x.matches(id + "\\(\\) = \\d+")), id + " in:\n" + String.join("\n", l));
        }
        assertHas(l, "lseek(3, 4, SEEK_SET) = 4");
        assertHas(l, "lseek(3, -2, SEEK_CUR) = 2");
        assertTrue(l.stream().anyMatch(x -> x.matches("lseek\\(3, 0, SEEK_END\\) = \\d+")), String.join("\n", l));
        assertHas(l, "ioctl(3, TCGETS, ADDR) = -1 ENOTTY (Inappropriate ioctl for device)");
        assertHas(l, "ioctl(3, TIOCGWINSZ, ADDR) = -1 ENOTTY (Inappropriate ioctl for device)");
        assertHas(l, "ioctl(3, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0) = -1 ENOTTY (Inappropriate ioctl for device)");
        String failed = " = -1 E[A-Z]+ \\(.*\\)";
        for (String want : List.of("getxattr\\(\"/proc/self/exe\", \"user.pdig\", NULL, 0\\)",
                "lgetxattr\\(\"/proc/self/exe\", \"user.pdig\", ADDR, 255\\)", "fgetxattr\\(3, \"user.pdig\", ADDR, 255\\)")) {
            assertTrue(l.stream().anyMatch(x -> x.matches(want + failed)), want + " in:\n" + String.join("\n", l));
        }
        assertHas(l, "statfs(\"/nonexistent/pdig\", ADDR) = -1 ENOENT (No such file or directory)");
        java.util.regex.Matcher n = java.util.regex.Pattern.compile("nofile (\\d+) (\\d+)").matcher(p.stdout());
        assertTrue(n.find(), p.stdout());
        assertHas(l, "prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=" + rlimit(n.group(1)) + ", rlim_max=" + rlimit(n.group(2))
                + "}) = 0");
        String core = "{rlim_cur=2048*1024, rlim_max=RLIM64_INFINITY}";
        assertHas(l, "prlimit64(0, RLIMIT_CORE, " + core + ", NULL) = 0");
        assertHas(l, "prlimit64(0, RLIMIT_CORE, NULL, " + core + ") = 0");
        assertHas(l, "prlimit64(0, 0x3e7 /* RLIMIT_??? */, NULL, ADDR) = -1 EINVAL (Invalid argument)");
    }

    /**
     * struct stat abbreviated as strace 6 shows it (stat_fields.c, raw syscalls): the type and mode,
     * then the size, or st_rdev for a device; a failed call's buffer as its address, NULL as NULL:
     * <pre>
     * newfstatat(3, "", {st_mode=S_IFREG|0755, st_size=19680, ...}, AT_EMPTY_PATH) = 0
     * fstat(3, {st_mode=S_IFREG|0755, st_size=19680, ...}) = 0
     * stat("/dev/null", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0
     * newfstatat(AT_FDCWD, "/dev/null", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, 0) = 0
     * lstat("stat-dir", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=4096, ...}) = 0
     * fstat(4, {st_mode=S_IFREG|S_ISUID|0755, st_size=0, ...}) = 0
     * stat("/nonexistent/pdig", 0x7ffcb5379d80) = -1 ENOENT (No such file or directory)
     * newfstatat(AT_FDCWD, "/", NULL, 0) = -1 EFAULT (Bad address)
     * </pre>
     */
    @Test
    void statBuffersAreAbbreviatedAsStraceDoes() throws Exception {
        Printed p = run("stat,fstat,lstat,newfstatat", "stat_fields");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("exe mode (\\d+) size (\\d+)\ndir size (\\d+)")
                .matcher(p.stdout());
        assertTrue(m.find(), p.stdout());
        String exe = "{st_mode=S_IFREG|" + m.group(1) + ", st_size=" + m.group(2) + ", ...}";
        List<String> l = p.lines().stream().map(x -> x.replaceAll("0x[0-9a-f]{9,}", "ADDR")).toList();
        assertHas(l, "newfstatat(3, \"\", " + exe + ", AT_EMPTY_PATH) = 0");
        assertHas(l, "fstat(3, " + exe + ") = 0");
        String devNull = "{st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}";
        assertHas(l, "stat(\"/dev/null\", " + devNull + ") = 0");
        assertHas(l, "newfstatat(AT_FDCWD, \"/dev/null\", " + devNull + ", 0) = 0");
        assertHas(l, "lstat(\"stat-dir\", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=" + m.group(3) + ", ...}) = 0");
        assertHas(l, "fstat(4, {st_mode=S_IFREG|S_ISUID|0755, st_size=0, ...}) = 0");
        assertHas(l, "stat(\"/nonexistent/pdig\", ADDR) = -1 ENOENT (No such file or directory)");
        assertHas(l, "newfstatat(AT_FDCWD, \"/\", NULL, 0) = -1 EFAULT (Bad address)");
    }

    /**
     * rt_sigaction's actions as strace 6 shows them (sigactions.c, raw syscalls):
     * <pre>
     * rt_sigaction(SIGUSR1, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, NULL, 8) = 0
     * rt_sigaction(SIGUSR1, {sa_handler=0x5650992022b0, sa_mask=[TERM], sa_flags=SA_RESTORER|SA_RESTART|SA_SIGINFO, sa_restorer=0x1234}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0
     * rt_sigaction(SIGUSR1, NULL, {sa_handler=0x5650992022b0, sa_mask=[TERM], sa_flags=SA_RESTORER|SA_RESTART|SA_SIGINFO, sa_restorer=0x1234}, 8) = 0
     * rt_sigaction(SIGUSR2, {sa_handler=SIG_IGN, sa_mask=~[RTMIN RT_1], sa_flags=SA_ONSTACK|SA_NODEFER|SA_RESETHAND|SA_NOCLDSTOP}, NULL, 8) = 0
     * rt_sigaction(SIGKILL, {sa_handler=SIG_IGN, sa_mask=~[RTMIN RT_1], sa_flags=SA_ONSTACK|SA_NODEFER|SA_RESETHAND|SA_NOCLDSTOP}, 0x7ffcdde41720, 8) = -1 EINVAL (Invalid argument)
     * rt_sigaction(SIGUSR1, {sa_handler=0x5650992022b0, ...}, 0x7ffcdde41720, 4) = -1 EINVAL (Invalid argument)
     * </pre>
     * The old action is read only when the call succeeded (the kernel wrote it then). With a
     * sigsetsize other than 8 the kernel reads nothing, and pdig shows both actions as addresses
     * (strace still decodes the new one).
     */
    @Test
    void signalActionsAreShownAsStructs() throws Exception {
        Printed p = run("rt_sigaction", "sigactions");
        String h = p.stdout().replaceAll("(?s).*handler (0x[0-9a-f]+).*", "$1");
        List<String> l = p.lines().stream().map(x -> x.replace(h, "H").replaceAll("0x7ff[0-9a-f]+", "ADDR")).toList();
        String dfl = "{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}";
        String usr1 = "{sa_handler=H, sa_mask=[TERM], sa_flags=SA_RESTORER|SA_RESTART|SA_SIGINFO, sa_restorer=0x1234}";
        String ign = "{sa_handler=SIG_IGN, sa_mask=~[RTMIN RT_1], sa_flags=SA_ONSTACK|SA_NODEFER|SA_RESETHAND|SA_NOCLDSTOP}";
        assertHas(l, "rt_sigaction(SIGUSR1, " + dfl + ", NULL, 8) = 0");
        assertHas(l, "rt_sigaction(SIGUSR1, " + usr1 + ", " + dfl + ", 8) = 0");
        assertHas(l, "rt_sigaction(SIGUSR1, NULL, " + usr1 + ", 8) = 0");
        assertHas(l, "rt_sigaction(SIGUSR2, " + ign + ", NULL, 8) = 0");
        assertHas(l, "rt_sigaction(SIGKILL, " + ign + ", ADDR, 8) = -1 EINVAL (Invalid argument)");
        assertHas(l, "rt_sigaction(SIGUSR1, ADDR, ADDR, 4) = -1 EINVAL (Invalid argument)");
    }

    /**
     * fcntl's argument and result by command, as strace 6 shows them (fcntl_text.c, raw syscalls):
     * <pre>
     * fcntl(3, F_GETFD) = 0
     * fcntl(3, F_SETFD, FD_CLOEXEC) = 0
     * fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)
     * fcntl(3, F_SETFD, 0) = 0
     * fcntl(3, F_GETFL) = 0x8000 (flags O_RDONLY|O_LARGEFILE)
     * fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK) = 0
     * fcntl(3, F_GETFL) = 0x8800 (flags O_RDONLY|O_NONBLOCK|O_LARGEFILE)
     * fcntl(3, F_DUPFD, 10) = 11
     * fcntl(3, F_DUPFD_CLOEXEC, 20) = 20
     * fcntl(99, F_GETFD) = -1 EBADF (Bad file descriptor)
     * fcntl(3, F_GETOWN) = 0
     * </pre>
     */
    @Test
    void fcntlShowsItsArgumentAndResultByCommand() throws Exception {
        List<String> l = printed("fcntl", "fcntl_text");
        assertHas(l, "fcntl(3, F_GETFD) = 0");
        assertHas(l, "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
        assertHas(l, "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
        assertHas(l, "fcntl(3, F_SETFD, 0) = 0");
        assertHas(l, "fcntl(3, F_GETFL) = 0x8000 (flags O_RDONLY|O_LARGEFILE)");
        assertHas(l, "fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK) = 0");
        assertHas(l, "fcntl(3, F_GETFL) = 0x8800 (flags O_RDONLY|O_NONBLOCK|O_LARGEFILE)");
        assertTrue(l.stream().anyMatch(x -> x.matches("fcntl\\(3, F_DUPFD, 10\\) = 1\\d")), String.join("\n", l));
        assertHas(l, "fcntl(3, F_DUPFD_CLOEXEC, 20) = 20");
        assertHas(l, "fcntl(99, F_GETFD) = -1 EBADF (Bad file descriptor)");
        assertHas(l, "fcntl(3, F_GETOWN) = 0");
    }

    /**
     * wait4's status and options, as strace 6 shows them (child_status.c):
     * <pre>
     * wait4(C1, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = C1
     * wait4(C2, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], 0, NULL) = C2
     * wait4(C3, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = C3
     * wait4(C3, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = C3
     * </pre>
     */
    @Test
    void waitShowsTheStatusItWrote() throws Exception {
        Printed p = run("wait4", "child_status");
        List<String> c = p.stdout().lines().filter(x -> x.startsWith("child ")).map(x -> x.substring(6)).toList();
        assertEquals(3, c.size(), p.stdout());
        assertHas(p.lines(), "wait4(" + c.get(0) + ", [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = " + c.get(0));
        assertHas(p.lines(), "wait4(" + c.get(1) + ", [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], 0, NULL) = " + c.get(1));
        assertHas(p.lines(), "wait4(" + c.get(2) + ", [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = " + c.get(2));
        assertHas(p.lines(), "wait4(" + c.get(2) + ", [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = " + c.get(2));
    }

    /**
     * statx as strace 6 shows it (statx_fields.c, raw syscalls): the sync type first in the flags,
     * the masks by name, the struct abbreviated; a failed call's buffer as its address:
     * <pre>
     * statx(AT_FDCWD, "/dev/null", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT, STATX_ALL, {stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFCHR|0666, stx_size=0, ...}) = 0
     * statx(AT_FDCWD, "/", AT_STATX_SYNC_AS_STAT, STATX_MODE|STATX_SIZE, {stx_mask=STATX_TYPE|...|STATX_MNT_ID, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_mode=S_IFDIR|0755, stx_size=4096, ...}) = 0
     * statx(3, "", AT_STATX_DONT_SYNC|AT_EMPTY_PATH, STATX_BASIC_STATS, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0755, stx_size=20360, ...}) = 0
     * statx(AT_FDCWD, "/nonexistent/pdig", AT_STATX_FORCE_SYNC, STATX_TYPE, 0x7ffcdb4543a0) = -1 ENOENT (No such file or directory)
     * </pre>
     * Which fields the kernel returns (stx_mask) depends on the file system: written MASK here.
     */
    @Test
    void statxShowsItsFlagsMasksAndStruct() throws Exception {
        Printed p = run("statx", "statx_fields");
        java.util.regex.Matcher root = java.util.regex.Pattern.compile("root mode (\\d+) size (\\d+) attributes 0x(\\w+)")
                .matcher(p.stdout());
        java.util.regex.Matcher exe = java.util.regex.Pattern.compile("exe mode (\\d+) size (\\d+)").matcher(p.stdout());
        assertTrue(root.find() && exe.find(), p.stdout());
        List<String> l = p.lines().stream()
                .map(x -> x.replaceAll("stx_mask=STATX_[A-Z_|]+", "stx_mask=MASK").replaceAll("0x[0-9a-f]{9,}", "ADDR")).toList();
        assertHas(l, "statx(AT_FDCWD, \"/dev/null\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT, STATX_ALL, "
                + "{stx_mask=MASK, stx_attributes=0, stx_mode=S_IFCHR|0666, stx_size=0, ...}) = 0");
        String attributes = switch (root.group(3)) {
            case "0" -> "0";
            case "2000" -> "STATX_ATTR_MOUNT_ROOT";
            default -> throw new AssertionError("unexpected attributes of /: " + p.stdout());
        };
        assertHas(l, "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, STATX_MODE|STATX_SIZE, {stx_mask=MASK, stx_attributes="
                + attributes + ", stx_mode=S_IFDIR|" + root.group(1) + ", stx_size=" + root.group(2) + ", ...}) = 0");
        assertHas(l, "statx(3, \"\", AT_STATX_DONT_SYNC|AT_EMPTY_PATH, STATX_BASIC_STATS, {stx_mask=MASK, stx_attributes=0, "
                + "stx_mode=S_IFREG|" + exe.group(1) + ", stx_size=" + exe.group(2) + ", ...}) = 0");
        assertHas(l, "statx(AT_FDCWD, \"/nonexistent/pdig\", AT_STATX_FORCE_SYNC, STATX_TYPE, ADDR) = -1 ENOENT (No such file or directory)");
    }

    /**
     * futex with the arguments each operation reads, as strace 6 shows it (futex_ops.c, raw syscalls):
     * <pre>
     * futex(0x7ffc2adba8fc, FUTEX_WAKE_PRIVATE, 1) = 0
     * futex(0x7ffc2adba8fc, FUTEX_WAKE, 2147483647) = 0
     * futex(0x7ffc2adba8fc, FUTEX_WAIT_PRIVATE, 2, NULL) = -1 EAGAIN (Resource temporarily unavailable)
     * futex(0x7ffc2adba8fc, FUTEX_WAIT, 2, NULL) = -1 EAGAIN (Resource temporarily unavailable)
     * futex(0x7ffc2adba8fc, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 2, NULL, FUTEX_BITSET_MATCH_ANY) = -1 EAGAIN (...)
     * futex(0x7ffc2adba8fc, FUTEX_WAKE_BITSET_PRIVATE, 1, 0x5) = 0
     * futex(0x7ffc2adba8fc, FUTEX_UNLOCK_PI_PRIVATE) = -1 EPERM (Operation not permitted)
     * futex(0x7ffc2adba8fc, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, 0x7ffc2adba900, 7) = -1 EAGAIN (...)
     * futex(0x7ffc2adba8fc, 0x63 /* FUTEX_??? *&#47;, 1, NULL, NULL, 0) = -1 ENOSYS (Function not implemented)
     * </pre>
     * An unknown operation is hex without strace's comment.
     */
    @Test
    void futexShowsWhatEachOperationReads() throws Exception {
        Printed p = run("futex", "futex_ops");
        String w = p.stdout().replaceAll("(?s).*word (0x[0-9a-f]+).*", "$1");
        List<String> l = p.lines().stream().filter(x -> x.startsWith("futex(" + w + ", "))
                .map(x -> x.replace(w, "W").replaceAll("0x[0-9a-f]{9,}", "ADDR")).toList();
        String again = "-1 EAGAIN (Resource temporarily unavailable)";
        assertHas(l, "futex(W, FUTEX_WAKE_PRIVATE, 1) = 0");
        assertHas(l, "futex(W, FUTEX_WAKE, 2147483647) = 0");
        assertHas(l, "futex(W, FUTEX_WAIT_PRIVATE, 2, NULL) = " + again);
        assertHas(l, "futex(W, FUTEX_WAIT, 2, NULL) = " + again);
        assertHas(l, "futex(W, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 2, NULL, FUTEX_BITSET_MATCH_ANY) = " + again);
        assertHas(l, "futex(W, FUTEX_WAKE_BITSET_PRIVATE, 1, 0x5) = 0");
        assertHas(l, "futex(W, FUTEX_UNLOCK_PI_PRIVATE) = -1 EPERM (Operation not permitted)");
        assertHas(l, "futex(W, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, ADDR, 7) = " + again);
        assertHas(l, "futex(W, 0x63, 1, NULL, NULL, 0) = -1 ENOSYS (Function not implemented)");
        assertHas(l, "futex(W, FUTEX_WAIT_PRIVATE, 1, {tv_sec=0, tv_nsec=1}) = -1 ETIMEDOUT (Connection timed out)");
        assertHas(l, "futex(W, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 1, {tv_sec=1, tv_nsec=0}, FUTEX_BITSET_MATCH_ANY)"
                + " = -1 ETIMEDOUT (Connection timed out)");
        assertHas(l, "futex(W, FUTEX_WAIT_PRIVATE, 1, 0x8) = -1 EFAULT (Bad address)");
    }

    /** The same program under strace: its futex lines on the word, but the unknown operation's. Skipped without strace. */
    @Test
    void futexLinesAreStracesLines() throws Exception {
        assertLinesAreStraces("futex", "futex_ops",
                x -> x.startsWith("futex(") && !x.contains("FUTEX_???") && !x.contains(", FUTEX_WAKE_PRIVATE, 2147483647)"),
                x -> x.startsWith("futex(") && !x.contains(", 0x63, ") && !x.contains(", FUTEX_WAKE_PRIVATE, 2147483647)"),
                x -> x.replaceAll("0x[0-9a-f]{9,}", "ADDR"), 11);
    }

    /**
     * A SIGCHLD's CPU times, in clock ticks, with the seconds strace adds when they are not 0
     * (child_cpu.c, a child that spends 60 ms of CPU; which of the two gets the ticks varies):
     * <pre>
     * --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=C, si_uid=0, si_status=0, si_utime=0, si_stime=6 /* 0.06 s *&#47;} ---
     * </pre>
     */
    @Test
    void childCpuTimesShowTheirSeconds() throws Exception {
        Printed p = run("wait4", "child_cpu");
        String c = p.stdout().replaceAll("(?s).*child (\\d+).*", "$1");
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("--- SIGCHLD \\{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=" + c
                + ", si_uid=0, si_status=0, si_utime=(\\d+)(?: /\\* (\\S+) s \\*/)?, si_stime=(\\d+)(?: /\\* (\\S+) s \\*/)?\\} ---");
        java.util.regex.Matcher m = p.lines().stream().map(line::matcher).filter(java.util.regex.Matcher::matches).findFirst()
                .orElseThrow(() -> new AssertionError(String.join("\n", p.lines())));
        long total = 0;
        for (int g : new int[] {1, 3}) {
            long ticks = Long.parseLong(m.group(g));
            total += ticks;
            String seconds = m.group(g + 1);
            if (ticks == 0) {
                assertEquals(null, seconds, m.group());
            } else {
                assertEquals(String.format("%d.%02d", ticks / 100, ticks % 100), seconds, m.group());
            }
        }
        assertTrue(total > 0, "no CPU ticks: " + m.group());
    }

    /**
     * A call that never returns (the thread was killed in it) keeps what was known at its entry
     * (accept_killed.c): a NULL address is NULL, as strace 6 shows it; a buffer the kernel never
     * wrote is its address (strace prints nothing for it), in --print and in the journal alike (a
     * "?" there once read back from the journal as NULL):
     * <pre>
     * [pid A] accept(3, NULL, NULL) = ?
     * [pid B] accept(3,  &lt;unfinished ...&gt;) = ?
     * </pre>
     */
    @Test
    void aKilledCallKeepsItsNullAddress() throws Exception {
        Printed p = run("accept", "accept_killed");
        assertTrue(p.stdout().startsWith("children "), p.stdout());
        assertHas(p.lines(), "accept(3, NULL, NULL) = ?");
        assertTrue(p.lines().stream().anyMatch(x -> x.matches("accept\\(3, 0x[0-9a-f]+, 0x[0-9a-f]+\\) = \\?")), String.join("\n", p.lines()));
    }

    /**
     * Paths the kernel writes are shown on success, as many bytes as the result says; a failed
     * call's buffer is its address (output_strings.c, run in a directory /D, as X):
     * <pre>
     * getcwd("/D", 4096) = 3
     * readlink("/proc/self/exe", "/.../output_strings", 4096) = 52
     * readlinkat(AT_FDCWD, "/proc/self/exe", "/.../output_strings", 64) = 52
     * getcwd(0x7ffc..., 2) = -1 ERANGE (Numerical result out of range)
     * readlink("/proc/self/status", 0x7ffc..., 4096) = -1 EINVAL (Invalid argument)
     * readlink("/proc/self/exe", 0x8, 16) = -1 EFAULT (Bad address)
     * readlinkat(AT_FDCWD, "/proc/self/exe", "/tmp/", 5) = 5
     * </pre>
     */
    @Test
    void pathsTheKernelWritesAreShownOnSuccess() throws Exception {
        Printed p = run("getcwd,readlink,readlinkat", "output_strings");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cwd (\\S+) (\\d+) exe (\\S+) (\\d+)\n").matcher(p.stdout());
        assertTrue(m.matches(), p.stdout());
        String cwd = m.group(1);
        String exe = m.group(3);
        assertEquals(cwd.length() + 1, Integer.parseInt(m.group(2)), "getcwd's result counts the NUL");
        List<String> l = p.lines().stream().map(x -> x.replaceAll("0x[0-9a-f]{9,}", "ADDR")).toList();
        assertHas(l, "getcwd(\"" + cwd + "\", 4096) = " + m.group(2));
        assertHas(l, "readlink(\"/proc/self/exe\", \"" + exe + "\", 4096) = " + exe.length());
        int cut = Math.min(exe.length(), 64);
        assertHas(l, "readlinkat(AT_FDCWD, \"/proc/self/exe\", \"" + exe.substring(0, cut) + "\", 64) = " + cut);
        assertHas(l, "getcwd(ADDR, 2) = -1 ERANGE (Numerical result out of range)");
        assertHas(l, "readlink(\"/proc/self/status\", ADDR, 4096) = -1 EINVAL (Invalid argument)");
        assertHas(l, "readlink(\"/proc/self/exe\", 0x8, 16) = -1 EFAULT (Bad address)");
        assertHas(l, "readlinkat(AT_FDCWD, \"/proc/self/exe\", \"" + exe.substring(0, 5) + "\", 5) = 5");
    }

    /**
     * getdents64's records are counted as strace counts them without -v (dirents.c: a directory
     * of three files):
     * <pre>
     * getdents64(3, 0x55d0... /* 5 entries *&#47;, 32768) = 160
     * getdents64(3, 0x55d0... /* 0 entries *&#47;, 32768) = 0
     * getdents64(4, 0x55d0... /* 1 entries *&#47;, 30) = 24
     * getdents64(99, 0x55d0..., 32768) = -1 EBADF (Bad file descriptor)
     * </pre>
     */
    @Test
    void directoryEntriesAreCounted() throws Exception {
        Printed p = run("getdents64", "dirents");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("fd (\\d+) all (\\d+) end 0 fd (\\d+) one (\\d+)\n").matcher(p.stdout());
        assertTrue(m.matches(), p.stdout());
        List<String> l = p.lines().stream().map(x -> x.replaceAll("0x[0-9a-f]+", "ADDR")).toList();
        assertHas(l, "getdents64(" + m.group(1) + ", ADDR /* 5 entries */, 32768) = " + m.group(2));
        assertHas(l, "getdents64(" + m.group(1) + ", ADDR /* 0 entries */, 32768) = 0");
        assertHas(l, "getdents64(" + m.group(3) + ", ADDR /* 1 entries */, 30) = " + m.group(4));
        assertHas(l, "getdents64(99, ADDR, 32768) = -1 EBADF (Bad file descriptor)");
    }

    /**
     * uname's struct abbreviated as strace abbreviates it without -v, sysinfo's in full, as strace
     * prints it; a buffer the kernel could not write is its address (uts_sysinfo.c):
     * <pre>
     * uname({sysname="Linux", nodename="vm", ...}) = 0
     * uname(0x8) = -1 EFAULT (Bad address)
     * sysinfo({uptime=1234, loads=[5536, 4160, 1344], totalram=8326361088, freeram=..., sharedram=...,
     *     bufferram=..., totalswap=0, freeswap=0, procs=96, totalhigh=0, freehigh=0, mem_unit=1}) = 0
     * sysinfo(0x8) = -1 EFAULT (Bad address)
     * </pre>
     */
    @Test
    void unameAndSysinfoShowTheirStructs() throws Exception {
        Printed p = run("uname,sysinfo", "uts_sysinfo");
        String[] f = p.stdout().trim().split("\\|");
        assertEquals(6, f.length, p.stdout());
        assertHas(p.lines(), "uname({sysname=\"" + f[0] + "\", nodename=\"" + f[1] + "\", ...}) = 0");
        assertHas(p.lines(), "uname(0x8) = -1 EFAULT (Bad address)");
        String n = "\\d+";
        String line = "sysinfo\\(\\{uptime=" + n + ", loads=\\[" + n + ", " + n + ", " + n + "\\], totalram=" + f[2]
                + ", freeram=" + n + ", sharedram=" + n + ", bufferram=" + n + ", totalswap=" + f[3] + ", freeswap=" + n
                + ", procs=" + n + ", totalhigh=" + f[4] + ", freehigh=" + n + ", mem_unit=" + f[5] + "\\}\\) = 0";
        assertTrue(p.lines().stream().anyMatch(x -> x.matches(line)), line + " in:\n" + String.join("\n", p.lines()));
        assertHas(p.lines(), "sysinfo(0x8) = -1 EFAULT (Bad address)");
    }

    /**
     * prctl's bounding-set query shows its capability by name and none of the arguments the kernel
     * does not read; an unknown number gets strace's comment (capbset.c):
     * <pre>
     * prctl(PR_CAPBSET_READ, CAP_CHOWN) = 1
     * prctl(PR_CAPBSET_READ, CAP_CHECKPOINT_RESTORE) = 1
     * prctl(PR_CAPBSET_READ, 0x63 /* CAP_??? *&#47;) = -1 EINVAL (Invalid argument)
     * </pre>
     */
    @Test
    void boundingSetQueriesNameTheirCapability() throws Exception {
        Printed p = run("prctl", "capbset");
        String[] r = p.stdout().trim().split(" ");
        assertEquals(3, r.length, p.stdout());
        assertHas(p.lines(), "prctl(PR_CAPBSET_READ, CAP_CHOWN) = " + r[0]);
        assertHas(p.lines(), "prctl(PR_CAPBSET_READ, CAP_CHECKPOINT_RESTORE) = " + r[1]);
        assertEquals("-1", r[2], p.stdout());
        assertHas(p.lines(), "prctl(PR_CAPBSET_READ, 0x63 /* CAP_??? */) = -1 EINVAL (Invalid argument)");
    }

    /**
     * rt_sigreturn shows the mask its signal frame restores, as strace 6.1 prints it for
     * sigreturn_mask.c (the mask before the handler, not the handler's sa_mask [TERM]), and a
     * frame that cannot be read as the address of its mask (stack pointer 0x10000 + 0x128):
     * <pre>
     * rt_sigreturn({mask=[]}) = 0
     * rt_sigreturn({mask=[INT USR2]}) = 0
     * rt_sigreturn({mask=~[KILL USR1 STOP RTMIN RT_1]}) = 0
     * [pid C] rt_sigreturn({mask=0x10128}) = 0
     * </pre>
     * The program also checks the layout the decoder relies on: uc_sigmask at 296 in the
     * ucontext, and the ucontext where the stack pointer is once the handler has returned.
     */
    @Test
    void sigreturnShowsTheMaskItRestores() throws Exception {
        Printed p = run("rt_sigreturn", "sigreturn_mask");
        assertTrue(p.stdout().contains("child signal 11\nuc_sigmask at 296, frame gap 0\n"), p.stdout());
        List<String> l = p.lines().stream().filter(s -> s.startsWith("rt_sigreturn(")).toList();
        assertEquals(List.of(
                "rt_sigreturn({mask=[]}) = 0",
                "rt_sigreturn({mask=[INT USR2]}) = 0",
                "rt_sigreturn({mask=~[KILL USR1 STOP RTMIN RT_1]}) = 0",
                "rt_sigreturn({mask=0x10128}) = 0"), l);
    }

    /**
     * clone's arguments by name, only the pointers its flags use, as strace 6.1 prints
     * clone_named.c (results N, addresses as the program printed them):
     * <pre>
     * clone(child_stack=NULL, flags=SIGCHLD) = N
     * clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[N]) = N
     * clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=CTID) = N
     * clone(child_stack=NULL, flags=CLONE_SETTLS|SIGCHLD, tls=FS) = N
     * clone(child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, parent_tid=[3]) = N
     * clone(child_stack=NULL, flags=CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_SETTID|SIGCHLD, parent_tid=[N], tls=FS, child_tidptr=CTID) = N
     * clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=0x8) = N
     * clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|CLONE_NEWUTS|SIGCHLD, parent_tid=[N]) = N
     * clone(child_stack=NULL, flags=CLONE_PIDFD|CLONE_PARENT_SETTID|CLONE_NEWUTS|SIGCHLD, parent_tid=PTID) = -1 EINVAL (Invalid argument)
     * </pre>
     * parent_tid is what the kernel wrote there (the child's tid, or the pidfd), read once the call
     * succeeded: from the fork event, or (CLONE_NEWUTS) after an entry stop; a failed call and an
     * address the kernel could not write keep the address. (A plain clone that fails is not seen:
     * pdig stops on clone's entry only for the flags in its table row.)
     */
    @Test
    void cloneNamesItsArgumentsAndShowsTheTidItWrote() throws Exception {
        Printed p = run("clone", "clone_named");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "ns (\\d+) ptid (\\d+) pidfd (\\d+) both (\\d+) fs (0x\\w+) ctid@(0x\\w+) ptid@(0x\\w+)").matcher(p.stdout());
        assertTrue(m.find(), p.stdout());
        String ns = m.group(1), ptid = m.group(2), pidfd = m.group(3), both = m.group(4), fs = m.group(5), ctid = m.group(6),
                ptidAddr = m.group(7);
        List<String> c = p.lines().stream().filter(s -> s.startsWith("clone(")).toList();
        assertEquals(List.of(
                "clone(child_stack=NULL, flags=SIGCHLD) = N",
                "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[" + ptid + "]) = " + ptid,
                "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=" + ctid + ") = N",
                "clone(child_stack=NULL, flags=CLONE_SETTLS|SIGCHLD, tls=" + fs + ") = N",
                "clone(child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, parent_tid=[" + pidfd + "]) = N",
                "clone(child_stack=NULL, flags=CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_SETTID|SIGCHLD, parent_tid=[" + both
                        + "], tls=" + fs + ", child_tidptr=" + ctid + ") = " + both,
                "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=0x8) = N",
                "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|CLONE_NEWUTS|SIGCHLD, parent_tid=[" + ns + "]) = " + ns,
                "clone(child_stack=NULL, flags=CLONE_PIDFD|CLONE_PARENT_SETTID|CLONE_NEWUTS|SIGCHLD, parent_tid=" + ptidAddr
                        + ") = -1 EINVAL (Invalid argument)"),
                c.stream().map(s -> s.matches(".* = (" + ptid + "|" + both + "|" + ns + ")$") ? s : s.replaceAll(" = \\d+$", " = N"))
                        .toList());
    }

    /**
     * getrandom's bytes, each in hex as strace 6.1 prints this buffer (getrandom_bytes.c; the
     * bytes are the ones the program got, which it prints):
     * <pre>
     * getrandom("\xc3\x76\xc9\x6e\x2a\xbf\x0b\xf7", 8, GRND_NONBLOCK) = 8
     * getrandom("\xa0\xe3...(32 bytes)"..., 40, 0) = 40
     * getrandom("\x14\x67\x5d\xab", 4, GRND_NONBLOCK|GRND_RANDOM) = 4
     * getrandom(0x8, 4, 0) = -1 EFAULT (Bad address)
     * getrandom("", 0, GRND_INSECURE) = 0
     * </pre>
     */
    @Test
    void getrandomShowsItsBytesInHex() throws Exception {
        Printed p = run("getrandom", "getrandom_bytes");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("a (\\S+)\nb (\\S+)\nc (\\S+)\n").matcher(p.stdout());
        assertTrue(m.find(), p.stdout());
        List<String> l = p.lines().stream().filter(s -> s.startsWith("getrandom(")).toList();
        assertEquals(List.of(
                "getrandom(\"" + m.group(1) + "\", 8, GRND_NONBLOCK) = 8",
                "getrandom(\"" + m.group(2) + "\"..., 40, 0) = 40",
                "getrandom(\"" + m.group(3) + "\", 4, GRND_NONBLOCK|GRND_RANDOM) = 4",
                "getrandom(0x8, 4, 0) = -1 EFAULT (Bad address)",
                "getrandom(\"\", 0, GRND_INSECURE) = 0"), l.subList(0, Math.min(5, l.size())));
    }

    /**
     * The calls cp copies a file with, as strace 6.1 prints copy_advise.c:
     * <pre>
     * fadvise64(3, 0, 0, POSIX_FADV_NORMAL) = 0
     * ... RANDOM, SEQUENTIAL, WILLNEED, DONTNEED, NOREUSE
     * fadvise64(3, 4096, 8192, 0x63 /* POSIX_FADV_??? *&#47;) = -1 EINVAL (Invalid argument)
     * copy_file_range(3, NULL, 4, NULL, 4, 0) = 0
     * copy_file_range(3, [2], 4, [8], 3, 0) = 3
     * </pre>
     * The offsets are read at the entry (the kernel advances them to 5 and 11).
     */
    @Test
    void fileCopyCallsNameTheirAdviceAndShowTheirOffsets() throws Exception {
        Printed p = run("fadvise64,copy_file_range", "copy_advise");
        assertTrue(p.stdout().startsWith("copied 0 3 "), p.stdout());
        List<String> l = p.lines().stream().filter(s -> s.startsWith("fadvise64(") || s.startsWith("copy_file_range(")).toList();
        assertEquals(List.of(
                "fadvise64(3, 0, 0, POSIX_FADV_NORMAL) = 0",
                "fadvise64(3, 0, 0, POSIX_FADV_RANDOM) = 0",
                "fadvise64(3, 0, 0, POSIX_FADV_SEQUENTIAL) = 0",
                "fadvise64(3, 0, 0, POSIX_FADV_WILLNEED) = 0",
                "fadvise64(3, 0, 0, POSIX_FADV_DONTNEED) = 0",
                "fadvise64(3, 0, 0, POSIX_FADV_NOREUSE) = 0",
                "fadvise64(3, 4096, 8192, 0x63 /* POSIX_FADV_??? */) = -1 EINVAL (Invalid argument)",
                "copy_file_range(3, NULL, 4, NULL, 4, 0) = 0",
                "copy_file_range(3, [2], 4, [8], 3, 0) = 3"), l);
    }

    /**
     * clock_nanosleep as strace 6.1 prints clock_sleep.c:
     * <pre>
     * clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000000}, NULL) = 0
     * clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=1, tv_nsec=5}, 0x7ffdf0f1e650) = 0
     * clock_nanosleep(CLOCK_BOOTTIME, 0, {tv_sec=0, tv_nsec=1000000}, 0x7ffdf0f1e650) = 0
     * clock_nanosleep(0x63 /* CLOCK_??? *&#47;, 0, {tv_sec=0, tv_nsec=1000000}, NULL) = -1 EINVAL (Invalid argument)
     * clock_nanosleep(CLOCK_MONOTONIC, 0, 0x8, NULL) = -1 EFAULT (Bad address)
     * </pre>
     */
    @Test
    void clockNanosleepNamesItsClockAndShowsItsRequest() throws Exception {
        Printed p = run("clock_nanosleep", "clock_sleep");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("slept 0 0 0 rem@(0x[0-9a-f]+)\n").matcher(p.stdout());
        assertTrue(m.find(), p.stdout());
        String rem = m.group(1);
        assertEquals(List.of(
                "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000000}, NULL) = 0",
                "clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=1, tv_nsec=5}, " + rem + ") = 0",
                "clock_nanosleep(CLOCK_BOOTTIME, 0, {tv_sec=0, tv_nsec=1000000}, " + rem + ") = 0",
                "clock_nanosleep(0x63 /* CLOCK_??? */, 0, {tv_sec=0, tv_nsec=1000000}, NULL) = -1 EINVAL (Invalid argument)",
                "clock_nanosleep(CLOCK_MONOTONIC, 0, 0x8, NULL) = -1 EFAULT (Bad address)"),
                p.lines().stream().filter(s -> s.startsWith("clock_nanosleep(")).toList());
    }

    /**
     * epoll_create1's flags by name, as strace 6.1 prints epoll_flags.c:
     * <pre>
     * epoll_create1(EPOLL_CLOEXEC) = 3
     * epoll_create1(0) = 4
     * epoll_create1(EPOLL_CLOEXEC|0x1) = -1 EINVAL (Invalid argument)
     * </pre>
     */
    @Test
    void epollCreate1NamesItsFlags() throws Exception {
        Printed p = run("epoll_create1", "epoll_flags");
        assertEquals("epoll 3 4 -1\n", p.stdout());
        assertEquals(List.of(
                "epoll_create1(EPOLL_CLOEXEC) = 3",
                "epoll_create1(0) = 4",
                "epoll_create1(EPOLL_CLOEXEC|0x1) = -1 EINVAL (Invalid argument)"),
                p.lines().stream().filter(s -> s.startsWith("epoll_create1(")).toList());
    }

    /**
     * getgroups as strace 6.1 prints groups_list.c (which sets its groups to 0, 4 and 27 first):
     * <pre>
     * getgroups(0, NULL) = 3
     * getgroups(8, [0, 4, 27]) = 3
     * getgroups(1, 0x7ffdd47371c0) = -1 EINVAL (Invalid argument)
     * getgroups(8, []) = 0
     * </pre>
     */
    @Test
    void getgroupsShowsTheListTheKernelWrote() throws Exception {
        Printed p = run("getgroups", "groups_list");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("groups 3 3 -1 0 buf@(0x[0-9a-f]+)\n").matcher(p.stdout());
        assertTrue(m.find(), p.stdout());
        assertEquals(List.of(
                "getgroups(0, NULL) = 3",
                "getgroups(8, [0, 4, 27]) = 3",
                "getgroups(1, " + m.group(1) + ") = -1 EINVAL (Invalid argument)",
                "getgroups(8, []) = 0"),
                p.lines().stream().filter(s -> s.startsWith("getgroups(")).toList());
    }

    /**
     * sched_getaffinity as strace 6.1 prints affinity.c (the CPUs are the ones the program got,
     * which it prints; here both of a 2-CPU machine, under taskset -c 1 only the second):
     * <pre>
     * sched_getaffinity(0, 128, [0 1]) = 32
     * sched_getaffinity(0, 4, 0x7ffc0ae34fc0) = -1 EINVAL (Invalid argument)
     * </pre>
     */
    @Test
    void schedGetaffinityListsTheCpusOfItsMask() throws Exception {
        Printed p = run("sched_getaffinity", "affinity");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("affinity (\\d+) -1 mask@(0x[0-9a-f]+) cpus ([0-9 ]+)\n").matcher(p.stdout());
        assertTrue(m.find(), p.stdout());
        assertEquals(List.of(
                "sched_getaffinity(0, 128, [" + m.group(3) + "]) = " + m.group(1),
                "sched_getaffinity(0, 4, " + m.group(2) + ") = -1 EINVAL (Invalid argument)"),
                p.lines().stream().filter(s -> s.startsWith("sched_getaffinity(")).toList());
    }

    /**
     * poll as strace 6.1 prints poll_fds.c (a pipe's read end 3 with a byte in it, its write end 4):
     * <pre>
     * poll([{fd=3, events=POLLIN}], 1, 0) = 1 ([{fd=3, revents=POLLIN}])
     * poll([{fd=3, events=POLLIN|POLLPRI}, {fd=-1}, {fd=4, events=POLLOUT}], 3, 10) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])
     * poll([{fd=4, events=0}], 1, 0) = 0 (Timeout)
     * poll(0x8, 1, 0) = -1 EFAULT (Bad address)
     * poll([{fd=4, events=POLLOUT}, ... 32 in all, ...], 40, 0) = 40 ([{fd=4, revents=POLLOUT}, ... 32 in all, ...])
     * </pre>
     */
    @Test
    void pollShowsItsFdsAndWhatTheKernelReported() throws Exception {
        Printed p = run("poll", "poll_fds");
        assertEquals("poll 1 2 0 -1 fds 3 4\n", p.stdout());
        assertEquals(List.of(
                "poll([{fd=3, events=POLLIN}], 1, 0) = 1 ([{fd=3, revents=POLLIN}])",
                "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=-1}, {fd=4, events=POLLOUT}], 3, 10) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])",
                "poll([{fd=4, events=0}], 1, 0) = 0 (Timeout)",
                "poll(0x8, 1, 0) = -1 EFAULT (Bad address)",
                "poll([" + "{fd=4, events=POLLOUT}, ".repeat(32) + "...], 40, 0) = 40 ([" + "{fd=4, revents=POLLOUT}, ".repeat(32) + "...])"),
                p.lines().stream().filter(s -> s.startsWith("poll(")).toList());
    }

    /** The same program under strace: every poll line is strace's. Skipped without strace. */
    @Test
    void pollLinesAreStracesLines() throws Exception {
        assertLinesAreStraces("poll", "poll_fds", l -> l.startsWith("poll("), l -> l.startsWith("poll("), l -> l, 5);
    }

    /**
     * ioctl FIONREAD's int, as strace 6.1 prints fionread.c (27 bytes waiting in a pipe):
     * <pre>
     * ioctl(3, FIONREAD, [27]) = 0
     * ioctl(3, TIOCOUTQ, 0x7ffdb78c1d34) = -1 ENOTTY (Inappropriate ioctl for device)
     * </pre>
     */
    @Test
    void fionreadShowsTheBytesWaiting() throws Exception {
        Printed p = run("ioctl", "fionread");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("fionread 0 27 -1 arg@(0x[0-9a-f]+)\n").matcher(p.stdout());
        assertTrue(m.find(), p.stdout());
        assertEquals(List.of(
                "ioctl(3, FIONREAD, [27]) = 0",
                "ioctl(3, TIOCOUTQ, " + m.group(1) + ") = -1 ENOTTY (Inappropriate ioctl for device)"),
                p.lines().stream().filter(s -> s.startsWith("ioctl(")).toList());
    }

    /**
     * madvise as strace 6.1 prints mem_advice.c (P the mapping's address):
     * <pre>
     * madvise(P, 65536, MADV_DONTNEED) = 0
     * madvise(P, 4096, MADV_WILLNEED) = 0
     * madvise(P, 8192, MADV_DONTDUMP) = 0
     * madvise(P+1, 4096, MADV_NORMAL) = -1 EINVAL (Invalid argument)
     * madvise(NULL, 0, MADV_NORMAL) = 0
     * madvise(P, 8192, 0x3e7 /* MADV_??? *&#47;) = -1 EINVAL (Invalid argument)
     * </pre>
     */
    @Test
    void madviseNamesItsAdvice() throws Exception {
        Printed p = run("madvise", "mem_advice");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("madvise 0 0 0 -1 0 -1 at (0x[0-9a-f]+)\n").matcher(p.stdout());
        assertTrue(m.find(), p.stdout());
        String at = m.group(1), next = "0x" + Long.toHexString(Long.parseLong(at.substring(2), 16) + 1);
        assertEquals(List.of(
                "madvise(" + at + ", 65536, MADV_DONTNEED) = 0",
                "madvise(" + at + ", 4096, MADV_WILLNEED) = 0",
                "madvise(" + at + ", 8192, MADV_DONTDUMP) = 0",
                "madvise(" + next + ", 4096, MADV_NORMAL) = -1 EINVAL (Invalid argument)",
                "madvise(NULL, 0, MADV_NORMAL) = 0",
                "madvise(" + at + ", 8192, 0x3e7 /* MADV_??? */) = -1 EINVAL (Invalid argument)"),
                p.lines().stream().filter(s -> s.startsWith("madvise(")).toList());
    }

    /** The same program under strace: its madvise lines, addresses masked, but for the unknown advice. Skipped without strace. */
    @Test
    void madviseLinesAreStracesLines() throws Exception {
        assertLinesAreStraces("madvise", "mem_advice", l -> l.startsWith("madvise("), l -> l.startsWith("madvise("),
                l -> l.replaceAll("0x[0-9a-f]+", "ADDR"), 6);
    }

    private static final String EPOLLS = "epoll_create,epoll_ctl,epoll_wait,epoll_pwait,epoll_pwait2";

    /**
     * The epoll calls as strace 6.1 prints epoll_calls.c (A, B the addresses of its event and
     * array): the event's data as both union members, what the waits returned ([] for none),
     * sigmask and timeout, a failed wait's array and EPOLL_CTL_DEL's event as addresses. strace
     * writes the unknown operation {@code 0x7 /* EPOLL_CTL_??? *&#47;}, pdig too.
     */
    @Test
    void epollCallsShowTheirEvents() throws Exception {
        Printed p = run(EPOLLS, "epoll_calls");
        assertEquals("epoll 5\nctl 0 -1 0 -1 -1 -1 0\n", p.stdout());
        String out = "[{events=EPOLLIN, data={u32=4294967295, u64=18446744073709551615}}, {events=EPOLLOUT, data={u32=4, u64=4}}]";
        assertEquals(List.of(
                "epoll_create(1) = 5",
                "epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=7, u64=4294967303}}) = 0",
                "epoll_ctl(5, EPOLL_CTL_MOD, 3, {events=EPOLLIN|EPOLLPRI|EPOLLOUT|EPOLLERR|EPOLLHUP|EPOLLNVAL|EPOLLRDNORM|EPOLLRDBAND"
                        + "|EPOLLWRNORM|EPOLLWRBAND|EPOLLMSG|EPOLLRDHUP|EPOLLEXCLUSIVE|EPOLLWAKEUP|EPOLLONESHOT|EPOLLET,"
                        + " data={u32=7, u64=4294967303}}) = -1 EINVAL (Invalid argument)",
                "epoll_ctl(5, EPOLL_CTL_ADD, 4, {events=EPOLLOUT, data={u32=4, u64=4}}) = 0",
                "epoll_ctl(5, EPOLL_CTL_ADD, 99, {events=EPOLLOUT, data={u32=4, u64=4}}) = -1 EBADF (Bad file descriptor)",
                "epoll_ctl(5, EPOLL_CTL_ADD, 3, NULL) = -1 EFAULT (Bad address)",
                "epoll_ctl(5, 0x7 /* EPOLL_CTL_??? */, 3, {events=EPOLLOUT, data={u32=4, u64=4}}) = -1 EINVAL (Invalid argument)",
                "epoll_wait(5, [{events=EPOLLOUT, data={u32=4, u64=4}}], 4, 0) = 1",
                "epoll_ctl(5, EPOLL_CTL_MOD, 3, {events=EPOLLIN, data={u32=4294967295, u64=18446744073709551615}}) = 0",
                "epoll_wait(5, [{events=EPOLLOUT, data={u32=4, u64=4}}, {events=EPOLLIN, data={u32=4294967295, u64=18446744073709551615}}], 4, 10) = 2",
                "epoll_wait(5, [{events=EPOLLOUT, data={u32=4, u64=4}}], 1, 10) = 1",
                "epoll_pwait(5, " + out + ", 4, 0, NULL, 8) = 2",
                "epoll_pwait(5, " + out + ", 4, 0, [INT], 8) = 2",
                "epoll_pwait2(5, " + out + ", 4, {tv_sec=0, tv_nsec=1000}, NULL, 8) = 2",
                "epoll_wait(5, 0x8, 4, 0) = -1 EFAULT (Bad address)",
                "epoll_wait(5, ADDR, 0, 0) = -1 EINVAL (Invalid argument)",
                "epoll_ctl(5, EPOLL_CTL_DEL, 3, ADDR) = 0",
                "epoll_ctl(5, EPOLL_CTL_DEL, 4, NULL) = 0",
                "epoll_create(0) = -1 EINVAL (Invalid argument)"),
                p.lines().stream().filter(s -> s.startsWith("epoll_")).map(s -> s.replaceAll("0x[0-9a-f]{3,}", "ADDR")).toList());
    }

    /** The same program under strace: its epoll lines, addresses masked. Skipped without strace. */
    @Test
    void epollLinesAreStracesLines() throws Exception {
        assertLinesAreStraces(EPOLLS, "epoll_calls", l -> l.startsWith("epoll_"), l -> l.startsWith("epoll_"),
                l -> l.replaceAll("0x[0-9a-f]+", "ADDR"), 19);
    }

    /**
     * Sleeps a signal cut short, as strace 6.1 prints sleep_interrupted.c: the time left the kernel
     * wrote into rem after a relative sleep (the same the program got back), the address after an
     * absolute one:
     * <pre>
     * clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=2, tv_nsec=0}, {tv_sec=1, tv_nsec=970287825}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)
     * clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=2, tv_nsec=0}, NULL) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)
     * clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=2275, tv_nsec=240317692}, 0x7ffef3119050) = ? ERESTARTNOHAND (To be restarted if no handler)
     * nanosleep({tv_sec=2, tv_nsec=0}, {tv_sec=1, tv_nsec=970051076}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)
     * </pre>
     */
    @Test
    void interruptedSleepsShowTheTimeLeft() throws Exception {
        Printed p = run("clock_nanosleep,nanosleep", "sleep_interrupted");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("left (\\d+) (\\d+)\nleft (\\d+) (\\d+)\nslept -1 -1 -1 -1\n")
                .matcher(p.stdout());
        assertTrue(m.matches(), p.stdout());
        List<String> sleeps = p.lines().stream().filter(s -> s.contains("sleep(")).toList();
        assertEquals(4, sleeps.size(), String.join("\n", p.lines()));
        String restart = " = ? ERESTART_RESTARTBLOCK (Interrupted by signal)";
        assertEquals("clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=2, tv_nsec=0}, {tv_sec=" + m.group(1) + ", tv_nsec=" + m.group(2) + "})"
                + restart, sleeps.get(0));
        assertEquals("clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=2, tv_nsec=0}, NULL)" + restart, sleeps.get(1));
        assertTrue(sleeps.get(2).matches("clock_nanosleep\\(CLOCK_MONOTONIC, TIMER_ABSTIME, \\{tv_sec=\\d+, tv_nsec=\\d+\\}, 0x[0-9a-f]+\\)"
                + " = \\? ERESTARTNOHAND \\(To be restarted if no handler\\)"), sleeps.get(2));
        assertEquals("nanosleep({tv_sec=2, tv_nsec=0}, {tv_sec=" + m.group(3) + ", tv_nsec=" + m.group(4) + "})" + restart, sleeps.get(3));
    }

    /** The same program under strace: its sleep lines, times and addresses masked. Skipped without strace. */
    @Test
    void interruptedSleepLinesAreStracesLines() throws Exception {
        assertLinesAreStraces("clock_nanosleep,nanosleep", "sleep_interrupted", l -> l.contains("sleep("), l -> l.contains("sleep("),
                l -> l.replaceAll("tv_sec=\\d+, tv_nsec=\\d+", "T").replaceAll("0x[0-9a-f]+", "ADDR"), 4);
    }

    /**
     * ppoll as strace 6.1 prints ppoll_fds.c (M the sigmask's address): the timeout as given, the
     * time left after a positive result (what the program read back), the sigmask:
     * <pre>
     * ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=1, tv_nsec=0}, NULL, 8) = 1 ([{fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=999997315})
     * ppoll([{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}], 2, NULL, [INT TERM], 8) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])
     * ppoll([{fd=4, events=0}], 1, {tv_sec=0, tv_nsec=0}, NULL, 8) = 0 (Timeout)
     * ppoll([{fd=4, events=0}], 1, {tv_sec=0, tv_nsec=1000}, [INT TERM], 8) = 0 (Timeout)
     * ppoll(0x8, 1, {tv_sec=0, tv_nsec=0}, NULL, 8) = -1 EFAULT (Bad address)
     * ppoll([{fd=3, events=POLLIN}], 1, 0x8, NULL, 8) = -1 EFAULT (Bad address)
     * ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=0}, M, 7) = -1 EINVAL (Invalid argument)
     * </pre>
     */
    @Test
    void ppollShowsItsTimeoutAndTheTimeLeft() throws Exception {
        Printed p = run("ppoll", "ppoll_fds");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("left (\\d+) (\\d+)\nppoll 1 2 0 0 -1 -1 -1\n").matcher(p.stdout());
        assertTrue(m.matches(), p.stdout());
        assertEquals(List.of(
                "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=1, tv_nsec=0}, NULL, 8) = 1 ([{fd=3, revents=POLLIN}], left {tv_sec="
                        + m.group(1) + ", tv_nsec=" + m.group(2) + "})",
                "ppoll([{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}], 2, NULL, [INT TERM], 8) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])",
                "ppoll([{fd=4, events=0}], 1, {tv_sec=0, tv_nsec=0}, NULL, 8) = 0 (Timeout)",
                "ppoll([{fd=4, events=0}], 1, {tv_sec=0, tv_nsec=1000}, [INT TERM], 8) = 0 (Timeout)",
                "ppoll(0x8, 1, {tv_sec=0, tv_nsec=0}, NULL, 8) = -1 EFAULT (Bad address)",
                "ppoll([{fd=3, events=POLLIN}], 1, 0x8, NULL, 8) = -1 EFAULT (Bad address)",
                "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=0}, M, 7) = -1 EINVAL (Invalid argument)"),
                p.lines().stream().filter(s -> s.startsWith("ppoll(")).map(s -> s.replaceAll("0x[0-9a-f]{3,}", "M")).toList());
    }

    /** The same program under strace: its ppoll lines, the time left and addresses masked. Skipped without strace. */
    @Test
    void ppollLinesAreStracesLines() throws Exception {
        assertLinesAreStraces("ppoll", "ppoll_fds", l -> l.startsWith("ppoll("), l -> l.startsWith("ppoll("),
                l -> l.replaceAll("left \\{tv_sec=\\d+, tv_nsec=\\d+\\}", "left T").replaceAll("0x[0-9a-f]+", "ADDR"), 7);
    }

    /**
     * setgroups as strace 6.1 prints groups_set.c (as root; L the array's address):
     * <pre>
     * setgroups(3, [1, 2, 3]) = 0
     * setgroups(0, NULL) = 0
     * setgroups(0, []) = 0
     * setgroups(40, [0, 1, 2, ..., 31, ...]) = 0
     * setgroups(2, 0x8) = -1 EFAULT (Bad address)
     * setgroups(70000, L) = -1 EINVAL (Invalid argument)
     * setgroups(-1, L) = -1 EINVAL (Invalid argument)
     * </pre>
     */
    @Test
    void setgroupsShowsTheListItSets() throws Exception {
        Printed p = run("setgroups", "groups_set");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("list (0x[0-9a-f]+)\n").matcher(p.stdout());
        assertTrue(m.matches(), p.stdout());
        List<String> lines = p.lines().stream().filter(s -> s.startsWith("setgroups(")).map(s -> s.replaceAll(" = (0|-1 EPERM .*)$", " = R"))
                .toList();
        StringBuilder forty = new StringBuilder("[");
        for (int g = 0; g < 32; g++) forty.append(g).append(", ");
        assertEquals(List.of(
                "setgroups(3, [1, 2, 3]) = R",
                "setgroups(0, NULL) = R",
                "setgroups(0, []) = R",
                "setgroups(40, " + forty + "...]) = R",
                "setgroups(2, 0x8) = -1 EFAULT (Bad address)",
                "setgroups(70000, " + m.group(1) + ") = -1 EINVAL (Invalid argument)",
                "setgroups(-1, " + m.group(1) + ") = -1 EINVAL (Invalid argument)"), lines);
    }

    /** The same program under strace: its setgroups lines, addresses masked. Skipped without strace. */
    @Test
    void setgroupsLinesAreStracesLines() throws Exception {
        assertLinesAreStraces("setgroups", "groups_set", l -> l.startsWith("setgroups("), l -> l.startsWith("setgroups("),
                l -> l.replaceAll("0x[0-9a-f]{3,}", "ADDR"), 7);
    }

    /**
     * Control messages other than SCM_RIGHTS, as strace 6.1 prints msg_control.c's (P its pid,
     * the timestamps those the program got):
     * <pre>
     * sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}], msg_iovlen=1, msg_control=[{cmsg_len=28,
     *     cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=P, uid=0, gid=0}}], msg_controllen=32, msg_flags=0}, 0) = 5
     * recvmsg(4, {... msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=P, uid=0, gid=0}}], ...}, 0) = 5
     * recvmsg(5, {... msg_control=[{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data={tv_sec=S, tv_usec=U}}], ...}, 0) = 1
     * recvmsg(5, {... msg_control=[{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPNS_OLD, cmsg_data={tv_sec=S, tv_nsec=N}}], ...}, 0) = 1
     * recvmsg(5, {... msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPNS_OLD, cmsg_data=???}],
     *     msg_controllen=20, msg_flags=MSG_CTRUNC}, 0) = 1
     * </pre>
     */
    @Test
    void controlMessagesShowTheirData() throws Exception {
        Printed p = run("sendmsg,recvmsg", "msg_control");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pid (\\d+)\nts (\\d+) (\\d+)\ntsns (\\d+) (\\d+)\n").matcher(p.stdout());
        assertTrue(m.matches(), p.stdout());
        String creds = "msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=" + m.group(1)
                + ", uid=0, gid=0}}], msg_controllen=32, msg_flags=0}";
        assertEquals(List.of(
                "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=5}], msg_iovlen=1, " + creds + ", 0) = 5",
                "recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=64}], msg_iovlen=1, " + creds + ", 0) = 5",
                "recvmsg(5, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"a\", iov_len=64}], msg_iovlen=1, msg_control=[{cmsg_len=32,"
                        + " cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data={tv_sec=" + m.group(2) + ", tv_usec=" + m.group(3)
                        + "}}], msg_controllen=32, msg_flags=0}, 0) = 1",
                "recvmsg(5, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"b\", iov_len=64}], msg_iovlen=1, msg_control=[{cmsg_len=32,"
                        + " cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPNS_OLD, cmsg_data={tv_sec=" + m.group(4) + ", tv_nsec=" + m.group(5)
                        + "}}], msg_controllen=32, msg_flags=0}, 0) = 1",
                "recvmsg(5, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"c\", iov_len=64}], msg_iovlen=1, msg_control=[{cmsg_len=20,"
                        + " cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPNS_OLD, cmsg_data=???}], msg_controllen=20, msg_flags=MSG_CTRUNC}, 0) = 1"),
                p.lines().stream().filter(s -> s.startsWith("sendmsg(") || s.startsWith("recvmsg(")).toList());
    }

    /** The same program under strace: its sendmsg/recvmsg lines, pid and times masked. Skipped without strace. */
    @Test
    void controlMessageLinesAreStracesLines() throws Exception {
        assertLinesAreStraces("sendmsg,recvmsg", "msg_control", l -> true, l -> !l.startsWith("+++") && !l.startsWith("[pdig: exec"),
                l -> l.replaceAll("pid=\\d+", "pid=P").replaceAll("tv_sec=\\d+, tv_(u|n)sec=\\d+", "T"), 5);
    }

    /**
     * ioctl's third argument by request, as strace 6.1 prints ioctl_args.c (P its pid, A an
     * address; the last three only when /dev/ptmx opened):
     * <pre>
     * ioctl(3, FIONBIO, [1]) = 0
     * ioctl(3, FIONBIO, [0]) = 0
     * ioctl(3, FIOASYNC, [0]) = 0
     * ioctl(3, FIOCLEX) = 0
     * ioctl(3, FIONCLEX) = 0
     * ioctl(3, FIONBIO, 0x8) = -1 EFAULT (Bad address)
     * ioctl(3, BTRFS_IOC_CLONE or FICLONE, 4) = -1 EINVAL (Invalid argument)
     * ioctl(3, TIOCGPGRP, A) = -1 ENOTTY (Inappropriate ioctl for device)
     * ioctl(3, TIOCSPGRP, [P]) = -1 ENOTTY (Inappropriate ioctl for device)
     * ioctl(3, TIOCOUTQ, A) = -1 ENOTTY (Inappropriate ioctl for device)
     * ioctl(3, _IOC(_IOC_READ, 0x99, 0x1, 0x4), 0x5) = -1 ENOTTY (Inappropriate ioctl for device)
     * ioctl(5, TIOCSPTLCK, [0]) = 0
     * ioctl(5, TIOCOUTQ, [0]) = 0
     * ioctl(5, TIOCGPGRP, [0]) = 0
     * </pre>
     */
    @Test
    void ioctlShowsItsArgumentByRequest() throws Exception {
        Printed p = run("ioctl", "ioctl_args");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pid (\\d+) ptmx (-?\\d+)\n").matcher(p.stdout());
        assertTrue(m.matches(), p.stdout());
        List<String> expected = new ArrayList<>(List.of(
                "ioctl(3, FIONBIO, [1]) = 0",
                "ioctl(3, FIONBIO, [0]) = 0",
                "ioctl(3, FIOASYNC, [0]) = 0",
                "ioctl(3, FIOCLEX) = 0",
                "ioctl(3, FIONCLEX) = 0",
                "ioctl(3, FIONBIO, 0x8) = -1 EFAULT (Bad address)",
                "ioctl(3, BTRFS_IOC_CLONE or FICLONE, 4) = -1 EINVAL (Invalid argument)",
                "ioctl(3, TIOCGPGRP, A) = -1 ENOTTY (Inappropriate ioctl for device)",
                "ioctl(3, TIOCSPGRP, [" + m.group(1) + "]) = -1 ENOTTY (Inappropriate ioctl for device)",
                "ioctl(3, TIOCOUTQ, A) = -1 ENOTTY (Inappropriate ioctl for device)",
                "ioctl(3, _IOC(_IOC_READ, 0x99, 0x1, 0x4), 0x5) = -1 ENOTTY (Inappropriate ioctl for device)"));
        if (m.group(2).equals("5")) {
            expected.addAll(List.of("ioctl(5, TIOCSPTLCK, [0]) = 0", "ioctl(5, TIOCOUTQ, [0]) = 0", "ioctl(5, TIOCGPGRP, [0]) = 0"));
        }
        assertEquals(expected, p.lines().stream().filter(s -> s.startsWith("ioctl(")).map(s -> s.replaceAll("0x[0-9a-f]{3,}", "A")).toList());
    }

    /** The same program under strace: its ioctl lines, pid and addresses masked. Skipped without strace. */
    @Test
    void ioctlLinesAreStracesLines() throws Exception {
        assertLinesAreStraces("ioctl", "ioctl_args", l -> l.startsWith("ioctl("), l -> l.startsWith("ioctl("),
                l -> l.replaceAll("0x[0-9a-f]{3,}", "A").replaceAll("\\[\\d{2,}\\]", "[P]"), -11);
    }

    /**
     * struct statfs as strace 6.1 prints statfs_calls.c's (here / is ext4; B the buffer's address):
     * <pre>
     * statfs("/", {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, f_bfree=60174488, f_bavail=20719195, f_files=16777216,
     *     f_ffree=16344728, f_fsid={val=[0xefcda243, 0x6b01326a]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0
     * statfs("/proc", {f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0,
     *     f_fsid={val=[0x14, 0]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0
     * fstatfs(3, {... as "/" ...}) = 0
     * statfs("/nonexistent", B) = -1 ENOENT (No such file or directory)
     * statfs("/", 0x8) = -1 EFAULT (Bad address)
     * </pre>
     * The free counts of "/" are the ones the program got back; the rest must be strace's.
     */
    @Test
    void statfsShowsTheStruct() throws Exception {
        Printed p = run("statfs,fstatfs", "statfs_calls");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("root (\\d+) (\\d+) (\\d+)\n").matcher(p.stdout());
        assertTrue(m.matches(), p.stdout());
        List<String> l = p.lines().stream().filter(s -> s.startsWith("statfs(") || s.startsWith("fstatfs(")).toList();
        assertEquals(5, l.size(), String.join("\n", p.lines()));
        assertTrue(l.get(0).matches("statfs\\(\"/\", \\{f_type=\\w+, f_bsize=\\d+, f_blocks=\\d+, f_bfree=" + m.group(1) + ", f_bavail="
                + m.group(2) + ", f_files=\\d+, f_ffree=" + m.group(3) + ", f_fsid=\\{val=\\[\\w+, \\w+\\]\\}, f_namelen=\\d+,"
                + " f_frsize=\\d+, f_flags=ST_\\w+(\\|ST_\\w+)*\\}\\) = 0"), l.get(0));
        assertTrue(l.get(1).matches("statfs\\(\"/proc\", \\{f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0,"
                + " f_files=0, f_ffree=0, f_fsid=\\{val=\\[\\w+, \\w+\\]\\}, f_namelen=255, f_frsize=4096, f_flags=.*\\}\\) = 0"), l.get(1));
        assertTrue(l.get(2).startsWith("fstatfs(3, {f_type="), l.get(2));
        assertTrue(l.get(3).matches("statfs\\(\"/nonexistent\", 0x[0-9a-f]+\\) = -1 ENOENT \\(No such file or directory\\)"), l.get(3));
        assertEquals("statfs(\"/\", 0x8) = -1 EFAULT (Bad address)", l.get(4));
    }

    /** The same program under strace: its statfs lines, addresses and the free counts of "/" masked. Skipped without strace. */
    @Test
    void statfsLinesAreStracesLines() throws Exception {
        assertLinesAreStraces("statfs,fstatfs", "statfs_calls", l -> l.contains("statfs("), l -> l.contains("statfs("),
                l -> l.replaceAll("f_(bfree|bavail|ffree)=\\d+", "f_$1=N")
                        .replaceAll("statfs\\(\"/nonexistent\", 0x[0-9a-f]+", "statfs(\"/nonexistent\", B"), 5);
    }

    private static final String SMALL_ROWS = "umask,flock,rt_sigsuspend,sigaltstack,getresuid,getresgid";

    /**
     * umask, flock, rt_sigsuspend, sigaltstack, getresuid and getresgid as strace 6.1 prints
     * small_rows.c (run as root; S the alternate stack, A an address):
     * <pre>
     * umask(022) = 022
     * umask(0777) = 022
     * umask(000) = 0777
     * flock(3, LOCK_EX) = 0
     * flock(3, LOCK_SH|LOCK_NB) = 0
     * flock(3, LOCK_UN) = 0
     * flock(99, LOCK_EX) = -1 EBADF (Bad file descriptor)
     * flock(3, LOCK_READ) = -1 EINVAL (Invalid argument)
     * rt_sigsuspend([], 8) = ? ERESTARTNOHAND (To be restarted if no handler)
     * sigaltstack({ss_sp=S, ss_flags=0, ss_size=65536}, NULL) = 0
     * sigaltstack(NULL, {ss_sp=S, ss_flags=0, ss_size=65536}) = 0
     * sigaltstack({ss_sp=S, ss_flags=SS_DISABLE, ss_size=65536}, {ss_sp=S, ss_flags=0, ss_size=65536}) = 0
     * sigaltstack(0x8, NULL) = -1 EFAULT (Bad address)
     * getresuid([0], [0], [0]) = 0
     * getresgid([0], [0], [0]) = 0
     * getresuid(NULL, A, A) = -1 EFAULT (Bad address)
     * </pre>
     */
    @Test
    void smallRowsShowTheirArguments() throws Exception {
        Printed p = run(SMALL_ROWS, "small_rows", "--", tmp.resolve("lock").toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stack (0x[0-9a-f]+)\n").matcher(p.stdout());
        assertTrue(m.matches(), p.stdout());
        String s = "{ss_sp=" + m.group(1) + ", ss_flags=0, ss_size=65536}";
        long uid = new com.sun.security.auth.module.UnixSystem().getUid(), gid = new com.sun.security.auth.module.UnixSystem().getGid();
        assertEquals(List.of(
                "umask(022) = 022",
                "umask(0777) = 022",
                "umask(000) = 0777",
                "flock(3, LOCK_EX) = 0",
                "flock(3, LOCK_SH|LOCK_NB) = 0",
                "flock(3, LOCK_UN) = 0",
                "flock(99, LOCK_EX) = -1 EBADF (Bad file descriptor)",
                "flock(3, LOCK_READ) = -1 EINVAL (Invalid argument)",
                "rt_sigsuspend([], 8) = ? ERESTARTNOHAND (To be restarted if no handler)",
                "sigaltstack(" + s + ", NULL) = 0",
                "sigaltstack(NULL, " + s + ") = 0",
                "sigaltstack({ss_sp=" + m.group(1) + ", ss_flags=SS_DISABLE, ss_size=65536}, " + s + ") = 0",
                "sigaltstack(0x8, NULL) = -1 EFAULT (Bad address)",
                "getresuid([" + uid + "], [" + uid + "], [" + uid + "]) = 0",
                "getresgid([" + gid + "], [" + gid + "], [" + gid + "]) = 0",
                "getresuid(NULL, A, A) = -1 EFAULT (Bad address)"),
                p.lines().stream().filter(x -> x.matches("(umask|flock|rt_sigsuspend|sigaltstack|getres[ug]id)\\(.*"))
                        .map(x -> x.startsWith("getresuid(NULL") ? x.replaceAll("0x[0-9a-f]+", "A") : x).toList());
    }

    /** The same program under strace: those lines, addresses masked. Skipped without strace. */
    @Test
    void smallRowLinesAreStracesLines() throws Exception {
        java.util.function.UnaryOperator<String> mask = x -> x.replaceAll("0x[0-9a-f]{3,}", "A");
        java.util.function.Predicate<String> mine = x -> x.matches("(umask|flock|rt_sigsuspend|sigaltstack|getres[ug]id)\\(.*");
        List<String> straced = stracedLines(SMALL_ROWS, "small_rows", tmp.resolve("lock1").toString()).stream().filter(mine).map(mask).toList();
        List<String> pdig = printed(SMALL_ROWS, "small_rows", "--", tmp.resolve("lock2").toString()).stream().filter(mine).map(mask).toList();
        assertEquals(16, straced.size(), String.join("\n", straced));
        assertEquals(straced, pdig);
    }
}

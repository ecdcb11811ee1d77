package io.pdig.launcher.live;

import static io.pdig.launcher.live.PrintRuns.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * utimensat as strace 6.1 shows it, for test-programs/src/utimes.c (raw syscalls): each time with
 * its date in the local time zone (strace's default), UTIME_NOW and UTIME_OMIT by name, no date
 * for the epoch or a refused tv_nsec.
 */
class UtimensatLinesTest {

    @TempDir
    Path tmp;

    /** The date strace writes after a time, in this machine's zone (pdig's JVM has the same). */
    private static String date(long sec, String nanos) {
        String t = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(Instant.ofEpochSecond(sec).atZone(ZoneId.systemDefault()));
        String zone = DateTimeFormatter.ofPattern("xx").format(Instant.ofEpochSecond(sec).atZone(ZoneId.systemDefault()));
        return " /* " + t + nanos + zone + " */";
    }

    /**
     * strace's lines (with TZ=UTC; the file is F):
     * <pre>
     * utimensat(AT_FDCWD, F, [{tv_sec=1796638272, tv_nsec=0} /* 2026-12-07T10:11:12+0000 *&#47;, {tv_sec=1796638272, tv_nsec=123456789} /* 2026-12-07T10:11:12.123456789+0000 *&#47;], 0) = 0
     * utimensat(AT_FDCWD, F, NULL, 0) = 0
     * utimensat(AT_FDCWD, F, [UTIME_NOW, UTIME_OMIT], 0) = 0
     * utimensat(AT_FDCWD, F, [{tv_sec=0, tv_nsec=0}, {tv_sec=-1, tv_nsec=999999999} /* 1969-12-31T23:59:59.999999999+0000 *&#47;], 0) = 0
     * utimensat(AT_FDCWD, F, [{tv_sec=5, tv_nsec=1000000000}, {tv_sec=5, tv_nsec=0} /* 1970-01-01T00:00:05+0000 *&#47;], 0) = -1 EINVAL (Invalid argument)
     * utimensat(3, NULL, [{tv_sec=1000000000, tv_nsec=0} /* 2001-09-09T01:46:40+0000 *&#47;, ...], 0) = 0
     * utimensat(AT_FDCWD, F, 0x8, 0) = -1 EFAULT (Bad address)
     * </pre>
     */
    @Test
    void timesShowTheirDates() throws Exception {
        Path f = Files.createFile(tmp.resolve("f"));
        String q = "\"" + f + "\"";
        List<String> l = new PrintRuns(tmp).run("utimensat", "utimes", "--", f.toString()).lines();
        assertHas(l, "utimensat(AT_FDCWD, " + q + ", [{tv_sec=1796638272, tv_nsec=0}" + date(1796638272, "")
                + ", {tv_sec=1796638272, tv_nsec=123456789}" + date(1796638272, ".123456789") + "], 0) = 0");
        assertHas(l, "utimensat(AT_FDCWD, " + q + ", NULL, 0) = 0");
        assertHas(l, "utimensat(AT_FDCWD, " + q + ", [UTIME_NOW, UTIME_OMIT], 0) = 0");
        assertHas(l, "utimensat(AT_FDCWD, " + q + ", [{tv_sec=0, tv_nsec=0}, {tv_sec=-1, tv_nsec=999999999}" + date(-1, ".999999999")
                + "], 0) = 0");
        assertHas(l, "utimensat(AT_FDCWD, " + q + ", [{tv_sec=5, tv_nsec=1000000000}, {tv_sec=5, tv_nsec=0}" + date(5, "")
                + "], 0) = -1 EINVAL (Invalid argument)");
        assertHas(l, "utimensat(AT_FDCWD, " + q + ", [{tv_sec=4102444800, tv_nsec=0}" + date(4102444800L, "")
                + ", {tv_sec=86400, tv_nsec=1}" + date(86400, ".000000001") + "], AT_SYMLINK_NOFOLLOW) = 0");
        assertHas(l, "utimensat(3, NULL, [{tv_sec=1000000000, tv_nsec=0}" + date(1000000000, "") + ", {tv_sec=1000000000, tv_nsec=0}"
                + date(1000000000, "") + "], 0) = 0");
        assertHas(l, "utimensat(AT_FDCWD, " + q + ", 0x8, 0) = -1 EFAULT (Bad address)");
    }

    /** Every line is strace's own for the same program and file (the program takes an argument, which assertLinesAreStraces does not pass). */
    @Test
    void utimensatLinesAreStracesLines() throws Exception {
        Path f = Files.createFile(tmp.resolve("f"));
        PrintRuns runs = new PrintRuns(tmp);
        List<String> straced = runs.stracedLines("utimensat", "utimes", f.toString()).stream().filter(x -> x.startsWith("utimensat(")).toList();
        List<String> printed = runs.run("utimensat", "utimes", "--", f.toString()).lines().stream().filter(x -> x.startsWith("utimensat(")).toList();
        assertEquals(8, straced.size(), String.join("\n", straced));
        assertEquals(straced, printed);
    }
}

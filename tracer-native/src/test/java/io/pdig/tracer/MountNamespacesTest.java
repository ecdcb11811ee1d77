package io.pdig.tracer;

import static io.pdig.tracer.ScratchMounts.sh;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.event.ProcessEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The read-only superblock lookup of the exec snapshot (MountNamespaces), on real mounts made under
 * target/ and real tracees: copies of /usr/bin/true on a read-only bind mount of a writable
 * directory (EXE_WRITABLE for root) and on a read-only tmpfs (not writable), the mount table read
 * once per namespace and not per exec, a remount and an unmount + mount at the same place between
 * two execs of one session (where a table kept without its watch, with the kernel reusing the
 * mount id, would answer from the old mount), a tracee in a mount namespace of its own, a
 * superblock remounted from another namespace (seen once the table is old enough), and the watch
 * fds: bounded, and all closed with the session. Most tracees run in a mount namespace of their own
 * (unshare -m) so that mounts made by other work on the machine do not change their table.
 * Needs root (mount, unshare), as the tracer tests do.
 */
@Timeout(120)
class MountNamespacesTest {

    private ScratchMounts scratch;
    private Path dir;

    @BeforeEach
    void makeDir() throws IOException {
        scratch = new ScratchMounts("mount-ns-");
        dir = scratch.dir;
    }

    @AfterEach
    void cleanUp() throws Exception {
        System.clearProperty(MountNamespaces.MAX_AGE_PROPERTY);
        scratch.close();
    }

    /**
     * The two kinds of read-only filesystem statfs does not tell apart, each exec'd twice in one
     * namespace: the answers are Falco's, and the namespace's table is read once for all four.
     */
    @Test
    void aReadOnlyBindMountAndAReadOnlySuperblockWithOneTableRead() throws Exception {
        Path bind = readOnlyBindOfAWritableDir("bind");
        Path tmpfs = readOnlyTmpfs("tmpfs");
        noTableAging();
        Run r = run("unshare", "-m", "sh", "-c", bind + "/prog && " + tmpfs + "/prog && " + bind + "/prog && " + tmpfs + "/prog");
        assertEquals(List.of(true, false, true, false), r.writable(), r.toString());
        assertEquals(1, r.tableReads, "one read of the namespace's table: " + r);
    }

    /**
     * The superblock behind a read-only bind mount is remounted read-only, read-write, read-only
     * between three execs of one session: statfs says read-only all three times, and each answer
     * follows the superblock. The tracee that opened the watch has long exited by the second exec.
     */
    @Test
    void aRemountBetweenExecsIsSeen() throws Exception {
        Path t = Files.createDirectory(dir.resolve("t"));
        Path bind = readOnlyBindIntoATmpfs(t);
        noTableAging();
        Run r = run("unshare", "-m", "sh", "-c", "mount -o remount,ro " + t + " && " + bind + "/prog && mount -o remount,rw " + t
                + " && " + bind + "/prog && mount -o remount,ro " + t + " && " + bind + "/prog");
        assertEquals(List.of(false, true, false), r.writable(), r.toString());
        assertEquals(3, r.tableReads, "a read after each remount: " + r);
    }

    /**
     * A read-only tmpfs is unmounted and a read-only bind mount of a writable directory mounted at
     * the same place, then the other way round, between execs of the same path: the kernel
     * usually gives the new mount the old one's id, and each answer must be the new mount's.
     */
    @Test
    void anUnmountAndANewMountAtTheSamePlaceAreSeen() throws Exception {
        Path src = Files.createDirectory(dir.resolve("src"));
        copyOfTrue(src, "prog");
        Path p = readOnlyTmpfs("p");
        Path ids = dir.resolve("ids");
        String idOfP = "awk '$5 == \"" + p + "\" { print $1 }' /proc/self/mountinfo >>" + ids;
        noTableAging();
        Run r = run("unshare", "-m", "sh", "-c", idOfP + " && " + p + "/prog"
                + " && umount " + p + " && mount --bind " + src + " " + p + " && mount -o remount,bind,ro " + p + " && " + idOfP
                + " && " + p + "/prog"
                + " && umount " + p + " && mount -t tmpfs -o size=4m,mode=0755 tmpfs " + p + " && cp /usr/bin/true " + p + "/prog"
                + " && mount -o remount,ro " + p + " && " + idOfP + " && " + p + "/prog");
        assertEquals(List.of(false, true, false), r.writable(), r + " (mount ids at " + p + ": "
                + Files.readString(ids).replace('\n', ' ') + ")");
    }

    /**
     * The tracee makes a mount namespace of its own and mounts a read-only tmpfs where pdig's (and
     * its first) namespace has a read-only bind mount: each exec gets its own namespace's answer,
     * one table read per namespace.
     */
    @Test
    void aTraceeInAnotherMountNamespaceGetsItsOwnNamespacesAnswer() throws Exception {
        Path bind = readOnlyBindOfAWritableDir("bind");
        noTableAging();
        String inner = "umount " + bind + " && mount -t tmpfs -o size=4m,mode=0755 tmpfs " + bind + " && cp /usr/bin/true " + bind
                + "/prog && mount -o remount,ro " + bind + " && " + bind + "/prog && " + bind + "/prog";
        Run r = run("unshare", "-m", "sh", "-c", bind + "/prog && unshare -m sh -c '" + inner + "' && " + bind + "/prog");
        assertEquals(List.of(true, false, false, true), r.writable(), r.toString());
        assertEquals(2, r.tableReads, "one read per namespace: " + r);
    }

    /**
     * The limit of the watch: a superblock remounted read-only from pdig's namespace does not
     * touch the tracee's namespace, whose watch therefore reports nothing; the table is read
     * again once it is older than the age limit (here 50 ms), so the next exec after that sees it.
     */
    @Test
    void aSuperblockRemountedFromAnotherNamespaceIsSeenOnceTheTableIsOld() throws Exception {
        Path t = Files.createDirectory(dir.resolve("t"));
        Path bind = readOnlyBindIntoATmpfs(t);
        Path go = dir.resolve("go");
        System.setProperty(MountNamespaces.MAX_AGE_PROPERTY, "50");
        CollectingSink sink = new CollectingSink();
        String prog = bind + "/prog";
        try (TraceSession s = new PtraceDriver().launch(spec("unshare", "-m", "sh", "-c",
                prog + " && while [ ! -e " + go + " ]; do sleep 0.02; done && " + prog), sink)) {
            SessionControlTest.waitFor("the first exec", () -> !execsOf(sink, prog).isEmpty());
            assertEquals(0, sh("mount", "-o", "remount,ro", t.toString()), "remount the superblock from pdig's namespace");
            Thread.sleep(200);
            Files.createFile(go);
            assertEquals(Termination.exited(0), s.awaitTermination(), sink.dump());
        }
        assertEquals(List.of(true, false), execsOf(sink, prog).stream().map(ProcessEvent.ExeFile::writable).toList());
    }

    /**
     * Namespaces past the bound: each lookup in a namespace of its own (a sleeping unshare -m
     * child) opens a watch, the least recently used is closed once MAX_WATCHED are open, answers
     * stay right throughout, and close() leaves no watch fd open.
     */
    @Test
    void watchesAreBoundedAndAllClosed() throws Exception {
        Path tmpfs = readOnlyTmpfs("tmpfs");
        Path bind = readOnlyBindOfAWritableDir("bind");
        int before = mountinfoFds();
        List<Process> children = new ArrayList<>();
        try (MountNamespaces m = new MountNamespaces(NativeLibrary.lib(), new AtomicLong())) {
            String own = Files.readSymbolicLink(Path.of("/proc/self/ns/mnt")).toString();
            for (int i = 0; i < MountNamespaces.MAX_WATCHED + 3; i++) {
                Process c = new ProcessBuilder("unshare", "-m", "sleep", "60").start();
                children.add(c);
                Path ns = Path.of("/proc/" + c.pid() + "/ns/mnt");
                SessionControlTest.waitFor("the child's own namespace", () -> {
                    try {
                        return !Files.readSymbolicLink(ns).toString().equals(own);
                    } catch (IOException e) {
                        return false;
                    }
                });
                int pid = (int) c.pid();
                assertTrue(m.superblockReadOnly(pid, mountId(pid, tmpfs)), "read-only tmpfs in namespace " + i);
                assertFalse(m.superblockReadOnly(pid, mountId(pid, bind)), "read-only bind mount in namespace " + i);
                assertEquals(Math.min(i + 1, MountNamespaces.MAX_WATCHED), m.watchedCount());
                assertEquals(before + m.watchedCount(), mountinfoFds(), "one fd per watched namespace");
            }
        } finally {
            for (Process c : children) c.destroyForcibly().waitFor();
        }
        assertEquals(before, mountinfoFds(), "every watch closed");
    }

    /** A session's watch fds, one per namespace of a read-only exe, are open while it runs and closed with it. */
    @Test
    void aSessionClosesItsWatches() throws Exception {
        Path bind = readOnlyBindOfAWritableDir("bind");
        Path go = dir.resolve("go");
        int before = mountinfoFds();
        CollectingSink sink = new CollectingSink();
        String prog = bind + "/prog";
        try (TraceSession s = new PtraceDriver().launch(spec("unshare", "-m", "sh", "-c",
                prog + " && unshare -m " + prog + " && while [ ! -e " + go + " ]; do sleep 0.02; done"), sink)) {
            SessionControlTest.waitFor("both execs", () -> execsOf(sink, prog).size() == 2);
            assertEquals(before + 2, mountinfoFds(), "a watch per namespace, the inner one's kept after its last process exited");
            Files.createFile(go);
            assertEquals(Termination.exited(0), s.awaitTermination(), sink.dump());
        }
        SessionControlTest.waitFor("the watches closed", () -> mountinfoFds() == before);
    }

    @Test
    void mountinfoLinesParsed() {
        String info = "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro\n"
                + "40 22 8:1 /src /mnt ro,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro\n"
                + "41 22 0:50 / /ro ro,relatime - tmpfs tmpfs ro,size=4096k\n"
                + "42 22 0:51 / /rw\\040sb rw,relatime master:3 - tmpfs  ro,size=4096k\n"
                + "43 22 0:52 / /odd rorelatime - tmpfs tmpfs ro\n"
                + "45 22 0:54 / /empty\\040source ro,relatime shared:4 - tmpfs  rw,size=4096k\n"
                + "46 22 0:55 / /no-super ro,relatime - tmpfs tmpfs\n"
                + "x7 22 0:55 / /bad-id ro,relatime - tmpfs tmpfs ro\n"
                + "44 22 0:53 / /cut ro,relatime - tmpfs tmpfs rw";
        Map<Long, Boolean> t = MountNamespaces.parse(info.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Set.of(22L, 40L, 41L, 42L, 45L), t.keySet(),
                "an unknown first mount option, no super options, a bad id and a line cut short left out");
        assertFalse(t.get(45L), "a read-only mount of a writable superblock with an empty source");
        assertFalse(t.get(40L), "a read-only mount of a writable superblock");
        assertTrue(t.get(41L), "a read-only superblock");
        assertTrue(t.get(42L), "a mount that is not read-only: statfs' read-only is its superblock's (an empty source too)");
        assertTrue(t.get(22L));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** What one session gave: the writable flag of each exec of a file named prog, and the table reads. */
    private record Run(List<Boolean> writable, long tableReads, String dump) {
        @Override
        public String toString() {
            return "writable " + writable + ", mount_table_reads " + tableReads + "\n" + dump;
        }
    }

    private Run run(String... cmd) throws Exception {
        CollectingSink sink = new CollectingSink();
        Termination t;
        long reads;
        try (TraceSession s = new PtraceDriver().launch(spec(cmd), sink)) {
            t = s.awaitTermination();
            reads = s.counters().get("mount_table_reads");
        }
        assertEquals(Termination.exited(0), t, sink.dump());
        List<Boolean> writable = sink.of(ProcessEvent.Exec.class).stream()
                .filter(e -> CollectingSink.str(e.exePath()).endsWith("/prog"))
                .map(e -> {
                    assertNotNull(e.exeFile(), "exe facts read: " + e);
                    return e.exeFile().writable();
                }).toList();
        return new Run(writable, reads, sink.dump());
    }

    private static LaunchSpec spec(String... cmd) {
        return new LaunchSpec(List.of(cmd), null, null, Set.of("execve"), false, false, 4096, true);
    }

    private static List<ProcessEvent.ExeFile> execsOf(CollectingSink sink, String exe) {
        return sink.of(ProcessEvent.Exec.class).stream().filter(e -> exe.equals(CollectingSink.str(e.exePath())))
                .map(ProcessEvent.Exec::exeFile).toList();
    }

    /** Tables are kept until a change is reported, however long the test takes on a busy machine. */
    private static void noTableAging() {
        System.setProperty(MountNamespaces.MAX_AGE_PROPERTY, "3600000");
    }

    /** A read-only bind mount at NAME of a writable directory (under target/) holding prog. */
    /**
     * A tmpfs mounted at {@code t} holding d/prog (a copy of true), and a read-only bind mount of
     * t/d at dir/bind, which is returned: its superblock (t's) is writable until a test remounts it.
     */
    private Path readOnlyBindIntoATmpfs(Path t) throws Exception {
        mount(t, "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs");
        copyOfTrue(Files.createDirectory(t.resolve("d")), "prog");
        Path bind = Files.createDirectory(dir.resolve("bind"));
        mount(bind, "--bind", t.resolve("d").toString());
        assertEquals(0, sh("mount", "-o", "remount,bind,ro", bind.toString()));
        return bind;
    }

    private Path readOnlyBindOfAWritableDir(String name) throws Exception {
        Path src = Files.createDirectory(dir.resolve(name + "-src"));
        copyOfTrue(src, "prog");
        Path at = Files.createDirectory(dir.resolve(name));
        mount(at, "--bind", src.toString());
        assertEquals(0, sh("mount", "-o", "remount,bind,ro", at.toString()), "remount the bind read-only");
        return at;
    }

    /** A tmpfs at NAME holding prog, remounted read-only (its superblock). */
    private Path readOnlyTmpfs(String name) throws Exception {
        Path at = Files.createDirectory(dir.resolve(name));
        mount(at, "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs");
        copyOfTrue(at, "prog");
        assertEquals(0, sh("mount", "-o", "remount,ro", at.toString()), "remount read-only");
        return at;
    }

    /** The id of the mount at {@code at} in process pid's table. */
    private static long mountId(int pid, Path at) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/mountinfo"), StandardCharsets.ISO_8859_1)) {
            String[] f = line.split(" ");
            if (f[4].equals(at.toString())) return Long.parseLong(f[0]);
        }
        throw new AssertionError("no mount at " + at + " in process " + pid + "'s table");
    }

    /** This JVM's fds open on some process's mountinfo (the watches). */
    private static int mountinfoFds() {
        int n = 0;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : s.toList()) {
                try {
                    if (Files.readSymbolicLink(p).toString().matches("/proc/\\d+/mountinfo")) n++;
                } catch (IOException e) {
                    // the fd of the listing itself, closed by now
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return n;
    }

    private static void copyOfTrue(Path in, String name) throws IOException {
        Path p = in.resolve(name);
        Files.copy(Path.of("/usr/bin/true"), p, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void mount(Path at, String... how) throws Exception {
        scratch.mount(at, "(root with CAP_SYS_ADMIN)", how);
    }
}

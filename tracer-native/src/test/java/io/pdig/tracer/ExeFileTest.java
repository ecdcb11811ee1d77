package io.pdig.tracer;

import static io.pdig.tracer.ScratchMounts.sh;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.event.ProcessEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The executable's inode facts of the exec snapshot (ExeFacts), on real tracees: copies of
 * /usr/bin/true run as root and as uid 1 (setpriv), on the build's own filesystem, on a read-only
 * tmpfs and through a read-only bind mount, compared with what the JDK reports for the file.
 * Needs root (chown, setpriv, mount), as the tracer tests do.
 */
@Timeout(60)
class ExeFileTest {

    private ScratchMounts scratch;
    private Path dir;

    @BeforeEach
    void makeDir() throws IOException {
        scratch = new ScratchMounts("exe-file-");
        dir = scratch.dir;
    }

    @AfterEach
    void cleanUp() throws Exception {
        // A test makes a file immutable; deleting it needs the flag off.
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) sh("chattr", "-i", p.toString());
        }
        scratch.close();
    }

    @Test
    void rootRunningARootOwnedCopyHasItWritableAndTheInodeTheJdkReports() throws Exception {
        Path nc = copyOfTrue(dir, "nc", "rwxr-xr-x", 0, 0);
        ProcessEvent.ExeFile f = exeFileOf(nc, nc.toString());
        assertTrue(f.writable(), "root owns it (and has CAP_DAC_OVERRIDE): " + f);
        assertFalse(f.overlay());
        assertEquals(((Number) Files.getAttribute(nc, "unix:ino")).longValue(), f.ino());
        assertEquals(nanos((FileTime) Files.getAttribute(nc, "unix:ctime")), f.ctimeNs());
        assertEquals(nanos(Files.getLastModifiedTime(nc)), f.mtimeNs());
        assertTrue(f.ctimeNs() > 1_500_000_000L * 1_000_000_000L, "ns since the epoch: " + f.ctimeNs());
    }

    @Test
    void uid1HasARootOwnedCopyNotWritableButItsOwnAndItsGroupsWritable() throws Exception {
        requireReachableByOthers(dir);
        Path rootOwned = copyOfTrue(dir, "root-owned", "rwxr-xr-x", 0, 0);
        assertFalse(asUid1(rootOwned, "--clear-groups").writable(), "0755 root:root for uid 1");
        // Falco counts the owner whatever the mode: the owner may chmod it.
        Path own = copyOfTrue(dir, "own", "r-xr-xr-x", 1, 1);
        assertTrue(asUid1(own, "--clear-groups").writable(), "0555 owned by uid 1");
        // Group write: through a supplementary group only, then without it.
        Path grp = copyOfTrue(dir, "grp", "rwxrwxr-x", 0, 5);
        assertTrue(asUid1(grp, "--groups=5").writable(), "0775 root:5 for uid 1 in group 5");
        assertFalse(asUid1(grp, "--clear-groups").writable(), "0775 root:5 for uid 1 in no group");
        Path other = copyOfTrue(dir, "other", "rwxr-xrwx", 0, 0);
        assertTrue(asUid1(other, "--clear-groups").writable(), "0757: others may write");
    }

    @Test
    void aReadOnlyTmpfsIsNotWritableEvenForRoot() throws Exception {
        Path mnt = Files.createDirectory(dir.resolve("ro-tmpfs"));
        mount(mnt, "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs");
        Path nc = copyOfTrue(mnt, "nc", "rwxr-xr-x", 0, 0);
        assertEquals(0, sh("mount", "-o", "remount,ro", mnt.toString()), "remount read-only");
        ProcessEvent.ExeFile f = exeFileOf(nc, nc.toString());
        assertFalse(f.writable(), "the filesystem is read-only: " + f);
        assertEquals(((Number) Files.getAttribute(nc, "unix:ino")).longValue(), f.ino());
    }

    /**
     * A read-only bind mount leaves the file's filesystem writable: Falco's check (and the
     * kernel's inode_permission) looks at the superblock, so root still has EXE_WRITABLE.
     */
    @Test
    void aReadOnlyBindMountOfAWritableFilesystemStaysWritableAsInFalco() throws Exception {
        Path src = Files.createDirectory(dir.resolve("src"));
        Path nc = copyOfTrue(src, "nc", "rwxr-xr-x", 0, 0);
        Path mnt = Files.createDirectory(dir.resolve("ro-bind"));
        mount(mnt, "--bind", src.toString());
        assertEquals(0, sh("mount", "-o", "remount,bind,ro", mnt.toString()), "remount the bind read-only");
        Path seen = mnt.resolve("nc");
        assertFalse(Files.isWritable(seen) && tryOpenForWrite(seen), "the bind mount itself refuses writes");
        assertTrue(exeFileOf(seen, seen.toString()).writable());
    }

    @Test
    void anImmutableFileIsNotWritableEvenForRoot() throws Exception {
        Path nc = copyOfTrue(dir, "nc", "rwxr-xr-x", 0, 0);
        Assumptions.assumeTrue(sh("chattr", "+i", nc.toString()) == 0,
                "assumes chattr +i works on the build directory's filesystem");
        assertFalse(exeFileOf(nc, nc.toString()).writable());
    }

    /** An attached process's exec was not seen: the attach-time snapshot stats its exe as it is now. */
    @Test
    void theAttachTimeSnapshotOfARunningProcessHasItsExeFacts() throws Exception {
        Path sleep = copyOfTrue(dir, "sleep", "rwxr-xr-x", 0, 0);
        Files.copy(Path.of("/usr/bin/sleep"), sleep, StandardCopyOption.REPLACE_EXISTING);
        Process p = new ProcessBuilder(sleep.toString(), "30").start();
        try {
            List<io.pdig.model.event.SessionEvent.ProcessSnapshot> lineage = ProcessSnapshots.lineage((int) p.pid(), false);
            ProcessEvent.ExeFile f = lineage.get(lineage.size() - 1).exec().exeFile();
            assertNotNull(f);
            assertEquals(((Number) Files.getAttribute(sleep, "unix:ino")).longValue(), f.ino());
            assertEquals(nanos(Files.getLastModifiedTime(sleep)), f.mtimeNs());
            assertTrue(f.writable(), "root owns it");
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void decisionStepsOnFixedFacts() {
        int reg = 0100000;
        long none = 0;
        long dacOverride = 1L << 1;
        long fowner = 1L << 3;
        assertTrue(ExeFacts.writable(reg | 0555, 7, 7, false, false, 7, 9, null, none), "owner, no w bit");
        assertFalse(ExeFacts.writable(reg | 0755, 7, 7, true, false, 7, 9, null, dacOverride), "read-only superblock first");
        assertFalse(ExeFacts.writable(reg | 0777, 7, 7, false, true, 7, 9, null, dacOverride), "immutable first");
        assertTrue(ExeFacts.writable(reg | 0020, 0, 9, false, false, 7, 9, null, none), "fsgid is the group");
        assertTrue(ExeFacts.writable(reg | 0020, 0, 9, false, false, 7, 8, new String[] {"3", "9"}, none), "supplementary");
        assertFalse(ExeFacts.writable(reg | 0002 | 0050, 0, 9, false, false, 7, 9, null, none),
                "a group member gets the group bits, not the other bits");
        assertTrue(ExeFacts.writable(reg | 0755, 0, 0, false, false, 7, 7, null, dacOverride));
        assertTrue(ExeFacts.writable(reg | 0755, 0, 0, false, false, 7, 7, null, fowner));
        assertFalse(ExeFacts.writable(reg | 0755, 0, 0, false, false, 7, 7, null, ~(dacOverride | fowner)));

        byte[] info = ("22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro\n"
                + "40 22 8:1 /src /mnt ro,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro\n"
                + "41 22 0:50 / /ro ro,relatime - tmpfs tmpfs ro,size=4096k\n"
                + "42 22 0:51 / /no-source ro,relatime - tmpfs  rw,size=4096k\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(MountNamespaces.answer(info, 40), "a read-only mount of a writable superblock");
        assertTrue(MountNamespaces.answer(info, 41));
        assertFalse(MountNamespaces.answer(info, 42), "an empty source: the super options are still the third field");
        assertNull(MountNamespaces.answer(info, 4), "mount id not found (counted read-only)");
        assertNull(MountNamespaces.answer(info, 2), "an id that is only the start of another's");
    }

    /**
     * A mount source may be empty (the kernel then writes two spaces before the super options): a
     * read-only bind mount of such a tmpfs is still a writable superblock.
     */
    @Test
    void aReadOnlyBindMountOfATmpfsWithNoSourceStaysWritable() throws Exception {
        Path t = Files.createDirectory(dir.resolve("no-source"));
        mount(t, "-t", "tmpfs", "-o", "size=4m,mode=0755", "");
        Path nc = copyOfTrue(t, "nc", "rwxr-xr-x", 0, 0);
        Path mnt = Files.createDirectory(dir.resolve("ro-bind"));
        mount(mnt, "--bind", t.toString());
        assertEquals(0, sh("mount", "-o", "remount,bind,ro", mnt.toString()), "remount the bind read-only");
        Path seen = mnt.resolve("nc");
        assertTrue(Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + mnt + " ro,"), "the bind is read-only");
        assertTrue(exeFileOf(seen, seen.toString()).writable(), "root, on a writable superblock");
    }

    private ProcessEvent.ExeFile asUid1(Path exe, String groups) throws Exception {
        return exeFileOf(exe, "/usr/bin/setpriv", "--reuid=1", "--regid=1", groups, exe.toString());
    }

    /** Runs {@code cmd} under the tracer and returns the exe facts of the exec of {@code exe}. */
    private static ProcessEvent.ExeFile exeFileOf(Path exe, String... cmd) throws Exception {
        CollectingSink sink = new CollectingSink();
        LaunchSpec spec = new LaunchSpec(List.of(cmd), null, null, Set.of("execve"), false, false, 4096, true);
        Termination t;
        try (TraceSession s = new PtraceDriver().launch(spec, sink)) {
            t = s.awaitTermination();
        }
        assertEquals(Termination.exited(0), t, sink.dump());
        ProcessEvent.Exec x = sink.of(ProcessEvent.Exec.class).stream()
                .filter(e -> exe.toString().equals(CollectingSink.str(e.exePath()))).findFirst()
                .orElseThrow(() -> new AssertionError("no exec of " + exe + ": " + sink.dump()));
        assertNotNull(x.exeFile(), "exe facts read: " + x);
        return x.exeFile();
    }

    private static Path copyOfTrue(Path in, String name, String perms, int uid, int gid) throws Exception {
        Path p = in.resolve(name);
        Files.copy(Path.of("/usr/bin/true"), p, StandardCopyOption.REPLACE_EXISTING);
        Files.setAttribute(p, "unix:uid", uid);
        Files.setAttribute(p, "unix:gid", gid);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        return p;
    }

    private void mount(Path at, String... how) throws Exception {
        scratch.mount(at, "(root with CAP_SYS_ADMIN)", how);
    }

    private static void requireReachableByOthers(Path p) {
        for (Path a = p.toAbsolutePath(); a != null; a = a.getParent()) {
            try {
                boolean x = Files.getPosixFilePermissions(a).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                Assumptions.assumeTrue(x, "assumes uid 1 can reach the build directory: " + a + " has no o+x");
            } catch (IOException e) {
                Assumptions.abort("cannot read the permissions of " + a);
            }
        }
    }

    private static boolean tryOpenForWrite(Path p) {
        try (var c = Files.newByteChannel(p, java.nio.file.StandardOpenOption.WRITE)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long nanos(FileTime t) {
        Instant i = t.toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}

package io.pdig.tracer;

import static io.pdig.tracer.ScratchMounts.sh;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.ProcessEvent.Layer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The overlayfs layer of the exec snapshot (OverlayLayers), on real overlay mounts made in a
 * directory under target/: copies of /usr/bin/true in the lower directory only, written through
 * the merged directory, copied up by a write, seen through a bind mount of a subdirectory, on a
 * read-only overlay without an upper directory, from another mount namespace, with its upperdir
 * path hidden by a later mount, and across an
 * unmount and a new mount at the same place within one session (where the kernel hands the new
 * mount the old one's id). Needs root (mount); skipped when overlayfs cannot be mounted here.
 */
@Timeout(60)
class OverlayLayerTest {

    private ScratchMounts scratch;
    private Path dir;

    @BeforeEach
    void makeDir() throws IOException {
        scratch = new ScratchMounts("overlay-");
        dir = scratch.dir;
    }

    @AfterEach
    void cleanUp() throws Exception {
        scratch.close();
    }

    @Test
    void lowerOnlyWrittenThroughTheMergedDirAndCopiedUp() throws Exception {
        Path merged = overlay("o");
        copyOfTrue(dir.resolve("o-lower/bin"), "lower-only");
        copyOfTrue(dir.resolve("o-lower/bin"), "copied-up");
        copyOfTrue(merged.resolve("bin"), "written");
        // A write through the merged directory copies the lower file up (a trailing byte an ELF ignores).
        Files.write(merged.resolve("bin/copied-up"), new byte[1], StandardOpenOption.APPEND);
        assertTrue(Files.exists(dir.resolve("o-upper/bin/copied-up")), "copied up");
        assertFalse(Files.exists(dir.resolve("o-upper/bin/lower-only")));

        Map<String, ProcessEvent.ExeFile> f = exeFilesOf(merged, "sh", "-c",
                "bin/lower-only && bin/written && bin/copied-up");
        assertEquals(Layer.LOWER, f.get("lower-only").layer(), f.toString());
        assertEquals(Layer.UPPER, f.get("written").layer(), f.toString());
        assertEquals(Layer.UPPER, f.get("copied-up").layer(), f.toString());
        assertTrue(f.get("lower-only").overlay());
    }

    /** A bind mount of a subdirectory of the overlay: the mount's root is part of the path in upper. */
    @Test
    void throughABindMountOfASubdirectory() throws Exception {
        Path merged = overlay("o");
        copyOfTrue(dir.resolve("o-lower/sub/bin"), "lower-only");
        copyOfTrue(merged.resolve("sub/bin"), "written");
        Path bind = Files.createDirectory(dir.resolve("bind"));
        mount(bind, "--bind", merged.resolve("sub").toString());
        Map<String, ProcessEvent.ExeFile> f = exeFilesOf(bind, "sh", "-c", "bin/lower-only && bin/written");
        assertEquals(Layer.LOWER, f.get("lower-only").layer(), f.toString());
        assertEquals(Layer.UPPER, f.get("written").layer(), f.toString());
    }

    /** Directory names mountinfo escapes (a space) are unescaped before the lookup. */
    @Test
    void directoryNamesWithASpace() throws Exception {
        Path merged = overlay("a b");
        copyOfTrue(dir.resolve("a b-lower"), "lower-only");
        copyOfTrue(merged, "written");
        Map<String, ProcessEvent.ExeFile> f = exeFilesOf(merged, "sh", "-c", "./lower-only && ./written");
        assertEquals(Layer.LOWER, f.get("lower-only").layer(), f.toString());
        assertEquals(Layer.UPPER, f.get("written").layer(), f.toString());
    }

    /** Without an upper directory every file is in a lower layer. */
    @Test
    void aReadOnlyOverlayOfTwoLowerDirectories() throws Exception {
        Path l1 = Files.createDirectories(dir.resolve("l1"));
        Path l2 = Files.createDirectories(dir.resolve("l2"));
        copyOfTrue(l1, "one");
        copyOfTrue(l2, "two");
        Path merged = Files.createDirectory(dir.resolve("ro"));
        mount(merged, "-t", "overlay", "overlay", "-o", "lowerdir=" + l1 + ":" + l2);
        Map<String, ProcessEvent.ExeFile> f = exeFilesOf(merged, "sh", "-c", "./one && ./two");
        assertEquals(Layer.LOWER, f.get("one").layer(), f.toString());
        assertEquals(Layer.LOWER, f.get("two").layer(), f.toString());
    }

    /** The kernel shows a relative upperdir as given: pdig cannot tell relative to what. */
    @Test
    void aRelativeUpperdirLeavesTheLayerUnknown() throws Exception {
        for (String d : List.of("L", "U", "W", "M")) Files.createDirectory(dir.resolve(d));
        copyOfTrue(dir.resolve("L"), "lower-only");
        int rc = new ProcessBuilder("mount", "-t", "overlay", "overlay", "-o", "lowerdir=L,upperdir=U,workdir=W", "M")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Assumptions.assumeTrue(rc == 0, "assumes overlayfs can be mounted here: mount exited " + rc);
        scratch.unmountAtClose(dir.resolve("M"));
        Map<String, ProcessEvent.ExeFile> f = exeFilesOf(dir.resolve("M"), "./lower-only");
        assertEquals(Layer.UNKNOWN, f.get("lower-only").layer(), f.toString());
        assertTrue(f.get("lower-only").overlay());
    }

    /** In a mount namespace of its own the tracee's exe is on a mount pdig's table does not hold. */
    @Test
    void anotherMountNamespaceLeavesTheLayerUnknown() throws Exception {
        Path merged = overlay("o");
        copyOfTrue(merged, "written");
        Map<String, ProcessEvent.ExeFile> f = exeFilesOf(merged, "unshare", "-m", "./written");
        assertEquals(Layer.UNKNOWN, f.get("written").layer(), f.toString());
        Map<String, ProcessEvent.ExeFile> same = exeFilesOf(merged, "./written");
        assertEquals(Layer.UPPER, same.get("written").layer(), "the same file from pdig's namespace: " + same);
    }

    /**
     * The upperdir path no longer names the overlay's upper directory in pdig's namespace (another
     * tmpfs was mounted over the one that holds it, with a look-alike upper directory): its
     * statfs is not the overlay's, so the layer is unknown, where a lookup in the look-alike would
     * have said LOWER for the file written through the overlay and UPPER for the lower one.
     */
    @Test
    void anUpperdirPathThatNoLongerNamesTheUpperLayerLeavesTheLayerUnknown() throws Exception {
        Path t = Files.createDirectory(dir.resolve("t"));
        mount(t, "-t", "tmpfs", "-o", "size=16m", "tmpfs");
        Path lower = Files.createDirectory(dir.resolve("lower"));
        copyOfTrue(lower, "lower-only");
        Path upper = Files.createDirectory(t.resolve("upper"));
        Path work = Files.createDirectory(t.resolve("work"));
        Path merged = Files.createDirectory(dir.resolve("o"));
        mount(merged, "-t", "overlay", "overlay", "-o", "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work);
        copyOfTrue(merged, "written");
        assertEquals(Layer.UPPER, exeFilesOf(merged, "./written").get("written").layer(), "before the look-alike");

        mount(t, "-t", "tmpfs", "-o", "size=8m", "tmpfs");
        copyOfTrue(Files.createDirectory(t.resolve("upper")), "lower-only");
        Map<String, ProcessEvent.ExeFile> f = exeFilesOf(merged, "sh", "-c", "./lower-only && ./written");
        assertEquals(Layer.UNKNOWN, f.get("lower-only").layer(), f.toString());
        assertEquals(Layer.UNKNOWN, f.get("written").layer(), f.toString());
    }

    /**
     * One session execs a file of an overlay whose upper directory has it, then the overlay is
     * unmounted and another mounted at the same place whose lower directory alone has it (the
     * kernel reuses the freed mount id), and the same path is exec'd again: the second answer must
     * come from the new mount, not from what the session learnt about the old one.
     */
    @Test
    void anUnmountAndANewMountAtTheSamePlaceAreSeenWithinASession() throws Exception {
        Path merged = overlay("o");
        copyOfTrue(merged, "prog");
        Path l2 = Files.createDirectories(dir.resolve("l2"));
        Path u2 = Files.createDirectories(dir.resolve("u2"));
        Path w2 = Files.createDirectories(dir.resolve("w2"));
        copyOfTrue(l2, "prog");
        String remount = "umount " + merged + " && mount -t overlay overlay -o lowerdir=" + l2 + ",upperdir=" + u2
                + ",workdir=" + w2 + " " + merged;
        List<ProcessEvent.ExeFile> f = execsOf(merged.resolve("prog"), dir, "sh", "-c",
                merged + "/prog && " + remount + " && " + merged + "/prog");
        assertEquals(List.of(Layer.UPPER, Layer.LOWER), f.stream().map(ProcessEvent.ExeFile::layer).toList(), f.toString());
    }

    @Test
    void mountinfoLinesParsedAndPathsMapped() {
        String info = "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
                + "46 22 0:39 / /m rw,relatime - overlay overlay rw,lowerdir=/l,upperdir=/u\\054x,workdir=/w,uuid=on\n"
                + "47 22 0:40 /sub /b\\040c rw,relatime shared:7 master:2 - overlay  rw,lowerdir=/l,upperdir=/u,workdir=/w\n"
                + "48 22 0:41 / /ro ro,relatime - overlay overlay ro,lowerdir=/l1:/l2\n"
                + "49 22 0:42 / /rel rw,relatime - overlay overlay rw,lowerdir=L,upperdir=U,workdir=W\n";
        Map<Long, OverlayMount> t = OverlayMount.parseTable(info.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Set.of(46L, 47L, 48L, 49L), t.keySet());
        assertEquals("/u,x/bin/nc", str(t.get(46L).upperPathOf(b("/m/bin/nc"))), "an escaped comma in the option");
        assertNull(t.get(46L).upperPathOf(b("/mx/nc")), "not below the mount point");
        assertNull(t.get(46L).upperPathOf(b("m/nc")), "not absolute");
        assertEquals("/u/sub/nc", str(t.get(47L).upperPathOf(b("/b c/nc"))), "the mount's root, an escaped space, no source");
        assertFalse(t.get(48L).hasUpper());
        assertTrue(t.get(49L).hasUpper());
        assertNull(t.get(49L).upperDir(), "relative");
        assertEquals("a\\b", str(OverlayMount.unescape("a\\134b")));
        assertEquals("a\\9zz", str(OverlayMount.unescape("a\\9zz")), "not an escape");
    }

    /** An overlay of NAME-lower, NAME-upper and NAME-work at NAME (all under the test's directory). */
    private Path overlay(String name) throws Exception {
        Path lower = Files.createDirectories(dir.resolve(name + "-lower"));
        Path upper = Files.createDirectories(dir.resolve(name + "-upper"));
        Path work = Files.createDirectories(dir.resolve(name + "-work"));
        Path merged = Files.createDirectories(dir.resolve(name));
        mount(merged, "-t", "overlay", "overlay", "-o", "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work);
        return merged;
    }

    /** Runs {@code cmd} in {@code cwd} under the tracer; the exe facts of each exec, by file name. */
    private static Map<String, ProcessEvent.ExeFile> exeFilesOf(Path cwd, String... cmd) throws Exception {
        Map<String, ProcessEvent.ExeFile> out = new java.util.TreeMap<>();
        for (ProcessEvent.Exec x : run(cwd, cmd)) {
            String exe = CollectingSink.str(x.exePath());
            if (x.exeFile() != null && x.exeFile().overlay()) out.put(exe.substring(exe.lastIndexOf('/') + 1), x.exeFile());
        }
        return out;
    }

    /** The exe facts of each exec of {@code exe}, in order. */
    private static List<ProcessEvent.ExeFile> execsOf(Path exe, Path cwd, String... cmd) throws Exception {
        return run(cwd, cmd).stream().filter(x -> exe.toString().equals(CollectingSink.str(x.exePath())))
                .map(ProcessEvent.Exec::exeFile).toList();
    }

    private static List<ProcessEvent.Exec> run(Path cwd, String... cmd) throws Exception {
        CollectingSink sink = new CollectingSink();
        LaunchSpec spec = new LaunchSpec(List.of(cmd), cwd, null, Set.of("execve"), false, false, 4096, true);
        Termination t;
        try (TraceSession s = new PtraceDriver().launch(spec, sink)) {
            t = s.awaitTermination();
        }
        assertEquals(Termination.exited(0), t, sink.dump());
        return sink.of(ProcessEvent.Exec.class);
    }

    private static void copyOfTrue(Path in, String name) throws IOException {
        Files.createDirectories(in);
        Path p = in.resolve(name);
        Files.copy(Path.of("/usr/bin/true"), p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void mount(Path at, String... how) throws Exception {
        scratch.mount(at, "overlayfs here (root, a filesystem overlayfs takes as upper)", how);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String str(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }
}

package io.pdig.model.consts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rendering and parsing of the bit-set tables (strace forms). */
class FlagTablesTest {

    private static final long O_WRONLY = 01, O_RDWR = 02, O_CREAT = 0100, O_TRUNC = 01000, O_CLOEXEC = 02000000,
            O_DIRECTORY = 0200000, O_SYNC = 04010000, O_DSYNC = 010000, O_NOFOLLOW = 0400000;

    @Test
    void openFlagsShowTheAccessModeFirstThenBitsInStraceOrder() {
        FlagSet f = FileConsts.OPEN_FLAGS;
        assertEquals("O_RDONLY", f.render(0));
        assertEquals("O_RDONLY|O_CLOEXEC", f.render(O_CLOEXEC));
        assertEquals("O_WRONLY|O_CREAT|O_TRUNC", f.render(O_WRONLY | O_CREAT | O_TRUNC));
        assertEquals("O_RDWR|O_TMPFILE", f.render(O_RDWR | FileConsts.O_TMPFILE));
        assertEquals("O_RDONLY|O_DIRECTORY", f.render(O_DIRECTORY));
        assertEquals("O_RDONLY|O_SYNC", f.render(O_SYNC));
        assertEquals("O_RDONLY|O_DSYNC", f.render(O_DSYNC));
        assertEquals("O_RDONLY|0x40000000", f.render(0x40000000L));
        assertEquals("0x3|O_CREAT", f.render(3 | O_CREAT));
        assertEquals("O_RDWR|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_DSYNC|O_DIRECT|O_NOFOLLOW|O_NOATIME"
                + "|O_CLOEXEC|O_DIRECTORY|FASYNC", f.render(02 | 0100 | 0200 | 0400 | 01000 | 02000 | 04000 | 010000
                | 020000 | 040000 | 0200000 | 0400000 | 01000000 | 02000000), "strace 6.1's order");
        assertEquals("O_WRONLY|O_SYNC|O_PATH", f.render(O_WRONLY | O_SYNC | 010000000));
        assertEquals("O_RDWR|O_CLOEXEC|O_TMPFILE", f.render(O_RDWR | O_CLOEXEC | FileConsts.O_TMPFILE));
        assertEquals(020000, f.parse("O_ASYNC"));
    }

    @Test
    void openFlagsParseBackIncludingAliasesAndNumbers() {
        FlagSet f = FileConsts.OPEN_FLAGS;
        for (long v : new long[] {0, O_CLOEXEC, O_WRONLY | O_CREAT | O_TRUNC, O_RDWR | FileConsts.O_TMPFILE, O_SYNC,
                O_DSYNC | O_NOFOLLOW, 0x40000000L | O_RDWR, 3 | O_CREAT}) {
            assertEquals(v, f.parse(f.render(v)), f.render(v));
        }
        assertEquals(O_CREAT, f.valueOf("O_CREAT").getAsLong());
        assertEquals(0, f.valueOf("O_RDONLY").getAsLong());
        assertEquals(04000, f.valueOf("O_NDELAY").getAsLong());
        assertEquals(O_CREAT | 0x10, f.parse("O_CREAT|0x10"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.parse("O_RDONLY|O_BOGUS"));
        assertTrue(e.getMessage().contains("open flags") && e.getMessage().contains("'O_BOGUS'"), e.getMessage());
    }

    @Test
    void falcoOpenFlagsUseFalcosOrderAndItsReadOnlyBit() {
        FlagSet f = FileConsts.OPEN_FLAGS;
        assertEquals("O_TRUNC|O_CREAT|O_WRONLY", f.renderFalco(O_WRONLY | O_CREAT | O_TRUNC));
        assertEquals("O_RDONLY", f.renderFalco(0));
        assertEquals("O_RDONLY|O_CLOEXEC", f.renderFalco(O_CLOEXEC));
        assertEquals("O_RDWR", f.renderFalco(O_RDWR));
        assertEquals("O_CREAT|O_RDWR", f.renderFalco(O_RDWR | O_CREAT));
        // Falco has no O_NOFOLLOW and drops unknown bits
        assertEquals("O_RDONLY", f.renderFalco(O_NOFOLLOW | 0x40000000L));
        // Falco's "any bit of O_TMPFILE" test: O_DIRECTORY alone also shows O_TMPFILE
        assertEquals("O_DIRECTORY|O_RDONLY|O_TMPFILE", f.renderFalco(O_DIRECTORY));
        assertEquals("O_SYNC|O_DSYNC|O_RDONLY", f.renderFalco(O_DSYNC));
        assertEquals(FalcoOpenFlags.F_RDONLY | FalcoOpenFlags.F_CLOEXEC, FalcoOpenFlags.encode(O_CLOEXEC));
        assertEquals("O_NONE", FalcoOpenFlags.renderEncoded(0));
    }

    @Test
    void atFlagsAccessModesAndDirfd() {
        assertEquals("AT_REMOVEDIR", FileConsts.AT_FLAGS.render(0x200));
        assertEquals(0x200, FileConsts.AT_FLAGS.parse("AT_EACCESS"));
        assertEquals("AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH", FileConsts.AT_FLAGS.render(0x1100));
        assertEquals("0", FileConsts.AT_FLAGS.render(0));
        assertEquals("F_OK", FileConsts.ACCESS_MODES.render(0));
        assertEquals("R_OK|W_OK", FileConsts.ACCESS_MODES.render(6));
        assertEquals("X_OK", FileConsts.ACCESS_MODES.render(1));
        assertEquals(0, FileConsts.ACCESS_MODES.parse("F_OK"));
        assertEquals(5, FileConsts.ACCESS_MODES.parse("R_OK|X_OK"));
        assertEquals("AT_FDCWD", FileConsts.DIRFD.render(-100));
        assertEquals("7", FileConsts.DIRFD.render(7));
        assertEquals(-100, FileConsts.DIRFD.parse("AT_FDCWD"));
    }

    @Test
    void renameMemfdResolveFlags() {
        assertEquals("RENAME_NOREPLACE|RENAME_EXCHANGE", FileConsts.RENAME_FLAGS.render(3));
        assertEquals("RENAME_WHITEOUT|0x8", FileConsts.RENAME_FLAGS.render(12));
        assertEquals("MFD_CLOEXEC|MFD_ALLOW_SEALING", FileConsts.MEMFD_FLAGS.render(3));
        assertEquals("MFD_EXEC", FileConsts.MEMFD_FLAGS.render(0x10));
        assertEquals("MFD_NOEXEC_SEAL", FileConsts.MEMFD_FLAGS.render(8));
        assertEquals(0x11, FileConsts.MEMFD_FLAGS.parse("MFD_CLOEXEC|MFD_EXEC"));
        assertEquals("RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH", FileConsts.RESOLVE_FLAGS.render(0x0c));
    }

    @Test
    void cloneFlagsEndWithTheExitSignal() {
        FlagSet f = ProcessConsts.CLONE_FLAGS;
        assertEquals("CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD", f.render(0x01200011));
        assertEquals("CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS"
                + "|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID", f.render(0x3d0f00));
        assertEquals("CLONE_VM|CLONE_UNTRACED|SIGCHLD", f.render(0x800111));
        assertEquals("SIGCHLD", f.render(17));
        assertEquals("0", f.render(0));
        assertEquals(0x111, f.parse("CLONE_VM|SIGCHLD"));
        assertEquals(0x111, f.parse(f.render(0x111)));
        assertEquals("CLONE_NEWTIME", ProcessConsts.CLONE3_FLAGS.render(0x80));
        assertEquals("CLONE_VM|CLONE_CLEAR_SIGHAND", ProcessConsts.CLONE3_FLAGS.render(0x100000100L));
        assertEquals("CLONE_NEWNS|CLONE_NEWUSER|CLONE_NEWNET", ProcessConsts.NS_FLAGS.render(0x50020000));
    }

    @Test
    void socketTypesMemoryProtectionsAndMappings() {
        assertEquals("SOCK_STREAM|SOCK_CLOEXEC", NetConsts.TYPE_AND_FLAGS.render(1 | 02000000));
        assertEquals("SOCK_DGRAM|SOCK_NONBLOCK", NetConsts.TYPE_AND_FLAGS.render(2 | 04000));
        assertEquals("SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK", NetConsts.TYPE_AND_FLAGS.render(2 | 04000 | 02000000));
        assertEquals(1 | 02000000, NetConsts.TYPE_AND_FLAGS.parse("SOCK_STREAM|SOCK_CLOEXEC"));
        assertEquals("PROT_NONE", MemoryConsts.PROT.render(0));
        assertEquals("PROT_READ|PROT_WRITE", MemoryConsts.PROT.render(3));
        assertEquals("PROT_READ|PROT_EXEC", MemoryConsts.PROT.render(5));
        assertEquals("MAP_PRIVATE|MAP_ANONYMOUS", MemoryConsts.MAP_FLAGS.render(0x22));
        assertEquals("MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE", MemoryConsts.MAP_FLAGS.render(0x812));
        assertEquals("MAP_SHARED", MemoryConsts.MAP_FLAGS.render(1));
        assertEquals(0x22, MemoryConsts.MAP_FLAGS.parse("MAP_PRIVATE|MAP_ANON"));
    }

    @Test
    void capabilitiesByBit() {
        long m = 1L | 1L << 21;
        assertEquals(java.util.List.of("CAP_CHOWN", "CAP_SYS_ADMIN"), Capabilities.names(m));
        assertEquals("1<<CAP_CHOWN|1<<CAP_SYS_ADMIN", Capabilities.strace(m));
        assertEquals("CAP_CHOWN CAP_SYS_ADMIN", Capabilities.falco(m));
        assertEquals("CAP_CHECKPOINT_RESTORE", Capabilities.BITS.name(40));
        assertEquals(m, Capabilities.mask(Capabilities.names(m)));
        assertEquals(41, Capabilities.names(0x1ffffffffffL).size());
        assertEquals("1<<CAP_KILL|0x4000000000000", Capabilities.strace(1L << 5 | 1L << 50));
        assertEquals("0", Capabilities.strace(0));
        assertEquals("", Capabilities.falco(0));
        assertThrows(IllegalArgumentException.class, () -> Capabilities.mask(java.util.List.of("CAP_FLY")));
    }
}

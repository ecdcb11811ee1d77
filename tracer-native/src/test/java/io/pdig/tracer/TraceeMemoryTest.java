package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.Test;

/** String reads against this process's own memory (process_vm_readv works on oneself too). */
class TraceeMemoryTest {

    @Test
    void aStringOfExactlyTheLimitIsWholeAndOneByteMoreIsTruncated() {
        byte[] text = "/etc/ld.so.cache".getBytes(StandardCharsets.US_ASCII); // 16 bytes
        Pointer p = Memory.allocateDirect(NativeLibrary.runtime(), 64, true);
        p.put(0, text, 0, text.length);
        p.putByte(text.length, (byte) 0);
        int self = (int) ProcessHandle.current().pid();
        TraceeMemory mem = new TraceeMemory(NativeLibrary.lib(), 4096);

        TraceeMemory.Str exact = mem.readString(self, p.address(), 16);
        assertArrayEquals(text, exact.bytes());
        assertFalse(exact.truncated(), "16 bytes with -s 16: the NUL right after the limit is seen");

        TraceeMemory.Str cut = mem.readString(self, p.address(), 15);
        assertArrayEquals("/etc/ld.so.cach".getBytes(StandardCharsets.US_ASCII), cut.bytes());
        assertTrue(cut.truncated());

        TraceeMemory.Str roomy = mem.readString(self, p.address(), 4096);
        assertArrayEquals(text, roomy.bytes());
        assertFalse(roomy.truncated());
    }

    /** argv with -s 16: a long item is cut by itself; the list is whole (no item is missing). */
    @Test
    void anArgvItemCutAtTheLimitIsMarkedAsSuchNotAsAShortList() {
        Pointer strings = Memory.allocateDirect(NativeLibrary.runtime(), 64, true);
        byte[] a = "0123456789abcdefg".getBytes(StandardCharsets.US_ASCII); // 17 bytes
        strings.put(0, a, 0, a.length);
        strings.putByte(a.length, (byte) 0);
        strings.put(32, new byte[] {'Z', 0}, 0, 2);
        Pointer argv = Memory.allocateDirect(NativeLibrary.runtime(), 24, true);
        argv.putLong(0, strings.address());
        argv.putLong(8, strings.address() + 32);
        argv.putLong(16, 0);
        int self = (int) ProcessHandle.current().pid();
        TraceeMemory.StrArray l = new TraceeMemory(NativeLibrary.lib(), 4096).readStringArray(self, argv.address(), 8, 16);
        assertEquals(2, l.items().size());
        assertArrayEquals("0123456789abcdef".getBytes(StandardCharsets.US_ASCII), l.items().get(0));
        assertArrayEquals(new int[] {0}, l.cutItems());
        assertFalse(l.truncated(), "every item was read");
    }

    /**
     * K1/E4: a string that runs into an unmapped page before its NUL is unreadable (as the kernel
     * finds it), and an argv item pointing there is kept as its pointer while the reading goes on.
     */
    @Test
    void aStringRunningIntoAnUnmappedPageIsUnreadableAndArgvGoesOnPastIt() {
        NativeLibrary.Lib lib = NativeLibrary.lib();
        int self = (int) ProcessHandle.current().pid();
        TraceeMemory mem = new TraceeMemory(lib, 4096);
        // A page and a guard page with no access: 16 bytes without a NUL end at the guard page.
        Pointer page = Memory.allocateDirect(NativeLibrary.runtime(), 3 * 4096, true);
        long base = (page.address() + 4095) & ~4095L;
        long guard = base + 4096;
        LibC libc = jnr.ffi.LibraryLoader.create(LibC.class).load("c");
        assertEquals(0, libc.mprotect(guard, 4096, PROT_NONE), "guard page");
        try {
            long start = guard - 16;
            Pointer.wrap(NativeLibrary.runtime(), start).put(0, "aaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII), 0, 16);
            TraceeMemory.Str s = mem.readString(self, start, 4096);
            assertFalse(s.ok(), "no NUL before the guard page");
            assertEquals(Errno.EFAULT, s.errno());

            Pointer after = Memory.allocateDirect(NativeLibrary.runtime(), 8, true);
            after.put(0, new byte[] {'b', 0}, 0, 2);
            Pointer argv = Memory.allocateDirect(NativeLibrary.runtime(), 32, true);
            argv.putLong(0, start);
            argv.putLong(8, after.address());
            argv.putLong(16, 0);
            TraceeMemory.StrArray l = mem.readStringArray(self, argv.address(), 8, 4096);
            assertEquals(2, l.items().size());
            assertArrayEquals(new int[] {0}, l.unreadableItems());
            assertArrayEquals(new long[] {start}, l.unreadableAddresses());
            assertArrayEquals(new byte[] {'b'}, l.items().get(1));
            assertFalse(l.truncated());
        } finally {
            assertEquals(0, libc.mprotect(guard, 4096, PROT_READ | PROT_WRITE), "the page is the allocator's again");
        }
    }

    private static final int PROT_NONE = 0;
    private static final int PROT_READ = 1;
    private static final int PROT_WRITE = 2;

    /** libc's mprotect, for a guard page inside this test's own memory. */
    public interface LibC {
        int mprotect(long addr, long len, int prot);
    }
}

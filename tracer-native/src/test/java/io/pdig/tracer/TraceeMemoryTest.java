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
}

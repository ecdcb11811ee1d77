package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
}

package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pure functions of the decoder and the stop classifier. */
class DecodingUnitTest {

    static String norm(String s) {
        return new String(ArgDecoder.normalize(s.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
    }

    @Test
    void pathsAreNormalisedLexicallyAndBytesKeptExactly() {
        assertEquals("/etc/hostname", norm("//etc/./hostname"));
        assertEquals("/a/c", norm("/a/b/../c/"));
        assertEquals("/", norm("/../.."));
        assertEquals("/tmp/\u00ff\u00fe\n\u0001name", norm("/tmp/\u00ff\u00fe\n\u0001name"), "non-UTF-8 bytes survive");
    }

    @Test
    void waitStatusesBecomeStopKinds() {
        StopBuffer b = new StopBuffer();
        assertEquals(new Stop.Woken(), Stop.decode(-Errno.EINTR, b));
        assertEquals(new Stop.NoTracees(), Stop.decode(-Errno.ECHILD, b));
        assertThrows(Errno.NativeException.class, () -> Stop.decode(-Errno.EINVAL, b));
    }

    @Test
    void errnoNamesAndMessagesComeFromOneTable() {
        assertEquals("ESRCH", Errno.name(3));
        assertEquals("No such process", Errno.message(-3));
        assertEquals("E#4000", Errno.name(4000));
        Errno.NativeException e = assertThrows(Errno.NativeException.class, () -> Errno.check(-1, "ptrace"));
        assertEquals("ptrace: Operation not permitted (EPERM)", e.getMessage());
        assertEquals(5, Errno.check(5, "x"));
    }

    @Test
    void signalMasksFromTheLauncherAreHex() {
        assertEquals(0, LaunchTracer.envMask("PDIG_SURELY_UNSET_VARIABLE"));
        assertArrayEquals(new byte[] {'a', 'b', 0}, LaunchTracer.cstr("ab"));
    }

    @Test
    void nativeAbiVersionMatches() {
        assertEquals(Integer.toString(NativeLibrary.EXPECTED_ABI_VERSION), NativeLibrary.abiVersion());
    }
}

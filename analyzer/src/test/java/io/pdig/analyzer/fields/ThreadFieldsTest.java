package io.pdig.analyzer.fields;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import org.junit.jupiter.api.Test;

class ThreadFieldsTest {

    @Test
    void threadIdsAndCapabilities() {
        Harness h = new Harness().feed(
                exec(80, "/usr/bin/srv", "srv").caps(0, (1L << 16) | 1, (1L << 21) | (1L << 16) | 1).build(),
                thread(T0, 80, 81),
                sys(T0, 80, 81, "init_module", 0, "length", 10));
        assertEquals(81L, h.value("thread.tid"));
        assertEquals(81L, h.value("thread.vtid"));
        assertEquals(false, h.value("thread.ismain"));
        assertEquals(80L, h.value("proc.pid"));
        assertEquals("srv", h.value("proc.name"), "threads share their process's info");
        assertEquals("CAP_CHOWN CAP_SYS_MODULE CAP_SYS_ADMIN", h.value("thread.cap_effective"));
        assertEquals("CAP_CHOWN CAP_SYS_MODULE", h.value("thread.cap_permitted"));
        assertEquals("", h.value("thread.cap_inheritable"));
        assertNull(h.value("thread.exectime"));
    }

    @Test
    void unknownCapabilitiesHaveNoValue() {
        Harness h = new Harness().feed(sys(99, "getpid", 99));
        assertEquals(99L, h.value("thread.tid"));
        assertEquals(true, h.value("thread.ismain"));
        assertNull(h.value("thread.cap_effective"));
        assertNull(h.value("thread.vtid"), "container unknown: no namespace-relative id");
    }
}

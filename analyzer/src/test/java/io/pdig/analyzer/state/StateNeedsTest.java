package io.pdig.analyzer.state;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateNeedsTest {

    @Test
    void everyCallTheStateHandlersConsumeIsNeeded() {
        Set<String> needed = StateNeeds.syscalls();
        assertTrue(needed.containsAll(List.of("openat", "openat2", "creat", "close", "close_range", "dup2", "dup3",
                "fcntl", "pipe2", "socket", "connect", "bind", "accept4", "memfd_create", "execve", "clone3", "fork",
                "vfork", "chdir", "fchdir", "setuid")), needed.toString());
        assertFalse(needed.contains("read"), "reads change no state");
        assertFalse(needed.contains("unlinkat"), "unlink changes no table");
    }
}

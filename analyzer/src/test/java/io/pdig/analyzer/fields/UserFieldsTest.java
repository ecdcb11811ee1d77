package io.pdig.analyzer.fields;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import org.junit.jupiter.api.Test;

class UserFieldsTest {

    @Test
    void knownUser() {
        Harness h = new Harness().feed(exec(90, "/usr/bin/id", "id").uid(1000).loginUid(1000).build(),
                sys(90, "getuid", 1000));
        assertEquals(1000L, h.value("user.uid"));
        assertEquals("alice", h.value("user.name"));
        assertEquals("/home/alice", h.value("user.homedir"));
        assertEquals("/bin/zsh", h.value("user.shell"));
        assertEquals(1000L, h.value("user.loginuid"));
        assertEquals("alice", h.value("user.loginname"));
    }

    @Test
    void unknownUserIsTheLiteralNA() {
        Harness h = new Harness().feed(exec(91, "/usr/bin/id", "id").uid(4321).build(), sys(91, "getuid", 4321));
        assertEquals(4321L, h.value("user.uid"));
        assertEquals("<NA>", h.value("user.name"));
        assertEquals(-1L, h.value("user.loginuid"), "unset login uid is -1");
        assertEquals("<NA>", h.value("user.loginname"));
    }

    @Test
    void setuidChangesTheEffectiveUser() {
        Harness h = new Harness().feed(exec(92, "/usr/bin/su", "su").build(),
                sys(92, "setuid", 0, "uid", 65534), sys(92, "getuid", 65534));
        assertEquals(65534L, h.value("user.uid"));
        assertEquals("nobody", h.value("user.name"));
    }

    @Test
    void rootIsKnownWithoutPasswdEntry() {
        Harness h = new Harness(io.pdig.analyzer.state.UserDirectory.rootOnly(), io.pdig.analyzer.state.StateLimits.DEFAULT)
                .feed(exec(93, "/bin/sh", "sh").build(), sys(93, "getuid", 0));
        assertEquals("root", h.value("user.name"));
        assertEquals("root", h.value("group.name"));
    }

    @Test
    void noProcessNoValue() {
        Harness h = new Harness().feed(sys(94, "getuid", 0));
        assertNull(h.value("user.uid"));
        assertNull(h.value("user.name"));
    }
}

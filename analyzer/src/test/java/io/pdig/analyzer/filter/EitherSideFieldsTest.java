package io.pdig.analyzer.filter;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.state.TestEvents.Harness;
import org.junit.jupiter.api.Test;

/**
 * fd.ip, fd.port and fd.net stand for either side of a socket: `=` matches when one side does,
 * and `!=` only when neither side does (libsinsp's semantics), unlike ancestor fields.
 */
class EitherSideFieldsTest {

    private static boolean matches(Harness h, String condition) {
        return new FilterCompiler(FieldRegistry.standard()).compile(FilterParser.parse(condition)).eval(h.last());
    }

    private static Harness acceptedConnection() {
        return new Harness().feed(
                exec(70, "/usr/sbin/nginx", "nginx").build(),
                sys(70, "socket", 3, "domain", 2, "type", 1, "proto", 6),
                sys(70, "bind", 0, "fd", 3, "addr", inet4("10.0.0.1", 8080)),
                sys(70, "listen", 0, "fd", 3, "backlog", 16),
                sys(70, "accept4", 4, "sockfd", 3, "addr", inet4("198.51.100.7", 51234), "flags", 0));
    }

    @Test
    void equalsMatchesEitherSide() {
        Harness h = acceptedConnection();
        assertTrue(matches(h, "fd.ip = 198.51.100.7"));
        assertTrue(matches(h, "fd.ip = 10.0.0.1"));
        assertTrue(matches(h, "fd.port = 8080"));
        assertTrue(matches(h, "fd.net = \"10.0.0.0/8\""));
    }

    @Test
    void notEqualsNeedsNeitherSideToMatch() {
        Harness h = acceptedConnection();
        assertFalse(matches(h, "fd.ip != 198.51.100.7"), "the client side equals it");
        assertFalse(matches(h, "fd.port != 51234"), "the client port equals it");
        assertTrue(matches(h, "fd.ip != 192.0.2.1"));
    }
}

package io.pdig.analyzer.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTypeSetTest {
    private static EventTypeSet of(String cond) {
        return EventTypeSet.of(FilterParser.parse(cond));
    }

    @Test
    void explicitSets() {
        assertEquals(Set.of("open"), of("evt.type = open").names());
        assertEquals(Set.of("open", "openat"), of("evt.type in (open, openat) and proc.name = x").names());
    }

    @Test
    void andIntersectsOrUnites() {
        assertEquals(Set.of("openat"), of("evt.type in (open, openat) and evt.type in (openat, creat)").names());
        assertEquals(Set.of("execve", "open"), of("evt.type = open or evt.type = execve").names());
        assertTrue(of("evt.type = open or proc.name = x").all());
    }

    @Test
    void negationComplementsExplicitSetsOnly() {
        EventTypeSet notOpen = of("not evt.type = open");
        assertFalse(notOpen.all());
        assertFalse(notOpen.names().contains("open"));
        assertTrue(notOpen.names().contains("openat"));
        assertEquals(notOpen, of("evt.type != open"));
        assertEquals(Set.of("open"), of("not evt.type != open").names());
        assertTrue(of("not proc.name = x").all());
        // De Morgan: not (a or b) = not a and not b.
        EventTypeSet both = of("not (evt.type = open or evt.type = creat)");
        assertFalse(both.names().contains("open") || both.names().contains("creat"));
        assertTrue(of("evt.type != open").size() > 100);
    }

    @Test
    void neverTrueIsEmpty() {
        assertTrue(of("evt.num = 0").names().isEmpty());
        assertFalse(of("evt.num = 0").all());
        assertTrue(of("evt.num in ()").names().isEmpty());
        assertTrue(of("evt.type = open and evt.num = 0").names().isEmpty());
        assertEquals(Set.of("open"), of("evt.type = open or evt.num = 0").names());
    }

    @Test
    void existsAndOtherFieldsAreAll() {
        assertTrue(of("evt.type exists").all());
        assertTrue(of("not evt.type exists").all());
    }
}

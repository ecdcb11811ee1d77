package io.pdig.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * JournalConfig writes its equals and hashCode out (see there why). These tests keep them what the
 * generated ones were: equal configs are equal, and a change of any one component, including
 * components added later, makes them differ.
 */
class JournalConfigTest {

    @Test
    void equalConfigsAreEqualAndHashAlike() {
        LongSupplier clock = () -> 42L;
        JournalConfig a = JournalConfig.defaults().withRetain(3).withClock(clock);
        JournalConfig b = JournalConfig.defaults().withRetain(3).withClock(clock);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, null);
        assertNotEquals(a, "not a config");
    }

    @Test
    void everyComponentTakesPartInEquals() throws ReflectiveOperationException {
        JournalConfig base = JournalConfig.defaults();
        RecordComponent[] components = JournalConfig.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getAccessor().invoke(base);
        }
        Constructor<JournalConfig> ctor = JournalConfig.class.getDeclaredConstructor(types);
        for (int i = 0; i < components.length; i++) {
            Object[] changed = values.clone();
            changed[i] = otherValue(components[i], values[i]);
            JournalConfig other = ctor.newInstance(changed);
            assertNotEquals(base, other, "a config whose " + components[i].getName() + " differs must not be equal");
            assertEquals(ctor.newInstance(values.clone()), base, "the same components must give an equal config");
        }
    }

    /** A valid value of the component's type that differs from {@code current}. */
    private static Object otherValue(RecordComponent c, Object current) {
        Class<?> t = c.getType();
        if (t == int.class) return (Integer) current + 1;
        if (t == long.class) return (Long) current + 4096;
        if (t.isEnum()) {
            for (Object constant : t.getEnumConstants()) {
                if (constant != current) return constant;
            }
        }
        if (t == LongSupplier.class) return (LongSupplier) () -> 7L;
        throw new AssertionError("JournalConfigTest does not know how to vary " + c.getName() + " (" + t + "): teach it");
    }
}

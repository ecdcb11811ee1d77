package io.pdig.analyzer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.analyzer.filter.FilterException;
import io.pdig.analyzer.filter.TestFields;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
    private static final TestFields FIELDS = TestFields.standard();

    private static List<String> fieldTexts(OutputFormat f) {
        return f.fields().stream().map(OutputFormat.FieldToken::text).toList();
    }

    @Test
    void tokensAndCanonicalFieldTexts() {
        OutputFormat f = OutputFormat.parse("file=%fd.name gparent=%proc.aname[2] flags=%evt.arg.flags "
                + "home=%proc.env[HOME] paren=%(proc.name) low=%tolower(proc.name).", FIELDS);
        assertEquals(List.of("fd.name", "proc.aname[2]", "evt.arg.flags", "proc.env[HOME]", "proc.name",
                "tolower(proc.name)"), fieldTexts(f));
        assertEquals(13, f.tokens().size());
        assertEquals("flags", f.fields().get(2).argument());
    }

    @Test
    void longestKnownPrefixWins() {
        // "proc.name.x" is not a field: the formatter falls back to proc.name and keeps ".x" as text.
        OutputFormat f = OutputFormat.parse("%proc.name.x %fd.name)", FIELDS);
        assertEquals(List.of("proc.name", "fd.name"), fieldTexts(f));
        assertEquals("bash.x /etc)", f.render(TestFields.Ctx.of("proc.name", "bash", "fd.name", "/etc")));
    }

    @Test
    void rendersValuesAndNaForMissing() {
        OutputFormat f = OutputFormat.parse("%proc.name ran %proc.cmdline as %user.uid parent=%proc.pname "
                + "anc=%proc.aname flags=%evt.arg.flags", FIELDS);
        TestFields.Ctx ctx = TestFields.Ctx.of("proc.name", "cat", "proc.cmdline", "cat /etc/shadow", "user.uid", 0L,
                "proc.aname", List.of("sudo", "bash"), "evt.arg[flags]", "O_RDONLY");
        assertEquals("cat ran cat /etc/shadow as 0 parent=<NA> anc=sudo bash flags=O_RDONLY", f.render(ctx));
    }

    @Test
    void widthPadsAndTruncates() {
        OutputFormat f = OutputFormat.parse("[%6proc.name][%2proc.pname]", FIELDS);
        assertEquals("[cat   ][ss]", f.render(TestFields.Ctx.of("proc.name", "cat", "proc.pname", "sshd")));
    }

    @Test
    void customFormattingHook() {
        OutputFormat f = OutputFormat.parse("uid=%user.uid name=%user.name", FIELDS);
        FieldFormatting quoted = (def, v) -> v == null ? "null" : "'" + v + "'";
        assertEquals("uid='0' name=null", f.render(TestFields.Ctx.of("user.uid", 0L), quoted));
    }

    @Test
    void errors() {
        FilterException unknown = assertThrows(FilterException.class, () -> OutputFormat.parse("a %proc.nosuch b", FIELDS));
        assertTrue(unknown.unknownFilter());
        assertEquals(2, unknown.pos().offset());
        assertTrue(unknown.getMessage().contains("proc.nosuch"));
        assertEquals("invalid formatting syntax: formatting cannot end with a %",
                assertThrows(FilterException.class, () -> OutputFormat.parse("100%", FIELDS)).getMessage());
        assertThrows(FilterException.class, () -> OutputFormat.parse("%% literal", FIELDS));
        assertThrows(FilterException.class, () -> OutputFormat.parse("%(proc.name", FIELDS));
        // evt.arg needs its argument.
        assertThrows(FilterException.class, () -> OutputFormat.parse("%evt.arg x", FIELDS));
    }

    @Test
    void plainTextOnly() {
        OutputFormat f = OutputFormat.parse("nothing to see", FIELDS);
        assertEquals("nothing to see", f.render(new TestFields.Ctx()));
        assertTrue(f.fields().isEmpty());
    }
}

package io.pdig.analyzer.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FilterParserTest {

    private static String canon(String cond) {
        return AstPrinter.print(FilterParser.parse(cond));
    }

    private static FilterException fail(String cond) {
        return assertThrows(FilterException.class, () -> FilterParser.parse(cond));
    }

    @Test
    void precedenceNotOverAndOverOr() {
        assertEquals("(proc.name = a or (proc.name = b and not proc.name = c))",
                canon("proc.name=a or proc.name=b and not proc.name=c"));
    }

    @Test
    void chainsAreNaryAndParenthesesMakeGroups() {
        assertEquals("(a and b and c)", canon("a and b and c"));
        assertEquals("((a or b) and c)", canon("(a or b) and c"));
        assertEquals("(((a and b) or c or d) or e)", canon("((a and b) or c or d) or e"));
    }

    @Test
    void notTogglesAndAcceptsParenthesis() {
        assertEquals("not a", canon("not a"));
        assertEquals("a", canon("not not a"));
        assertEquals("not (a and b)", canon("not(a and b)"));
        assertEquals("(a and not b)", canon("a and not(b)"));
    }

    @Test
    void keywordsNeedBlankOrParenthesis() {
        assertEquals("(a and b)", canon("a and(b)"));
        assertEquals("(a or b)", canon("(a)or(b)"));
        assertTrue(fail("a andb").getMessage().contains("expecting 'or', 'and'"));
    }

    @Test
    void allOperatorsParse() {
        for (String op : new String[] {"=", "==", "!=", "contains", "icontains", "bcontains", "startswith",
            "bstartswith", "endswith", "glob", "iglob", "regex"}) {
            assertEquals("proc.name " + op + " x", canon("proc.name " + op + " x"));
        }
        for (String op : new String[] {"<", "<=", ">", ">="}) {
            assertEquals("fd.num " + op + " 3", canon("fd.num" + op + "3"));
        }
        assertEquals("proc.name in (a, b)", canon("proc.name in(a,b)"));
        assertEquals("proc.name intersects (a)", canon("proc.name intersects (a)"));
        assertEquals("fd.name pmatch (/etc, /usr/bin)", canon("fd.name pmatch (/etc, /usr/bin)"));
        assertEquals("proc.name exists", canon("proc.name exists"));
        assertEquals("proc.name in ()", canon("proc.name in ()"));
    }

    @Test
    void wordOperatorsNeedATrailingBlank() {
        fail("proc.name contains\"x\"");
    }

    @Test
    void fieldArguments() {
        Ast.Check c = (Ast.Check) FilterParser.parse("proc.aname[2]=sshd");
        Ast.FieldRef f = (Ast.FieldRef) c.lhs();
        assertEquals("proc.aname", f.name());
        assertEquals("2", f.arg());
        assertEquals("proc.env[HOME] = /root", canon("proc.env[HOME] = /root"));
        assertEquals("container.mount.dest[/var/run/docker.sock] exists",
                canon("container.mount.dest[/var/run/docker.sock] exists"));
        assertEquals("evt.arg[1] = x", canon("evt.arg[1] = x"));
        assertEquals("proc.env[MY VAR] = x", canon("proc.env[\"MY VAR\"] = x"));
        Ast.Check dotted = (Ast.Check) FilterParser.parse("evt.arg.flags contains O_CREAT");
        assertEquals("evt.arg.flags", ((Ast.FieldRef) dotted.lhs()).name());
        assertTrue(fail("proc.aname[2 = x").getMessage().contains("']'"));
        assertTrue(fail("proc.aname[] = x").getMessage().contains("field argument"));
    }

    @Test
    void bareValuesStopAtDelimiters() {
        assertEquals("proc.name = systemd-logind", canon("proc.name=systemd-logind"));
        assertEquals("proc.name = runc:[0:PARENT]", canon("proc.name = runc:[0:PARENT]"));
        assertEquals("fd.snet in (127.0.0.0/8, 10.0.0.0/8)", canon("fd.snet in (127.0.0.0/8,10.0.0.0/8)"));
    }

    @Test
    void quotedStringsAndEscapes() {
        Ast.Check c = (Ast.Check) FilterParser.parse("proc.cmdline = \"a \\\"b\\\" \\t\\x41\\\\\"");
        assertEquals("a \"b\" \tA\\", ((Ast.Value) c.rhs()).text());
        Ast.Check s = (Ast.Check) FilterParser.parse("proc.name = 'it\\'s'");
        assertEquals("it's", ((Ast.Value) s.rhs()).text());
        assertTrue(fail("proc.name = \"a\\qb\"").getMessage().contains("unsupported string escape sequence: \\q"));
        assertTrue(fail("proc.name = 'a\\\"b'").getMessage().contains("invalid \\\" escape"));
        assertEquals("proc.cmdline contains \"curl 127.0.0.1\"", canon("proc.cmdline contains \"curl 127.0.0.1\""));
        assertEquals("proc.name in (\"a b\", c)", canon("proc.name in (\"a b\", 'c')"));
    }

    @Test
    void numbers() {
        assertEquals("fd.num >= -1", canon("fd.num >= -1"));
        assertEquals("evt.rawres < 0x10", canon("evt.rawres < 0x10"));
        assertTrue(fail("fd.num >= abc").getMessage().startsWith("expected a number value"));
    }

    @Test
    void modifiersAndTransformers() {
        assertEquals("proc.name startswith oneof (a, b)", canon("proc.name startswith oneof (a, b)"));
        // "oneof" not followed by a list is the literal value.
        assertEquals("proc.name = oneof", canon("proc.name = oneof"));
        assertEquals("tolower(proc.name) = bash", canon("tolower(proc.name) = bash"));
        assertEquals("proc.name = val(proc.pname)", canon("proc.name = val(proc.pname)"));
        assertEquals("len(proc.args) > 3", canon("len(proc.args) > 3"));
        assertEquals("toupper(basename(fd.name)) = PASSWD", canon("toupper(basename(fd.name)) = PASSWD"));
        assertEquals("proc.name in val(proc.pname)", canon("proc.name in val(proc.pname)"));
        assertTrue(fail("tolower(proc.name = x").getMessage().contains("closing the transformer"));
    }

    @Test
    void identifiersAreMacroReferences() {
        Ast a = FilterParser.parse("open_read and not proc_name_exists");
        Ast.And and = assertInstanceOf(Ast.And.class, a);
        assertInstanceOf(Ast.Ident.class, and.children().get(0));
        // Words that begin like keywords are identifiers.
        assertEquals("(notice and order)", canon("notice and order"));
    }

    @Test
    void errorsCarryPositions() {
        FilterException e = fail("evt.type = open and (proc.name = a");
        assertEquals("expected a ')' token", e.getMessage());
        assertEquals(34, e.pos().offset());
        assertEquals(1, e.pos().line());
        assertEquals(35, e.pos().col());
        FilterException multi = fail("evt.type = open\n  and proc.name ~ x");
        assertEquals(2, multi.pos().line());
        assertEquals(17, multi.pos().col());
        assertTrue(multi.getMessage().startsWith("expected a valid check operator"));
        assertEquals("filter input string is empty", fail("  ").getMessage());
        assertTrue(fail("a b").getMessage().contains("unexpected token after 'a'"));
        assertTrue(fail("proc.name = ").getMessage().startsWith("expected a string value"));
        assertTrue(fail("proc.name in").getMessage().startsWith("expected a list"));
        assertTrue(fail("= x").getMessage().startsWith("expected a '(' token, a field check, or an identifier"));
    }

    /** Runs on a thread with a large stack, as the rule loader does. */
    private static <T> T onBigStack(java.util.concurrent.Callable<T> c) throws Exception {
        Object[] out = new Object[1];
        Exception[] err = new Exception[1];
        Thread t = new Thread(null, () -> {
            try {
                out[0] = c.call();
            } catch (Exception e) {
                err[0] = e;
            }
        }, "big-stack", 256L * 1024 * 1024);
        t.start();
        t.join();
        if (err[0] != null) throw err[0];
        @SuppressWarnings("unchecked")
        T r = (T) out[0];
        return r;
    }

    @Test
    void depthIsLimitedLikeLibsinsp() throws Exception {
        String deep = "(".repeat(1500) + "a" + ")".repeat(1500);
        FilterException e = onBigStack(() -> assertThrows(FilterException.class, () -> FilterParser.parse(deep)));
        assertEquals("exceeded max depth limit of 1000", e.getMessage());
        String ok = "(".repeat(990) + "a" + ")".repeat(990);
        assertEquals("a", onBigStack(() -> canon(ok)));
        String deepAnd = "a and (".repeat(900) + "b" + ")".repeat(900);
        assertTrue(onBigStack(() -> canon(deepAnd)).startsWith("(a and (a and"));
    }

    @Test
    void smallStacksFailCleanly() throws Exception {
        String deep = "(".repeat(990) + "a" + ")".repeat(990);
        Object[] got = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                got[0] = FilterParser.parse(deep);
            } catch (FilterException e) {
                got[0] = e;
            }
        }, "small-stack", 64 * 1024);
        t.start();
        t.join();
        // Either it fit, or it failed with a clean parse error instead of a StackOverflowError.
        assertTrue(got[0] instanceof Ast || got[0] instanceof FilterException, String.valueOf(got[0]));
    }
}

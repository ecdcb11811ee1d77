package io.pdig.analyzer.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per operator (and per value kind where the semantics differ), on fake fields. */
class OperatorsTest {
    private static final TestFields FIELDS = TestFields.standard();

    static boolean eval(String cond, TestFields.Ctx ctx) {
        return new FilterCompiler(FIELDS).compile(FilterParser.parse(cond)).eval(ctx);
    }

    static FilterException compileError(String cond) {
        return assertThrows(FilterException.class, () -> new FilterCompiler(FIELDS).compile(FilterParser.parse(cond)));
    }

    private static TestFields.Ctx proc(String name) {
        return TestFields.Ctx.of("proc.name", name);
    }

    @Test
    void equalsAndNotEquals() {
        assertTrue(eval("proc.name = bash", proc("bash")));
        assertTrue(eval("proc.name == bash", proc("bash")));
        assertFalse(eval("proc.name = bash", proc("bashx")));
        assertTrue(eval("proc.name != bash", proc("sh")));
        assertFalse(eval("proc.name != bash", proc("bash")));
    }

    @Test
    void missingValueMakesEveryCheckFalse() {
        TestFields.Ctx empty = new TestFields.Ctx();
        for (String c : new String[] {"proc.pname = x", "proc.pname != x", "proc.pname contains x", "proc.pname in (x)",
            "proc.pname exists", "fd.num < 3", "fd.num != 3", "fd.sip != 1.2.3.4", "evt.is_open_read != true"}) {
            assertFalse(eval(c, empty), c);
        }
        assertTrue(eval("not proc.pname = sshd", empty));
    }

    @Test
    void exists() {
        assertTrue(eval("proc.name exists", proc("x")));
        assertTrue(eval("proc.name exists", proc("")));
        assertFalse(eval("proc.pname exists", proc("x")));
    }

    @Test
    void numericComparisonsParseTheRightSideAsNumbers() {
        TestFields.Ctx ctx = TestFields.Ctx.of("fd.num", 5L, "evt.rawres", -2L);
        assertTrue(eval("fd.num < 6", ctx));
        assertFalse(eval("fd.num < 5", ctx));
        assertTrue(eval("fd.num <= 5", ctx));
        assertTrue(eval("fd.num > 4", ctx));
        assertFalse(eval("fd.num > 5", ctx));
        assertTrue(eval("fd.num >= 5", ctx));
        assertTrue(eval("fd.num = 05", ctx));
        assertTrue(eval("fd.num = 0x5", ctx));
        assertTrue(eval("evt.rawres < 0", ctx));
        assertTrue(eval("evt.rawres = -2", ctx));
        assertTrue(eval("fd.num in (1, 5, 9)", ctx));
        assertFalse(eval("fd.num in (1, 9)", ctx));
        // Integer-typed values from an extractor compare too.
        assertTrue(eval("fd.num = 7", TestFields.Ctx.of("fd.num", 7)));
        assertTrue(compileError("fd.num = abc").getMessage().contains("not a valid number"));
        assertTrue(compileError("fd.num contains 3").getMessage()
                .contains("'contains' operator not supported for numeric filters"));
    }

    @Test
    void portsAcceptNumbersInLists() {
        TestFields.Ctx ctx = TestFields.Ctx.of("fd.sport", 443L);
        assertTrue(eval("fd.sport in (80, 443)", ctx));
        assertFalse(eval("fd.sport in (80, 8080)", ctx));
        assertTrue(eval("fd.sport = https", ctx));
    }

    @Test
    void stringOrderComparisons() {
        // The grammar only takes numbers after < <= > >=, so strings compare through val().
        assertTrue(eval("proc.name < val(proc.pname)", TestFields.Ctx.of("proc.name", "a", "proc.pname", "b")));
        assertTrue(eval("proc.name >= val(proc.pname)", TestFields.Ctx.of("proc.name", "abd", "proc.pname", "abc")));
        assertFalse(eval("proc.name > val(proc.pname)", TestFields.Ctx.of("proc.name", "abc", "proc.pname", "abc")));
    }

    @Test
    void contains() {
        assertTrue(eval("proc.cmdline contains \"-e /bin\"", TestFields.Ctx.of("proc.cmdline", "nc -e /bin/sh")));
        assertFalse(eval("proc.cmdline contains X", TestFields.Ctx.of("proc.cmdline", "abc")));
    }

    @Test
    void icontainsFoldsAsciiCase() {
        TestFields.Ctx ctx = TestFields.Ctx.of("proc.args", "grep BEGIN RSA PRIVATE");
        assertTrue(eval("proc.args icontains \"begin rsa\"", ctx));
        assertTrue(eval("proc.args icontains PRIVATE", ctx));
        assertFalse(eval("proc.args icontains \"begin dsa\"", ctx));
        assertTrue(eval("proc.args icontains \"\"", ctx));
    }

    @Test
    void startsWithAndEndsWith() {
        TestFields.Ctx ctx = TestFields.Ctx.of("fd.name", "/etc/shadow");
        assertTrue(eval("fd.name startswith /etc/", ctx));
        assertFalse(eval("fd.name startswith /usr", ctx));
        assertTrue(eval("fd.name endswith shadow", ctx));
        assertFalse(eval("fd.name endswith passwd", ctx));
    }

    @Test
    void globLikeFnmatchWithoutPathname() {
        TestFields.Ctx ctx = TestFields.Ctx.of("fd.name", "/var/log/syslog.1");
        assertTrue(eval("fd.name glob /var/log/*", ctx));
        assertTrue(eval("fd.name glob '/var/*.?'", ctx));
        assertTrue(eval("fd.name glob '/var/log/sys[kl]og.[0-9]'", ctx));
        assertFalse(eval("fd.name glob '/var/log/sys[!l]og.1'", ctx));
        assertFalse(eval("fd.name glob /VAR/*", ctx));
        assertTrue(eval("fd.name iglob /VAR/LOG/*", ctx));
        assertTrue(new Glob("a\\*b", false).matches("a*b"));
        assertFalse(new Glob("a\\*b", false).matches("axb"));
        assertTrue(new Glob("*", false).matches(""));
        assertTrue(new Glob("[]x]", false).matches("]"));
    }

    @Test
    void regexIsAFullMatch() {
        TestFields.Ctx ctx = TestFields.Ctx.of("proc.name", "python3.11");
        assertTrue(eval("proc.name regex 'python[0-9.]+'", ctx));
        assertFalse(eval("proc.name regex python", ctx));
        assertTrue(compileError("proc.name regex '('").getMessage().startsWith("invalid regex pattern"));
    }

    @Test
    void inIsSetMembership() {
        assertTrue(eval("proc.name in (sh, bash, \"my shell\")", proc("my shell")));
        assertTrue(eval("proc.name in (sh, bash)", proc("bash")));
        assertFalse(eval("proc.name in (sh, bash)", proc("zsh")));
        assertFalse(eval("proc.name in ()", proc("zsh")));
        assertTrue(eval("proc.name in (bash)", proc("bash")));
    }

    @Test
    void intersectsOnSingleValuesIsIn() {
        assertTrue(eval("proc.name intersects (a, b)", proc("b")));
        assertFalse(eval("proc.name intersects (a, b)", proc("c")));
    }

    @Test
    void listFieldsInNeedsAllIntersectsNeedsAny() {
        TestFields.Ctx ctx = TestFields.Ctx.of("proc.fdlist", List.of("a", "b"));
        assertTrue(eval("proc.fdlist in (a, b, c)", ctx));
        assertFalse(eval("proc.fdlist in (a, c)", ctx));
        assertTrue(eval("proc.fdlist intersects (a, c)", ctx));
        assertFalse(eval("proc.fdlist intersects (x, y)", ctx));
    }

    @Test
    void ancestorFieldsWithoutIndexMatchAnyAncestor() {
        TestFields.Ctx ctx = TestFields.Ctx.of("proc.aname", List.of("sudo", "bash", "sshd"), "proc.aname[2]", "bash");
        assertTrue(eval("proc.aname = sshd", ctx));
        assertTrue(eval("proc.aname in (sshd, login)", ctx));
        assertFalse(eval("proc.aname = init", ctx));
        assertTrue(eval("proc.aname[2] = bash", ctx));
        assertFalse(eval("proc.aname[3] = sshd", ctx));
        assertTrue(compileError("proc.aname[x] = a").getMessage().contains("numeric index"));
    }

    @Test
    void pmatchIsAPathPrefixByComponent() {
        assertTrue(eval("fd.name pmatch (/usr/bin, /etc)", TestFields.Ctx.of("fd.name", "/usr/bin")));
        assertTrue(eval("fd.name pmatch (/usr/bin, /etc)", TestFields.Ctx.of("fd.name", "/usr/bin/ls")));
        assertTrue(eval("fd.name pmatch (/usr/bin/, /etc)", TestFields.Ctx.of("fd.name", "/usr/bin/ls")));
        assertFalse(eval("fd.name pmatch (/usr/bin, /etc)", TestFields.Ctx.of("fd.name", "/usr/binx")));
        assertFalse(eval("fd.name pmatch (/usr/bin, /etc)", TestFields.Ctx.of("fd.name", "/usr")));
    }

    @Test
    void booleans() {
        TestFields.Ctx t = TestFields.Ctx.of("evt.is_open_read", true);
        assertTrue(eval("evt.is_open_read = true", t));
        assertFalse(eval("evt.is_open_read = false", t));
        assertTrue(eval("evt.is_open_read != false", t));
        assertTrue(compileError("evt.is_open_read = yes").getMessage().contains("unrecognized boolean value yes"));
        assertTrue(compileError("evt.is_open_read contains t").getMessage().contains("not supported"));
    }

    @Test
    void ipAddressesAndNetworks() {
        TestFields.Ctx ctx = TestFields.Ctx.of("fd.sip", "10.1.2.3", "fd.snet", "10.1.2.3");
        assertTrue(eval("fd.sip = 10.1.2.3", ctx));
        assertFalse(eval("fd.sip = 127.0.0.1", ctx));
        assertTrue(eval("fd.sip != 127.0.0.1", ctx));
        assertTrue(eval("fd.snet in (\"10.0.0.0/8\")", ctx));
        assertTrue(eval("fd.snet in (127.0.0.0/8, 10.0.0.0/8)", ctx));
        assertFalse(eval("fd.snet in (192.168.0.0/16, 172.16.0.0/12)", ctx));
        assertTrue(eval("fd.sip = ::1", TestFields.Ctx.of("fd.sip", "0:0:0:0:0:0:0:1")));
        assertTrue(eval("fd.snet in (\"10.1.2.0/23\")", ctx));
        assertTrue(compileError("fd.sip = 300.1.1.1").getMessage().contains("not a valid IP"));
        assertTrue(compileError("fd.sip contains 1").getMessage().contains("ip address and network filters"));
    }

    @Test
    void byteBuffers() {
        TestFields.Ctx ctx = TestFields.Ctx.of("evt.buffer", new byte[] {0x00, (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe});
        assertTrue(eval("evt.buffer bcontains cafebabe", ctx));
        assertFalse(eval("evt.buffer bcontains cafe00", ctx));
        assertTrue(eval("evt.buffer bstartswith 00ca", ctx));
        assertFalse(eval("evt.buffer bstartswith ca", ctx));
        assertTrue(eval("evt.buffer contains x", TestFields.Ctx.of("evt.buffer", "axb".getBytes(StandardCharsets.UTF_8))));
        assertTrue(compileError("evt.buffer bcontains xyz").getMessage().contains("hex strings only"));
        assertTrue(compileError("proc.name bcontains 00").getMessage().contains("not supported for string filters"));
    }

    @Test
    void modifiers() {
        TestFields.Ctx ctx = TestFields.Ctx.of("fd.name", "/etc/shadow");
        assertTrue(eval("fd.name startswith oneof (/etc, /usr)", ctx));
        assertFalse(eval("fd.name startswith oneof (/etc, /etc/sh)", ctx));
        assertTrue(eval("fd.name startswith anyof (/etc, /etc/sh)", ctx));
        assertTrue(eval("fd.name contains allof (etc, shadow)", ctx));
        assertFalse(eval("fd.name contains allof (etc, passwd)", ctx));
    }

    @Test
    void evtTypeValuesAreValidated() {
        assertTrue(eval("evt.type in (open, openat)", TestFields.Ctx.of("evt.type", "openat")));
        FilterException e = compileError("evt.type = nosuchcall");
        assertEquals("unknown event type nosuchcall", e.getMessage());
        assertTrue(e.unknownFilter());
        assertTrue(eval("evt.type != switch", TestFields.Ctx.of("evt.type", "openat")));
    }

    @Test
    void unknownFieldsAndArguments() {
        FilterException e = compileError("proc.nosuchfield = x");
        assertEquals("unknown field proc.nosuchfield", e.getMessage());
        assertTrue(e.unknownFilter());
        assertTrue(compileError("proc.name[1] = x").getMessage().contains("does not take an argument"));
        assertTrue(compileError("evt.arg = x").getMessage().contains("requires an argument"));
        assertTrue(compileError("undefined_macro").getMessage().contains("Undefined macro 'undefined_macro'"));
    }

    @Test
    void evtArgFormsReachTheSameField() {
        TestFields.Ctx ctx = TestFields.Ctx.of("evt.arg[flags]", "O_TRUNC|O_CREAT|O_WRONLY", "evt.arg[1]", "x");
        assertTrue(eval("evt.arg.flags contains O_CREAT", ctx));
        assertTrue(eval("evt.arg[flags] contains O_TRUNC", ctx));
        assertTrue(eval("evt.arg[1] = x", ctx));
        assertFalse(eval("evt.arg.flags contains O_APPEND", ctx));
    }

    @Test
    void andOrNotShortCircuit() {
        TestFields.Ctx ctx = TestFields.Ctx.of("proc.name", "a", "proc.pname", "b");
        assertTrue(eval("proc.name = a and proc.pname = b", ctx));
        assertFalse(eval("proc.name = a and proc.pname = c", ctx));
        assertTrue(eval("proc.name = x or proc.pname = b", ctx));
        assertTrue(eval("not (proc.name = x or proc.pname = c)", ctx));
    }
}

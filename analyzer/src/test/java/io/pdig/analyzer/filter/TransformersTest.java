package io.pdig.analyzer.filter;

import static io.pdig.analyzer.filter.OperatorsTest.compileError;
import static io.pdig.analyzer.filter.OperatorsTest.eval;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per transformer, plus val() on the right side. */
class TransformersTest {

    @Test
    void tolower() {
        assertTrue(eval("tolower(proc.name) = bash", TestFields.Ctx.of("proc.name", "BaSh")));
        assertFalse(eval("tolower(proc.name) = BASH", TestFields.Ctx.of("proc.name", "BaSh")));
    }

    @Test
    void toupper() {
        assertTrue(eval("toupper(proc.name) = BASH", TestFields.Ctx.of("proc.name", "bash")));
    }

    @Test
    void b64() {
        // "aGVsbG8=" is "hello".
        assertTrue(eval("b64(proc.args) = hello", TestFields.Ctx.of("proc.args", "aGVsbG8=")));
        assertFalse(eval("b64(proc.args) exists", TestFields.Ctx.of("proc.args", "!!not base64!!")));
    }

    @Test
    void basename() {
        assertTrue(eval("basename(fd.name) = shadow", TestFields.Ctx.of("fd.name", "/etc/shadow")));
        assertTrue(eval("basename(fd.name) = x", TestFields.Ctx.of("fd.name", "x")));
    }

    @Test
    void len() {
        assertTrue(eval("len(proc.name) = 4", TestFields.Ctx.of("proc.name", "bash")));
        assertTrue(eval("len(proc.name) > 3", TestFields.Ctx.of("proc.name", "bash")));
        assertTrue(eval("len(proc.fdlist) = 3", TestFields.Ctx.of("proc.fdlist", List.of("a", "b", "c"))));
    }

    @Test
    void nested() {
        assertTrue(eval("toupper(basename(fd.name)) = SHADOW", TestFields.Ctx.of("fd.name", "/etc/shadow")));
    }

    @Test
    void valComparesTwoFields() {
        TestFields.Ctx same = TestFields.Ctx.of("proc.name", "bash", "proc.pname", "bash");
        TestFields.Ctx diff = TestFields.Ctx.of("proc.name", "bash", "proc.pname", "sshd");
        assertTrue(eval("proc.name = val(proc.pname)", same));
        assertFalse(eval("proc.name = val(proc.pname)", diff));
        assertTrue(eval("proc.name != val(proc.pname)", diff));
        assertFalse(eval("proc.name = val(proc.exe)", same));
        assertTrue(eval("proc.cmdline startswith val(proc.name)",
                TestFields.Ctx.of("proc.cmdline", "bash -c x", "proc.name", "bash")));
        assertTrue(eval("fd.num < val(proc.pid)", TestFields.Ctx.of("fd.num", 3L, "proc.pid", 10L)));
        assertTrue(eval("tolower(proc.name) = val(proc.pname)", TestFields.Ctx.of("proc.name", "BASH", "proc.pname", "bash")));
    }

    @Test
    void transformerTypeErrors() {
        assertTrue(compileError("tolower(fd.num) = x").getMessage().contains("not supported on numeric fields"));
        assertTrue(compileError("join(\",\", proc.name) = x").getMessage().contains("not supported"));
        assertTrue(compileError("val(proc.name) = x").getMessage().contains("right side"));
    }
}

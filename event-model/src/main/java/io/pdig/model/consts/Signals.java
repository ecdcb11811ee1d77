package io.pdig.model.consts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * Signal names. 1..31 come from the table; real-time signals are named as strace names them,
 * relative to the <em>kernel's</em> SIGRTMIN (32): 32 is {@code SIGRTMIN}, 33 is {@code SIGRT_1},
 * up to 64, {@code SIGRT_32}. The same names appear in --print, pdig dump, JSON and rule output, so
 * a line can be compared with strace's. Note that glibc reserves 32 and 33, so a program's own
 * SIGRTMIN is this table's SIGRT_2. {@code SIGRTMIN+N} and {@code SIGRTMAX} parse too.
 */
public final class Signals implements NameTable {

    public static final int SIGRTMIN = 32;
    public static final int SIGRTMAX = 64;

    private static final ValueNames CLASSIC = ValueNames.parse("signal", """
            SIGHUP 1
            SIGINT 2
            SIGQUIT 3
            SIGILL 4
            SIGTRAP 5
            SIGABRT 6
            SIGIOT 6
            SIGBUS 7
            SIGFPE 8
            SIGKILL 9
            SIGUSR1 10
            SIGSEGV 11
            SIGUSR2 12
            SIGPIPE 13
            SIGALRM 14
            SIGTERM 15
            SIGSTKFLT 16
            SIGCHLD 17
            SIGCONT 18
            SIGSTOP 19
            SIGTSTP 20
            SIGTTIN 21
            SIGTTOU 22
            SIGURG 23
            SIGXCPU 24
            SIGXFSZ 25
            SIGVTALRM 26
            SIGPROF 27
            SIGWINCH 28
            SIGIO 29
            SIGPOLL 29
            SIGPWR 30
            SIGSYS 31
            """);

    public static final Signals TABLE = new Signals();

    private Signals() {
    }

    /** The name of a signal number, or null when it is not 1..64. */
    public static String name(int signo) {
        if (signo >= SIGRTMIN && signo <= SIGRTMAX) {
            return signo == SIGRTMIN ? "SIGRTMIN" : "SIGRT_" + (signo - SIGRTMIN);
        }
        return CLASSIC.name(signo);
    }

    /** The number of a signal name, or -1. */
    public static int number(String name) {
        return (int) TABLE.valueOf(name).orElse(-1);
    }

    @Override
    public String title() {
        return "signal";
    }

    @Override
    public String render(long value) {
        String n = value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? name((int) value) : null;
        return n != null ? n : Long.toString(value);
    }

    @Override
    public OptionalLong valueOf(String name) {
        OptionalLong v = CLASSIC.valueOf(name);
        if (v.isPresent()) return v;
        if (name.equals("SIGRTMIN")) return OptionalLong.of(SIGRTMIN);
        if (name.equals("SIGRTMAX")) return OptionalLong.of(SIGRTMAX);
        String offset = name.startsWith("SIGRTMIN+") ? name.substring(9) : name.startsWith("SIGRT_") ? name.substring(6) : null;
        if (offset != null && !offset.isEmpty() && offset.chars().allMatch(Character::isDigit) && offset.length() < 3) {
            int n = SIGRTMIN + Integer.parseInt(offset);
            if (n <= SIGRTMAX) return OptionalLong.of(n);
        }
        return OptionalLong.empty();
    }

    @Override
    public long parse(String text) {
        String t = text.strip();
        OptionalLong v = valueOf(t);
        if (v.isPresent()) return v.getAsLong();
        Long n = TableText.parseNumber(t);
        if (n == null) throw new IllegalArgumentException("unknown signal name '" + t + "'");
        return n;
    }

    @Override
    public java.util.Map<String, Long> entries() {
        java.util.Map<String, Long> all = new java.util.LinkedHashMap<>(CLASSIC.entries());
        for (int s = SIGRTMIN; s <= SIGRTMAX; s++) all.put(name(s), (long) s);
        all.put("SIGRTMAX", (long) SIGRTMAX);
        return java.util.Collections.unmodifiableMap(all);
    }

    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>(CLASSIC.names());
        for (int s = SIGRTMIN; s <= SIGRTMAX; s++) out.add(name(s));
        return Collections.unmodifiableList(out);
    }
}

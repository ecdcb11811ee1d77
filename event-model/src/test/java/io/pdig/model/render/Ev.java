package io.pdig.model.render;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.SyscallTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builders for test events. */
final class Ev {

    static final long TS = 1_722_434_011_726_060_287L;

    private Ev() {
    }

    static SyscallEvent call(String name, long res, ArgValue... args) {
        return new SyscallEvent(TS, 1234, 1234, Abi.X86_64, SyscallTable.byName(name).nr64(), res, true, args);
    }

    /** A call with its result and a duration of {@code ns}. */
    static SyscallEvent timed(String name, long res, long ns, ArgValue... args) {
        return new SyscallEvent(TS, 1234, 1234, Abi.X86_64, SyscallTable.byName(name).nr64(), res, true, args, ns);
    }

    static SyscallEvent noResult(String name, ArgValue... args) {
        return new SyscallEvent(TS, 1234, 1234, Abi.X86_64, SyscallTable.byName(name).nr64(), 0, false, args);
    }

    static ArgValue.Num n(long v) {
        return new ArgValue.Num(v);
    }

    static ArgValue.Path path(String s) {
        return new ArgValue.Path(b(s), null, false);
    }

    static ArgValue.Path path(String raw, String resolved) {
        return new ArgValue.Path(b(raw), b(resolved), false);
    }

    static ArgValue.StrList argv(String... items) {
        List<byte[]> l = new ArrayList<>();
        for (String s : items) l.add(b(s));
        return new ArgValue.StrList(l, false);
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (byte) v[i];
        return out;
    }

    /** struct sockaddr_in for an IPv4 address and port. */
    static byte[] inet(int a, int b, int c, int d, int port) {
        return bytes(2, 0, port >> 8, port & 0xff, a, b, c, d, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}

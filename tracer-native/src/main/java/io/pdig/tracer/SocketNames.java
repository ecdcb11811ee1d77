package io.pdig.tracer;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * The addresses of a tracee's socket, read by the tracer itself (pdig_sock_names: a copy of the
 * tracee's fd through pidfd_getfd, then getsockname/getpeername on it): the local side of a
 * connect, which no argument carries, and the peer of an accept whose address the program did not
 * ask for. Falco's kernel drivers read the same from the socket. Owns one small native buffer, no
 * descriptors (the native call closes its own before returning). Confined to the tracer thread.
 */
final class SocketNames {

    /** Bit of {@link #read}'s {@code want}: the socket's own address. */
    static final int LOCAL = 1;
    /** Bit of {@link #read}'s {@code want}: the peer's address. */
    static final int PEER = 2;
    /** sizeof(struct sockaddr_storage), the native side's PDIG_SOCKNAME_MAX. */
    static final int MAX = 128;

    private final NativeLibrary.Lib lib;
    private final Pointer buf;

    SocketNames(NativeLibrary.Lib lib) {
        this.lib = lib;
        this.buf = Memory.allocateDirect(NativeLibrary.runtime(), 16 + 2 * MAX, false);
    }

    /**
     * The wanted sides of fd {@code fd} of thread {@code tid} of process {@code pid}: {local, peer},
     * each the address's bytes, or null when not wanted or unknown (the process or fd is gone, the
     * fd is no socket, an unconnected socket's peer). Unknown is an answer, never an error: a
     * tracee killed between its stop and this call costs only the addresses.
     */
    byte[][] read(int pid, int tid, int fd, int want) {
        byte[][] out = new byte[2][];
        if (fd < 0 || lib.pdig_sock_names(pid, tid, fd, want, buf.address()) < 0) return out;
        if ((want & LOCAL) != 0) out[0] = side(0);
        if ((want & PEER) != 0) out[1] = side(1);
        return out;
    }

    private byte[] side(int k) {
        long len = buf.getLong(8L * k);
        if (len < 0) return null;
        byte[] b = new byte[(int) Math.min(len, MAX)];
        buf.get(16 + (long) k * MAX, b, 0, b.length);
        return b;
    }
}

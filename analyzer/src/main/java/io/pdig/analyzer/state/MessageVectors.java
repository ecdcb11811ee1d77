package io.pdig.analyzer.state;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.SyscallEvent;

/**
 * What a sendmmsg or recvmmsg event's vector of messages (ArgValue.MMsgHdrs) says to the rules
 * and the socket state. Falco's drivers make one event per message moved (each with its data,
 * msg_len and address); pdig keeps one event per call, so its fields join the messages the call
 * moved: those it sent or received when it succeeded, every message read when it failed or did
 * not return (a sendmmsg's data is then what it passed, as a failed sendmsg's is). Stateless.
 */
public final class MessageVectors {

    private MessageVectors() {
    }

    /** How many of {@code v}'s messages (from the first) the call of {@code s} moved, as above. */
    public static int moved(ArgValue.MMsgHdrs v, SyscallEvent s) {
        int read = v.msgs().length;
        if (!s.hasResult() || s.failed()) return read;
        return (int) Math.min(Math.max(s.res(), 0), read);
    }

    /** The captured data of the first {@code n} messages, one after another (a message whose msg_iov was not read adds none). */
    public static byte[] data(ArgValue.MMsgHdrs v, int n) {
        int size = 0;
        for (int k = 0; k < n; k++) size += v.msgs()[k].iov() != null ? v.msgs()[k].iov().data().length : 0;
        byte[] out = new byte[size];
        int off = 0;
        for (int k = 0; k < n; k++) {
            ArgValue.IoVec iov = v.msgs()[k].iov();
            if (iov == null) continue;
            System.arraycopy(iov.data(), 0, out, off, iov.data().length);
            off += iov.data().length;
        }
        return out;
    }

    /** Bytes a successful call returning {@code res} messages moved: their msg_len added up (of those read). */
    public static long bytesMoved(ArgValue.MMsgHdrs v, long res) {
        long sum = 0;
        int n = (int) Math.min(Math.max(res, 0), v.msgs().length);
        for (int k = 0; k < n; k++) sum += Math.max(v.lens()[k], 0);
        return sum;
    }
}

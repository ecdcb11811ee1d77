package io.pdig.model.render;

import io.pdig.model.consts.FileConsts;
import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.Syscall;

/**
 * poll's and ppoll's pollfd array as strace prints it. Each pollfd is kept as its raw 8 bytes (int fd, short
 * events, short revents, little-endian) in the Words {address, nfds, pollfd...} of a
 * {@link ArgKind#POLLFDS} argument; the fd and events go in the argument, the revents the kernel
 * reported after the result.
 */
final class PollFds {

    private PollFds() {
    }

    static int fd(long pollfd) {
        return (int) pollfd;
    }

    static long events(long pollfd) {
        return (pollfd >>> 32) & 0xffff;
    }

    static long revents(long pollfd) {
        return (pollfd >>> 48) & 0xffff;
    }

    /** The argument: {@code [{fd=3, events=POLLIN}, {fd=-1}]}; a negative fd is skipped by the kernel and shown bare. */
    static String given(long[] w) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 2; k < w.length; k++) {
            if (k > 2) sb.append(", ");
            sb.append("{fd=").append(fd(w[k]));
            if (fd(w[k]) >= 0) sb.append(", events=").append(FileConsts.POLL_EVENTS.render(events(w[k])));
            sb.append('}');
        }
        if (w[1] > w.length - 2) sb.append(w.length > 2 ? ", ..." : "...");
        return sb.append(']').toString();
    }

    /**
     * The result of a successful call of a row with a POLLFDS argument, as strace writes it: 0 as
     * {@code 0 (Timeout)}, a count followed by the pollfds with revents ({@code 1 ([{fd=3,
     * revents=POLLIN}])}), and ppoll's time left after them when it was read ({@code 1 ([{fd=3,
     * revents=POLLIN}], left {tv_sec=0, tv_nsec=999997315})}), "..." after them when more
     * were ready than the pollfds read show. Null when the row has none or its array was not read (the address:
     * no exit stop, an older journal), so the plain number is printed.
     */
    static String result(Syscall row, ArgValue[] args, long res) {
        if (row == null) return null;
        for (int i = 0; i < row.args().size() && i < args.length; i++) {
            if (row.args().get(i).kind() != ArgKind.POLLFDS) continue;
            if (!(args[i] instanceof ArgValue.Words words) || words.words().length < 2) return null;
            if (res == 0) return "0 (Timeout)";
            long[] w = words.words();
            StringBuilder sb = new StringBuilder().append(res).append(" ([");
            int shown = 0;
            for (int k = 2; k < w.length; k++) {
                if (revents(w[k]) == 0) continue;
                if (shown++ > 0) sb.append(", ");
                sb.append("{fd=").append(fd(w[k])).append(", revents=").append(FileConsts.POLL_EVENTS.render(revents(w[k]))).append('}');
            }
            // More were ready than the pollfds read show (strace lists 32, then "...")
            if (res > shown) sb.append(shown > 0 ? ", ..." : "...");
            sb.append(']');
            String left = timeLeft(row, args);
            return (left != null ? sb.append(", left ").append(left) : sb).append(')').toString();
        }
        return null;
    }

    /** The time left a row's TIMESPEC_INOUT argument holds (ppoll's), as strace writes it, or null when it was not read. */
    private static String timeLeft(Syscall row, ArgValue[] args) {
        for (int i = 0; i < row.args().size() && i < args.length; i++) {
            if (row.args().get(i).kind() == ArgKind.TIMESPEC_INOUT && args[i] instanceof ArgValue.Words w && w.words().length == 5) {
                return "{tv_sec=" + w.words()[3] + ", tv_nsec=" + w.words()[4] + "}";
            }
        }
        return null;
    }
}

package io.pdig.model.render;

import io.pdig.model.consts.FileConsts;

/**
 * struct epoll_event as strace prints it: {@code {events=EPOLLIN|EPOLLET, data={u32=7, u64=4294967303}}},
 * the data union as both its members, unsigned decimal. One event is the Words {address, events,
 * data} of an EPOLL_EVENT argument; an array is the Words {address, count, events, data, ...} of
 * an EPOLL_EVENTS_OUT argument.
 */
final class EpollEvents {

    private EpollEvents() {
    }

    /** One event; {@code sb} gets it appended. */
    static StringBuilder event(StringBuilder sb, long events, long data) {
        return sb.append("{events=").append(FileConsts.EPOLL_EVENTS.render(events & 0xffffffffL))
                .append(", data={u32=").append(data & 0xffffffffL).append(", u64=").append(Long.toUnsignedString(data)).append("}}");
    }

    /** epoll_ctl's event: Words {address, events, data}. */
    static String given(long[] w) {
        return event(new StringBuilder(64), w[1], w[2]).toString();
    }

    /** The events epoll_wait returned, {@code []} for none, {@code ...} after those read when it returned more. */
    static String returned(long[] w) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 2; k + 1 < w.length; k += 2) {
            if (k > 2) sb.append(", ");
            event(sb, w[k], w[k + 1]);
        }
        if (w[1] > (w.length - 2) / 2) sb.append(w.length > 2 ? ", ..." : "...");
        return sb.append(']').toString();
    }
}

package io.pdig.model.render;

import io.pdig.model.consts.ArgNames;
import io.pdig.model.consts.SockoptConsts;
import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.ArgKind;

/**
 * strace 6.1's text of a struct msghdr (sendmsg, recvmsg): {@code {msg_name=NULL, msg_namelen=0,
 * msg_iov=[...], msg_iovlen=1, msg_controllen=0, msg_flags=0}}, with {@code msg_control=[...]}
 * before msg_controllen only when that is not 0, {@code msg_namelen=128 => 16} when recvmsg's
 * kernel changed it, and a failed recvmsg's {@code {msg_namelen=16}}. A field that was not read
 * shows its pointer (NULL for 0), as strace does.
 */
final class MsgHdrText {

    private MsgHdrText() {
    }

    static String strace(ArgValue.MsgHdr m) {
        StringBuilder sb = new StringBuilder(128);
        if (!m.full()) return sb.append("{msg_namelen=").append((int) m.namelen()).append('}').toString();
        sb.append("{msg_name=");
        if (m.nameBytes() != null) sb.append(SockAddrs.strace(m.nameBytes()));
        else pointer(sb, m.name());
        sb.append(", msg_namelen=");
        if (m.namelenIn() >= 0 && m.namelenIn() != m.namelen()) sb.append((int) m.namelenIn()).append(" => ");
        sb.append((int) m.namelen());
        sb.append(", msg_iov=");
        if (m.iov() != null) sb.append(IoVecText.strace(m.iov()));
        else pointer(sb, m.iovAddr());
        sb.append(", msg_iovlen=").append(Long.toUnsignedString(m.iovlen()));
        if (m.controllen() != 0) {
            sb.append(", msg_control=");
            if (m.cmsgs() != null) cmsgs(sb, m.cmsgs());
            else pointer(sb, m.control());
        }
        sb.append(", msg_controllen=").append(Long.toUnsignedString(m.controllen()));
        String flags = ArgNames.render(ArgKind.MSG_FLAGS, m.flags());
        return sb.append(", msg_flags=").append(m.flags() == 0 || flags == null ? Long.toString(m.flags()) : flags)
                .append('}').toString();
    }

    /** [{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}, ...]; see ArgValue.MsgHdr#cmsgs. */
    private static void cmsgs(StringBuilder sb, long[] w) {
        sb.append('[');
        for (int k = 0; k + 4 <= w.length; ) {
            if (k > 0) sb.append(", ");
            long level = w[k + 1], type = w[k + 2];
            int n = (int) w[k + 3];
            sb.append("{cmsg_len=").append(Long.toUnsignedString(w[k])).append(", cmsg_level=")
                    .append(SockoptConsts.LEVELS.render((int) level)).append(", cmsg_type=")
                    .append(level == SockoptConsts.SOL_SOCKET ? SockoptConsts.SCM_TYPES.render((int) type) : Long.toString((int) type));
            if (level == SockoptConsts.SOL_SOCKET && type == SockoptConsts.SCM_RIGHTS) {
                sb.append(", cmsg_data=[");
                for (int d = 0; d < n; d++) sb.append(d > 0 ? ", " : "").append((int) w[k + 4 + d]);
                sb.append(']');
            } else if (level == SockoptConsts.SOL_SOCKET && type == SockoptConsts.SCM_CREDENTIALS && n == 3) {
                sb.append(", cmsg_data={pid=").append((int) w[k + 4]).append(", uid=").append(id(w[k + 5]))
                        .append(", gid=").append(id(w[k + 6])).append('}');
            } else if (level == SockoptConsts.SOL_SOCKET && (type == SockoptConsts.SO_TIMESTAMP_OLD || type == SockoptConsts.SO_TIMESTAMPNS_OLD)
                    && n == 2) {
                sb.append(", cmsg_data={tv_sec=").append(w[k + 4]).append(type == SockoptConsts.SO_TIMESTAMP_OLD ? ", tv_usec=" : ", tv_nsec=")
                        .append(w[k + 5]).append('}');
            } else if (level == SockoptConsts.SOL_SOCKET && (type == SockoptConsts.SCM_CREDENTIALS || type == SockoptConsts.SO_TIMESTAMP_OLD
                    || type == SockoptConsts.SO_TIMESTAMPNS_OLD)) {
                // data shorter than its struct (MSG_CTRUNC), as strace writes it; a journal from
                // before these were read shows the same: their data is unknown there too
                sb.append(", cmsg_data=???");
            } else {
                sb.append(", ..."); // other types' data is not read
            }
            sb.append('}');
            k += 4 + n;
        }
        sb.append(']');
    }

    /** A uid or gid as strace prints one: unsigned, (uid_t) -1 as -1. */
    private static String id(long v) {
        return (int) v == -1 ? "-1" : Long.toString(v & 0xffffffffL);
    }

    private static void pointer(StringBuilder sb, long p) {
        sb.append(p == 0 ? "NULL" : StructLayouts.hex(p));
    }
}

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
            sb.append("{cmsg_len=").append(Long.toUnsignedString(w[k])).append(", cmsg_level=").append(level(level))
                    .append(", cmsg_type=").append(type(level, type));
            if (level == SockoptConsts.SOL_IP) {
                ipData(sb, (int) type, w, k + 4, n);
            } else if (level == SockoptConsts.SOL_SOCKET && type == SockoptConsts.SCM_RIGHTS) {
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
            } else if (level == SockoptConsts.SOL_SOCKET && STRACE_DECODES_SOCKET.contains((int) type)) {
                sb.append(", ..."); // data strace shows and pdig does not read
            }
            sb.append('}');
            k += 4 + n;
        }
        sb.append(']');
    }

    /** SOL_SOCKET types whose data strace 6.1 shows (SCM_SECURITY's label, the timestamping structs, the 64-bit timestamps). */
    private static final java.util.Set<Integer> STRACE_DECODES_SOCKET = java.util.Set.of(3, 37, 63, 64, 65);
    /** SOL_IP types whose data strace 6.1 shows and pdig does not read (SCM_SECURITY, IP_RECVERR, IP_ORIGDSTADDR). */
    private static final java.util.Set<Integer> STRACE_DECODES_IP = java.util.Set.of(3, 11, 20);

    /** cmsg_level as strace writes it: a name, or {@code 0x63 /* SOL_??? *}{@code /}. */
    static String level(long level) {
        return XlatText.value(SockoptConsts.LEVELS, level & 0xffffffffL, "SOL_???");
    }

    /** cmsg_type as strace writes it: named for SOL_SOCKET and SOL_IP, in hex for other levels. */
    static String type(long level, long type) {
        long t = type & 0xffffffffL;
        if (level == SockoptConsts.SOL_SOCKET) return XlatText.value(SockoptConsts.SCM_TYPES, t, "SCM_???");
        if (level == SockoptConsts.SOL_IP) return XlatText.value(SockoptConsts.IP_CMSG_TYPES, t, "IP_???");
        return StructLayouts.hex(t);
    }

    /**
     * A SOL_IP message's data, as strace shows it: IP_PKTINFO's struct in_pktinfo, IP_TTL's and
     * IP_CHECKSUM's unsigned ints, IP_TOS's and the IP options' bytes in hex; nothing when none was
     * kept (data shorter than its struct, and the types strace shows none of).
     */
    private static void ipData(StringBuilder sb, int type, long[] w, int at, int n) {
        if (type == SockoptConsts.IP_PKTINFO && n == 3) {
            int index = (int) w[at];
            String name = InterfaceNames.of(index);
            sb.append(", cmsg_data={ipi_ifindex=").append(name != null ? "if_nametoindex(" + ByteText.quote(name.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), false) + ")" : Integer.toString(index))
                    .append(", ipi_spec_dst=inet_addr(\"").append(dotted(w[at + 1])).append("\"), ipi_addr=inet_addr(\"")
                    .append(dotted(w[at + 2])).append("\")}");
        } else if (n > 0 && (type == SockoptConsts.IP_TTL || type == SockoptConsts.IP_CHECKSUM)) {
            array(sb, w, at, n, v -> Long.toString(v & 0xffffffffL));
        } else if (n > 0 && (type == SockoptConsts.IP_TOS || type == SockoptConsts.IP_RECVOPTS || type == SockoptConsts.IP_RETOPTS)) {
            array(sb, w, at, n, StructLayouts::hex);
        } else if (n == 0 && STRACE_DECODES_IP.contains(type)) {
            sb.append(", ...");
        }
    }

    /** strace's array of at most 32 items, {@code ...} after them. */
    private static void array(StringBuilder sb, long[] w, int at, int n, java.util.function.LongFunction<String> item) {
        sb.append(", cmsg_data=[");
        for (int d = 0; d < n && d < ByteText.DATA_SHOWN; d++) sb.append(d > 0 ? ", " : "").append(item.apply(w[at + d]));
        sb.append(n > ByteText.DATA_SHOWN ? ", ...]" : "]");
    }

    /** An IPv4 address read as a little-endian int from its network-order bytes. */
    private static String dotted(long v) {
        return (v & 0xff) + "." + (v >>> 8 & 0xff) + "." + (v >>> 16 & 0xff) + "." + (v >>> 24 & 0xff);
    }

    /** A uid or gid as strace prints one: unsigned, (uid_t) -1 as -1. */
    private static String id(long v) {
        return (int) v == -1 ? "-1" : Long.toString(v & 0xffffffffL);
    }

    private static void pointer(StringBuilder sb, long p) {
        sb.append(p == 0 ? "NULL" : StructLayouts.hex(p));
    }
}

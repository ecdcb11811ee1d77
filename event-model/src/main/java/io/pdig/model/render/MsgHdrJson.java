package io.pdig.model.render;

import io.pdig.model.consts.SockoptConsts;
import io.pdig.model.event.ArgValue;

/**
 * dump --json's form of a struct msghdr: {"msg_name": address object | hex pointer | null,
 * "msg_namelen": n, "msg_iov": as an iovec array (EventJson) | hex pointer, "msg_iovlen": n,
 * "msg_control": [{"cmsg_len", "cmsg_level", "cmsg_type", "cmsg_data": [fds] for SCM_RIGHTS, {pid,
 * uid, gid} for SCM_CREDENTIALS, {tv_sec, tv_usec or tv_nsec} for the old timestamps, absent for
 * other types}...] | hex pointer | null, "msg_controllen": n, "msg_flags": n}; recvmsg's entry
 * msg_namelen as "msg_namelen_in" when the kernel changed it. A failed recvmsg: {"msg_namelen": n}.
 */
final class MsgHdrJson {

    private MsgHdrJson() {
    }

    /** Writes {@code m}; true when its iovec's data is left out in part (as EventJson.ioVec). */
    static boolean write(JsonOut j, ArgValue.MsgHdr m) {
        j.beginObject();
        if (!m.full()) {
            j.key("msg_namelen").value((int) m.namelen()).endObject();
            return false;
        }
        j.key("msg_name");
        if (m.nameBytes() != null) EventJson.sockAddr(j, m.nameBytes());
        else pointer(j, m.name());
        j.key("msg_namelen").value((int) m.namelen());
        if (m.namelenIn() >= 0 && m.namelenIn() != m.namelen()) j.key("msg_namelen_in").value((int) m.namelenIn());
        j.key("msg_iov");
        boolean cut = false;
        if (m.iov() != null) cut = EventJson.ioVec(j, m.iov());
        else pointer(j, m.iovAddr());
        j.key("msg_iovlen").unsigned(m.iovlen());
        j.key("msg_control");
        if (m.cmsgs() != null) cmsgs(j, m.cmsgs());
        else pointer(j, m.control());
        j.key("msg_controllen").unsigned(m.controllen());
        j.key("msg_flags").unsigned(m.flags());
        j.endObject();
        return cut;
    }

    private static void cmsgs(JsonOut j, long[] w) {
        j.beginArray();
        for (int k = 0; k + 4 <= w.length; ) {
            int n = (int) w[k + 3];
            j.beginObject().key("cmsg_len").unsigned(w[k]).key("cmsg_level").value(SockoptConsts.LEVELS.render((int) w[k + 1]));
            boolean socket = w[k + 1] == SockoptConsts.SOL_SOCKET;
            j.key("cmsg_type").value(socket ? SockoptConsts.SCM_TYPES.render((int) w[k + 2])
                    : w[k + 1] == SockoptConsts.SOL_IP ? SockoptConsts.IP_CMSG_TYPES.render((int) w[k + 2]) : Long.toString((int) w[k + 2]));
            if (socket && w[k + 2] == SockoptConsts.SCM_RIGHTS) {
                j.key("cmsg_data").beginArray();
                for (int d = 0; d < n; d++) j.value((int) w[k + 4 + d]);
                j.endArray();
            } else if (socket && w[k + 2] == SockoptConsts.SCM_CREDENTIALS && n == 3) {
                j.key("cmsg_data").beginObject().key("pid").value((int) w[k + 4]).key("uid").value(w[k + 5] & 0xffffffffL)
                        .key("gid").value(w[k + 6] & 0xffffffffL).endObject();
            } else if (w[k + 1] == SockoptConsts.SOL_IP && w[k + 2] == SockoptConsts.IP_PKTINFO && n == 3) {
                j.key("cmsg_data").beginObject().key("ipi_ifindex").value((int) w[k + 4]).key("ipi_spec_dst").value(
                        SockAddrs.ipv4(le32bytes(w[k + 5]), 0)).key("ipi_addr").value(SockAddrs.ipv4(le32bytes(w[k + 6]), 0)).endObject();
            } else if (w[k + 1] == SockoptConsts.SOL_IP && n > 0) {
                j.key("cmsg_data").beginArray(); // IP_TTL's and IP_CHECKSUM's ints, IP_TOS's and the options' bytes
                for (int d = 0; d < n; d++) j.value(w[k + 4 + d] & 0xffffffffL);
                j.endArray();
            } else if (socket && (w[k + 2] == SockoptConsts.SO_TIMESTAMP_OLD || w[k + 2] == SockoptConsts.SO_TIMESTAMPNS_OLD) && n == 2) {
                j.key("cmsg_data").beginObject().key("tv_sec").value(w[k + 4])
                        .key(w[k + 2] == SockoptConsts.SO_TIMESTAMP_OLD ? "tv_usec" : "tv_nsec").value(w[k + 5]).endObject();
            }
            j.endObject();
            k += 4 + n;
        }
        j.endArray();
    }

    /** The four bytes of an address kept as the little-endian int they were read as. */
    private static byte[] le32bytes(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static void pointer(JsonOut j, long p) {
        if (p == 0) j.nul();
        else j.value(StructLayouts.hex(p));
    }
}

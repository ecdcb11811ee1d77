package io.pdig.model.render;

import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.Syscall;

/**
 * strace 6.1's text of sendmmsg's and recvmmsg's struct mmsghdr vector: {@code [{msg_hdr={...},
 * msg_len=9}, {msg_hdr={...}}]}, each msg_hdr as {@link MsgHdrText} writes a msghdr, msg_len only
 * where the kernel wrote one; {@code , ...} after the messages shown when the vector holds more,
 * {@code , ... /* 0x... *}{@code /} when it ran into memory that could not be read. Also the
 * text strace puts after recvmmsg's result.
 */
final class MMsgHdrText {

    private MMsgHdrText() {
    }

    static String strace(ArgValue.MMsgHdrs v) {
        ArgValue.MsgHdr[] msgs = v.msgs();
        StringBuilder sb = new StringBuilder(16 + msgs.length * 160);
        sb.append('[');
        for (int k = 0; k < msgs.length; k++) {
            if (k > 0) sb.append(", ");
            sb.append("{msg_hdr=").append(MsgHdrText.strace(msgs[k]));
            if (v.lens()[k] >= 0) sb.append(", msg_len=").append(v.lens()[k]);
            sb.append('}');
        }
        if (v.cutAt() != 0) {
            sb.append(msgs.length > 0 ? ", " : "").append("... /* ").append(StructLayouts.hex(v.cutAt())).append(" */");
        } else if (v.more()) {
            sb.append(msgs.length > 0 ? ", ..." : "...");
        }
        return sb.append(']').toString();
    }

    /**
     * The result of a successful call of a row with an {@link ArgKind#MMSGHDR_OUT} argument
     * (recvmmsg) as strace writes it: 0 as {@code 0 (Timeout)} (whatever the timeout), a count
     * followed by the time the kernel left in the timeout ({@code 2 (left {tv_sec=0,
     * tv_nsec=999000})}, read when the call gave one). Null when the row has none or its vector
     * was not read (the address: no exit stop, an older journal), so the plain number is printed.
     */
    static String result(Syscall row, ArgValue[] args, long res) {
        if (row == null) return null;
        int vector = -1, timeout = -1;
        for (int i = 0; i < row.args().size() && i < args.length; i++) {
            ArgKind kind = row.args().get(i).kind();
            if (kind == ArgKind.MMSGHDR_OUT) vector = i;
            else if (kind == ArgKind.TIMESPEC_INOUT) timeout = i;
        }
        if (vector < 0 || !(args[vector] instanceof ArgValue.MMsgHdrs)) return null;
        if (res == 0) return "0 (Timeout)";
        if (timeout < 0 || !(args[timeout] instanceof ArgValue.Words w) || w.words().length != 5) return null;
        return res + " (left {tv_sec=" + w.words()[3] + ", tv_nsec=" + w.words()[4] + "})";
    }
}

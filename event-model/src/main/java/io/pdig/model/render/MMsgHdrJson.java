package io.pdig.model.render;

import io.pdig.model.event.ArgValue;

/**
 * dump --json's form of an mmsghdr vector: [{"msg_hdr": a msghdr as MsgHdrJson writes it,
 * "msg_len": n (only where the kernel wrote one)}...], followed by {"unreadable": hex address}
 * when the vector ran into memory that could not be read.
 */
final class MMsgHdrJson {

    private MMsgHdrJson() {
    }

    /**
     * Writes {@code v}; true when data is left out: the vector holds more messages than were read,
     * could not be read to its end, or a message's iovec data is left out in part.
     */
    static boolean write(JsonOut j, ArgValue.MMsgHdrs v) {
        boolean cut = v.more() || v.cutAt() != 0;
        j.beginArray();
        for (int k = 0; k < v.msgs().length; k++) {
            j.beginObject().key("msg_hdr");
            cut |= MsgHdrJson.write(j, v.msgs()[k]);
            if (v.lens()[k] >= 0) j.key("msg_len").value(v.lens()[k]);
            j.endObject();
        }
        if (v.cutAt() != 0) j.beginObject().key("unreadable").value(StructLayouts.hex(v.cutAt())).endObject();
        j.endArray();
        return cut;
    }
}

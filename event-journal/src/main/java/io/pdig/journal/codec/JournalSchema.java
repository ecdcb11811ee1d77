package io.pdig.journal.codec;

/**
 * The journal record schema, version {@value #VERSION}. This comment is the specification; the
 * codec ({@link RecordEncoder}, {@link RecordDecoder}) implements exactly this.
 *
 * <h2>Editing rules (read before changing anything below)</h2>
 * <ol>
 *   <li>Never change the meaning or encoding of an existing kind code, head flag bit, argument tag,
 *       notice code or field. Journals written by earlier versions must keep decoding.</li>
 *   <li>A kind's body may only grow at its end. Decoders ignore bytes after the fields they know
 *       (the checksum already vouches for them), and read an absent trailing field as its default.</li>
 *   <li>New event kinds and argument tags take new codes. A decoder meeting an unknown code reports
 *       the record as undecodable ("written by a newer pdig?"); it never guesses.</li>
 *   <li>Every change bumps {@link #VERSION}, and a journal of the previous version stays as a test
 *       fixture under {@code src/test/resources/fixtures/schema-vN} with a test asserting its exact
 *       contents (see SchemaFixtureTest).</li>
 *   <li>Enum values are stored through the explicit codes below, never through {@code ordinal()}.</li>
 * </ol>
 *
 * <h2>Record</h2>
 * One record per event, an opaque byte document to the store (in Chronicle, one of the records
 * of an excerpt, see {@code chronicle.Frames}; in memory, a list entry). Integers are LEB128 varints: {@code u} = unsigned,
 * {@code s} = zigzag signed.
 * <pre>
 * record  := crc32c:u32le seq:u head:u8 dts:s dtid:s dpid:s body
 *   crc32c  CRC32C of every byte after the checksum itself
 *   seq     sequence number, contiguous within a journal (0, 1, 2 ... across sessions)
 *   head    bits 0-3 kind, bit 4 KEYFRAME, bits 5-7 kind-specific flags
 *   dts     ts  - ctx.ts       (ns since the epoch)
 *   dtid    tid - ctx.tid
 *   dpid    pid - tid
 * </pre>
 *
 * <h3>Delta context</h3>
 * Encoder and decoder keep the same small context, updated after every record: {@code ctx.ts},
 * {@code ctx.tid} (last record's), {@code ctx.word} (last numeric argument with |value| &ge; 2^32,
 * typically a user-space pointer) and {@code ctx.path} (last path argument: its resolved form, or the
 * raw form when unresolved). A KEYFRAME record resets the context to zeros/empty before it is coded,
 * so it decodes on its own. The writer makes a keyframe of the first record of each writer session,
 * of each record whose {@code seq % }{@value #KEYFRAME_INTERVAL}{@code == 0}, and of the first record
 * of each store file (roll cycle); so a reader can start at any keyframe, retention may delete whole
 * files, and damage costs at most the records up to the next keyframe.
 *
 * <h3>Bodies by kind (head bits 0-3)</h3>
 * <pre>
 * 1 SYSCALL   flags: bit5 hasResult, bits 6-7 abi (0 x86_64, 1 i386, 2 x32)
 *             nr:u [res:s if hasResult] argc:u arg*argc      (args by position, as the table row)
 *             [x:u8 [duration:u if x bit0]]                   (since v5)
 *             (x: extension flags, as the head has no free bit; written only when a flag is set,
 *             so absent = 0. bit0: duration = ns from the entry stop to the exit stop, or to
 *             the fork/exec event stop of a call completed there, the syscall's latency;
 *             without it, and in v1-v4 journals, the duration is unknown)
 * 2 SPAWN     flags: bit5 thread
 *             parentTid-tid:s parentPid-parentTid:s cloneFlags:u
 * 3 EXEC      exec-body (below)
 * 4 EXIT      flags: bit5 coreDumped, bit6 threadOnly;  exitCode:s signal:s
 * 5 SIGNAL    flags: bit5 rest (since v4)
 *             signo:s code:s sender:s senderUid:s [w24:u w32:u w40:u if rest]
 *             (sender, senderUid: si_pid, si_uid; w24..w40: siginfo bytes 24..47 as raw words,
 *             e.g. SIGCHLD's si_status, si_utime, si_stime; without the flag they are unknown)
 * 6 STOPPED   signo:s
 * 7 NOTICE    notice-code:u count:s message:nstr
 * 8 START     hostname:nstr bootId:nstr pdigVersion:nstr schemaVersion:u command:nlist(bytes)
 *             (command: each argument's exact bytes; v1 and v2 writers before 0c2ba95 wrote
 *             their UTF-8, which reads the same)
 *             attachPid:s processes:ncount (execBlob:bytes fds:count (fd:s path:nbytes)*)*
 *             execBlob := ts:s tid:s pid:s exec-body       (length-prefixed so it can grow)
 * 9 END       exitCode:s signal:s counters:count (name:str value:s)*
 *
 * exec-body := formerTid-tid:s exePath:nbytes argv:nlist(bytes) env:nlist(bytes) cwd:nbytes
 *              uid:narr(s) gid:narr(s) loginUid:s tty:s sid:s pgid:s cgroup:nbytes caps:narr(u)
 *              flags:u8 (bit0 argvTruncated, bit1 exeFromMemfd, bit2 exeUpperLayer, since v6: bit3 exeFile,
 *                        bit4 exeWritable, bit5 exeOnOverlay, since v7: bit6 exeLowerLayer, since v8:
 *                        bit7 memory) ppid:s
 *              [ino:u ctime:s mtime:s if bit3]                (since v6)
 *              [vmSize:u vmRss:u vmSwap:u if bit7]            (since v8)
 *              (the executable's inode at the exec stop: number, ctime and mtime in ns since the
 *              epoch, and Falco's EXE_WRITABLE as the tracer decided it; without bit3, and in v1-v5
 *              journals, all of it is unknown. A v5 decoder tests bits 0-2 only and stops before
 *              the trailing fields, so it reads a v6 exec as one without them.
 *              On overlayfs (bit5) the layer is bit2 (Falco's EXE_UPPER_LAYER, the bit every
 *              version has had; v1-v6 tracers never set it) or bit6 (EXE_LOWER_LAYER), never
 *              both; neither means unknown, as in every v6 journal. A v6 decoder ignores bit6 and
 *              reads a v7 exec's upper layer from bit2, the lower one as unknown.
 *              The memory (bit7) is the process's VmSize, VmRSS and VmSwap in KiB from
 *              /proc/PID/status at the exec stop (Falco's vm_size, vm_rss, vm_swap); without bit7,
 *              and in v1-v7 journals, it is unknown. A v7 decoder ignores bit7 and the fields after
 *              the exe's, so it reads a v8 exec as one without them)
 * bytes  := len:u byte*        str := bytes (UTF-8)
 * nbytes := 0 for null, else (len+1):u byte*      (same "n" = nullable scheme for nstr, nlist, narr)
 * </pre>
 *
 * <h3>Arguments (SYSCALL): tag:u8 = type (bits 0-3) | flags (bits 4-7)</h3>
 * <pre>
 * 0 NULL
 * 1 NUM          value:s
 * 2 NUM_DELTA    value-ctx.word:s          (whichever of NUM/NUM_DELTA is shorter)
 * 3 BYTES        flag 0x10 truncated;  bytes
 * 4 PATH         flags 0x10 truncated, 0x20 resolved is null, 0x40 raw is a tail of resolved
 *                0x20 set:  raw:pfx
 *                otherwise: resolved:pfx, then rawLength:u if 0x40 (raw = the last rawLength bytes of
 *                           resolved; covers raw == resolved) else raw:pfx
 *                pfx := shared:u suffix:bytes   (value = first `shared` bytes of ctx.path + suffix;
 *                       both pfx of one argument use the ctx.path from before the argument)
 * 5 STRLIST      flag 0x10 truncated;  count:u bytes*
 * 6 SOCKADDR     bytes
 * 7 FDPAIR       first:s second:s
 * 8 WORDS        count:u word:u*
 * 9 UNREADABLE   address:u errno:s
 * 10 STRLIST_CUT flag 0x10 truncated;  count:u bytes*  cutCount:u index:u*   (since v2: the items,
 *                ascending, whose bytes were cut at the string limit; written only when there are
 *                any, otherwise STRLIST)
 * 11 STRLIST_X   flag 0x10 truncated;  count:u bytes*  cutCount:u index:u*  unreadableCount:u
 *                (index:u address:u)*   (since v3: items whose pointer could not be read, ascending,
 *                each with the pointer; such an item's bytes are empty. Written only when there are
 *                any, otherwise STRLIST or STRLIST_CUT)
 * 12 IOVEC       count:u n:u (base:u length:u captured:s)*n data:bytes moved:u   (since v6: an
 *                iovec array of the readv/writev family; count = segments the caller passed, the
 *                first n of them read, each with its iov_base, iov_len and the bytes of it captured
 *                (-1: none, shown as the base), data = those bytes concatenated, moved = bytes the
 *                call moved through the segments in order; see ArgValue.IoVec)
 * 13 MSGHDR      bits:u8 name:u [nameBytes:bytes] namelen:u [namelenIn:u] iov:u iovlen:u
 *                [IOVEC's body] control:u controllen:u [n:u (word:s)*n] flags:u   (since v6, added
 *                before v6 was released: a struct msghdr of sendmsg/recvmsg. bits: 1 full (0: a
 *                failed recvmsg, only namelen is meant), 2 nameBytes follow (msg_name's address as
 *                read), 4 the iovec body follows (msg_iov read), 8 the control words follow (per
 *                message cmsg_len, level, type, n, n data words), 16 namelenIn follows (recvmsg's
 *                entry msg_namelen); see ArgValue.MsgHdr)
 * 14 MMSGHDRS    count:u n:u (msgLen:s MSGHDR's body)*n cutAt:u   (since v7: a struct mmsghdr
 *                vector of sendmmsg/recvmmsg; count = the messages it holds as shown (sendmmsg's vlen, recvmmsg's result), the first n of them read,
 *                each with its msg_len (-1: none written) and its msghdr (always full); cutAt = the
 *                address of the first message that could not be read, 0 for none; see
 *                ArgValue.MMsgHdrs)
 * </pre>
 *
 * <h3>Notice codes</h3>
 * 1 UNREADABLE_MEMORY, 2 DROPPED_EVENTS, 3 LATE_EVENTS, 4 TRACER_ERROR, 5 REFUSED_SYSCALL,
 * 6 PERSONALITY_CHANGE, 7 DETACHED, 8 ATTACHED, 9 INFO.
 */
public final class JournalSchema {

    /** The schema version this code writes (and the highest it reads). */
    public static final int VERSION = 8;

    /** A keyframe at least every this many sequence numbers (see the class comment). */
    public static final int KEYFRAME_INTERVAL = 64;

    private JournalSchema() {
    }
}

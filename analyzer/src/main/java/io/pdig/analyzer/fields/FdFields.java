package io.pdig.analyzer.fields;

import static io.pdig.analyzer.fields.FieldArg.NONE;
import static io.pdig.analyzer.fields.FieldArg.OPTIONAL_INDEX;
import static io.pdig.analyzer.fields.FieldType.*;

import io.pdig.analyzer.dns.DomainNames;
import io.pdig.analyzer.state.FdInfo;
import io.pdig.analyzer.state.FdKind;
import io.pdig.analyzer.state.PathNames;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * fd.* fields of the fd the event is about ({@link EvalContext#fd()}), from the fd tables built
 * from events. Socket endpoints pdig did not observe have no value (connect and accept carry
 * both sides, read from the socket by the tracer; see FdInfo for what stays unknown). fd.ip/fd.net/fd.port are Falco's filter-only "either side" fields:
 * they extract the list of known sides and match when any side matches. fd.cip.name, fd.sip.name,
 * fd.lip.name and fd.rip.name come from the answers DNS gave, when the events are analysed, for the
 * names the rules compare them with ({@link EvalContext#domainNames()}).
 */
final class FdFields {
    private FdFields() {
    }

    /**
     * Why proc.fdopencount and fd.types have no value: they need every open fd of the process, and
     * the fd table holds only the fds whose creation the journal shows. A `run` command's inherited
     * fds (0-2 and those passed on) are in no record; nor are fds received through SCM_RIGHTS or made
     * by calls without a row (epoll_create, fanotify_init, fsopen...), and the table evicts beyond
     * its cap. A count or list missing those would be wrong, which is worse than none.
     */
    static final String INCOMPLETE_TABLE = "not given: the journal does not show every fd a process has (a run "
            + "command's inherited fds, fds received through SCM_RIGHTS, calls without a row), and a wrong answer is "
            + "worse than none";

    static void register(FieldRegistry.Builder b) {
        Field.Extractor num = pathFd(f -> (long) f.num());
        b.plain("fd.num", FD, "fd number (-1 for a failed open)", num);
        b.plain("fd.type", CHARBUF, "fd type: file, directory, ipv4, ipv6, unix, pipe, event, memfd ...",
                fd(f -> f.kind().typeName));
        b.plain("fd.typechar", CHARBUF, "fd type as one character: f d 4 6 u p e s l i t n b r m P o",
                pathFd(f -> f.kind().typeCharText));
        Field.Extractor name = pathFd(FdInfo::name);
        b.plain("fd.name", CHARBUF, "file path, cip:cport->sip:sport for IP sockets, unix path, memfd:NAME", name);
        b.plain("fd.nameraw", CHARBUF, "the path exactly as passed to open", pathFd(FdInfo::nameRaw));
        Field.Extractor directory =
                pathFd(f -> f.kind() == FdKind.DIRECTORY ? f.name() : isFile(f) ? PathNames.directory(f.name()) : null);
        b.plain("fd.directory", CHARBUF, "directory containing a file fd, or the directory itself for a directory fd",
                directory);
        b.plain("fd.filename", CHARBUF, "file name (no directory) of a file fd",
                pathFd(f -> isFile(f) ? PathNames.filename(f.name()) : null));
        Field.Extractor cip = fd(f -> ip(f) ? f.clientIp() : null);
        Field.Extractor sip = fd(f -> ip(f) ? f.serverIp() : null);
        Field.Extractor lip = fd(f -> ip(f) ? f.localIp() : null);
        Field.Extractor rip = fd(f -> ip(f) ? f.remoteIp() : null);
        b.plain("fd.cip", IPADDR, "client IP address", cip);
        b.plain("fd.sip", IPADDR, "server IP address", sip);
        b.plain("fd.lip", IPADDR, "local IP address", lip);
        b.plain("fd.rip", IPADDR, "remote IP address", rip);
        b.plain("fd.cport", PORT, "client port", fd(f -> ip(f) ? port(f.clientPort()) : null));
        b.plain("fd.sport", PORT, "server port", fd(f -> ip(f) ? port(f.serverPort()) : null));
        b.plain("fd.lport", PORT, "local port", fd(f -> ip(f) ? port(f.localPort()) : null));
        b.plain("fd.rport", PORT, "remote port", fd(f -> ip(f) ? port(f.remotePort()) : null));
        b.add(new Field("fd.ip", IPADDR, NONE, false, "(filter only) client or server IP: matches either side",
                either(FdInfo::clientIp, FdInfo::serverIp), a -> true, null));
        b.add(new Field("fd.port", PORT, NONE, false, "(filter only) client or server port: matches either side",
                either(f -> port(f.clientPort()), f -> port(f.serverPort())), a -> true, null));
        b.add(new Field("fd.net", IPNET, NONE, false, "(filter only) client or server IP, compared with a CIDR network",
                either(FdInfo::clientIp, FdInfo::serverIp), a -> true, null));
        b.plain("fd.cnet", IPNET, "(filter only) client IP, compared with a CIDR network", fd(f -> ip(f) ? f.clientIp() : null));
        b.plain("fd.snet", IPNET, "(filter only) server IP, compared with a CIDR network", fd(f -> ip(f) ? f.serverIp() : null));
        b.plain("fd.lnet", IPNET, "(filter only) local IP, compared with a CIDR network", fd(f -> ip(f) ? f.localIp() : null));
        b.plain("fd.rnet", IPNET, "(filter only) remote IP, compared with a CIDR network", fd(f -> ip(f) ? f.remoteIp() : null));
        // libsinsp prints the literal <NA> for fds without an IP protocol (files, unix sockets...)
        b.plain("fd.l4proto", CHARBUF, "IP protocol: tcp, udp, icmp, raw, or <NA>",
                fd(f -> ip(f) && f.l4proto() != null ? f.l4proto() : "<NA>"));
        b.plain("fd.sockfamily", CHARBUF, "socket family: ip or unix", fd(f -> switch (f.kind()) {
            case IPV4, IPV6 -> "ip";
            case UNIX -> "unix";
            default -> null;
        }));
        b.plain("fd.is_server", BOOL, "true when the process is the server side of the socket",
                fd(f -> ip(f) || f.kind() == FdKind.UNIX ? f.server() : null));
        b.plain("fd.connected", BOOL, "true when the fd is a connected socket", fd(FdInfo::connected));
        b.plain("fd.name_changed", BOOL, "true when this event changed the socket tuple (sendto to a new peer)",
                (c, a) -> {
                    FdInfo f = c.fd();
                    return f == null || f.num() < 0 ? null : f.nameChangedSeq() == c.seq();
                });
        b.plain("fd.cip.name", CHARBUF, domainNameText("client"), domainName(cip));
        b.plain("fd.sip.name", CHARBUF, domainNameText("server"), domainName(sip));
        b.plain("fd.lip.name", CHARBUF, domainNameText("local"), domainName(lip));
        b.plain("fd.rip.name", CHARBUF, domainNameText("remote"), domainName(rip));
        b.noValue("fd.dev", UINT64, NONE, "device number of a file");
        b.noValue("fd.dev.major", UINT64, NONE, "device major number");
        b.noValue("fd.dev.minor", UINT64, NONE, "device minor number");
        b.noValue("fd.ino", INT64, NONE, "inode number");
        // libsinsp: to_string(tid) + to_string(fd), no separator (thread 1234, fd 3: "12343").
        b.plain("fd.uid", CHARBUF, "the thread id followed by fd.num, without a separator (thread 1234, fd 3: 12343)",
                (c, a) -> {
                    Object n = num.extract(c, a);
                    return n == null ? null : c.event().tid() + n.toString();
                });
        b.plain("fd.containername", CHARBUF, "container.id, ':' and fd.name (host:/etc/passwd on the host)",
                inContainer(name));
        b.plain("fd.containerdirectory", CHARBUF, "container.id, ':' and fd.directory (host:/etc on the host)",
                inContainer(directory));
        b.noValue("fd.is_upper_layer", BOOL, NONE, "true when the file is in an overlayfs upper layer");
        b.noValue("fd.is_lower_layer", BOOL, NONE, "true when the file is in an overlayfs lower layer");
        b.noValue("fd.types", CHARBUF, OPTIONAL_INDEX, "types of the fds of the process; " + INCOMPLETE_TABLE);
        b.plain("fd.openflags", FLAGS, "Linux open flags of a file fd", fd(f -> isFile(f) ? f.openFlags() : null));
    }

    /**
     * fd.*ip.name (see {@link DomainNameFields}): the name, among those the rules compare this field
     * with, that resolved to the address; a name nobody compares with is never looked up.
     */
    private static Field.Extractor domainName(Field.Extractor address) {
        return (c, a) -> {
            DomainNames names = c.domainNames();
            if (names == null) return null;
            Object ip = address.extract(c, null);
            return ip == null ? null : names.nameOf((String) ip);
        };
    }

    private static String domainNameText(String side) {
        return "domain name of the " + side + " IP address: the first of the names rules compare fd.*ip.name with"
                + " (=, !=, in) that resolves to it; resolved by DNS when the events are analysed, so a later replay can differ";
    }

    /**
     * libsinsp's chaining of the thread's container id, ':' and a name: the container plugin keeps
     * "host" as the id of host threads, as container.id shows it.
     */
    private static Field.Extractor inContainer(Field.Extractor name) {
        return (c, a) -> {
            Object n = name.extract(c, a);
            String id = c.process() == null ? null : c.process().containerId();
            return n == null || id == null ? null : id + ':' + n;
        };
    }

    /** A field of a real fd-table entry: no value for the detached entry of a failed open. */
    private static Field.Extractor fd(Function<FdInfo, Object> f) {
        return (c, a) -> c.fd() == null || c.fd().num() < 0 ? null : f.apply(c.fd());
    }

    /** The fields libsinsp also fills for a failed open, from its path argument. */
    private static Field.Extractor pathFd(Function<FdInfo, Object> f) {
        return (c, a) -> c.fd() == null ? null : f.apply(c.fd());
    }

    private static Field.Extractor either(Function<FdInfo, Object> client, Function<FdInfo, Object> server) {
        return (c, a) -> {
            FdInfo f = c.fd();
            if (f == null || !ip(f)) {
                return null;
            }
            List<Object> out = new ArrayList<>(2);
            Object cv = client.apply(f);
            Object sv = server.apply(f);
            if (cv != null) out.add(cv);
            if (sv != null) out.add(sv);
            return out.isEmpty() ? null : out;
        };
    }

    private static boolean ip(FdInfo f) {
        return f.kind().isIpSocket();
    }

    /** Files, and the detached entry of a failed open (whose 'o' type libsinsp still names from the path). */
    private static boolean isFile(FdInfo f) {
        return f.kind() == FdKind.FILE || f.kind() == FdKind.UNKNOWN && f.num() < 0;
    }

    private static Long port(Integer p) {
        return p == null ? null : (long) p;
    }
}

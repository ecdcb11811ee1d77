package io.pdig.launcher.live;

import static io.pdig.launcher.live.PrintRuns.assertHas;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SOL_IP control messages of sendmsg and recvmsg as strace 6.1 shows them, for
 * test-programs/src/ip_cmsgs.c: IP_PKTINFO's struct in_pktinfo (the interface by name, as
 * if_nametoindex("lo")), IP_TTL's and IP_TOS's data, no data for a message too short for its
 * struct, and a level strace does not know with its type in hex.
 */
class IpControlMessageLinesTest {

    @TempDir
    Path tmp;

    /**
     * strace's lines (the receiver's port written P):
     * <pre>
     * recvmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="a", iov_len=64}], msg_iovlen=1, msg_control=[{cmsg_len=28, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data={ipi_ifindex=if_nametoindex("lo"), ipi_spec_dst=inet_addr("127.0.0.1"), ipi_addr=inet_addr("127.0.0.1")}}], msg_controllen=32, msg_flags=0}, 0) = 1
     * sendmsg(4, {msg_name={sa_family=AF_INET, sin_port=htons(P), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="b", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=28, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data={ipi_ifindex=99999, ipi_spec_dst=inet_addr("127.0.0.1"), ipi_addr=inet_addr("0.0.0.0")}}], msg_controllen=32, msg_flags=0}, 0) = -1 ENODEV (No such device)
     * recvmsg(3, {..., msg_control=[{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[64]}, {cmsg_len=17, cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[0]}], msg_controllen=48, msg_flags=0}, 0) = 1
     * sendmsg(4, {..., msg_control=[{cmsg_len=24, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO}], msg_controllen=24, msg_flags=0}, 0) = -1 EINVAL (Invalid argument)
     * sendmsg(4, {..., msg_control=[{cmsg_len=20, cmsg_level=0x63 /* SOL_??? *&#47;, cmsg_type=0x7}], msg_controllen=24, msg_flags=0}, 0) = 1
     * </pre>
     */
    @Test
    void ipControlMessagesShowTheirData() throws Exception {
        PrintRuns.Printed p = new PrintRuns(tmp).run("sendmsg,recvmsg", "ip_cmsgs");
        List<String> l = p.lines();
        String port = p.stdout().replaceAll("(?s).*port (\\d+).*", "$1");
        String to = "{msg_name={sa_family=AF_INET, sin_port=htons(" + port + "), sin_addr=inet_addr(\"127.0.0.1\")}, msg_namelen=16,"
                + " msg_iov=[{iov_base=\"b\", iov_len=1}], msg_iovlen=1, msg_control=[";
        String received = "{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"%s\", iov_len=64}], msg_iovlen=1, msg_control=[";
        assertHas(l, "recvmsg(3, " + received.formatted("a") + "{cmsg_len=28, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data="
                + "{ipi_ifindex=if_nametoindex(\"lo\"), ipi_spec_dst=inet_addr(\"127.0.0.1\"), ipi_addr=inet_addr(\"127.0.0.1\")}}],"
                + " msg_controllen=32, msg_flags=0}, 0) = 1");
        assertHas(l, "sendmsg(4, " + to + "{cmsg_len=28, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data="
                + "{ipi_ifindex=if_nametoindex(\"lo\"), ipi_spec_dst=inet_addr(\"127.0.0.1\"), ipi_addr=inet_addr(\"0.0.0.0\")}}],"
                + " msg_controllen=32, msg_flags=0}, 0) = 1");
        assertHas(l, "sendmsg(4, " + to + "{cmsg_len=28, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data="
                + "{ipi_ifindex=99999, ipi_spec_dst=inet_addr(\"127.0.0.1\"), ipi_addr=inet_addr(\"0.0.0.0\")}}],"
                + " msg_controllen=32, msg_flags=0}, 0) = -1 ENODEV (No such device)");
        assertHas(l, "recvmsg(3, " + received.formatted("c") + "{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[64]},"
                + " {cmsg_len=17, cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[0]}], msg_controllen=48, msg_flags=0}, 0) = 1");
        assertHas(l, "sendmsg(4, " + to + "{cmsg_len=24, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO}], msg_controllen=24, msg_flags=0}, 0)"
                + " = -1 EINVAL (Invalid argument)");
        assertHas(l, "sendmsg(4, " + to + "{cmsg_len=20, cmsg_level=0x63 /* SOL_??? */, cmsg_type=0x7}], msg_controllen=24, msg_flags=0},"
                + " 0) = 1");
    }

    /** Every line is strace's own for the same program (the port masked). */
    @Test
    void ipControlMessageLinesAreStracesLines() throws Exception {
        new PrintRuns(tmp).assertLinesAreStraces("sendmsg,recvmsg", "ip_cmsgs", x -> x.matches("(send|recv)msg\\(.*"),
                x -> x.matches("(send|recv)msg\\(.*"), x -> x.replaceAll("htons\\(\\d+\\)", "htons(P)"), 7);
    }
}

package io.pdig.model.consts;

/** Socket constants: address families, socket types with their creation flags, IP protocols. */
public final class NetConsts {

    public static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16, AF_PACKET = 17;

    public static final ValueNames FAMILIES = ValueNames.parse("socket family", """
            AF_UNSPEC 0
            AF_UNIX 1
            AF_LOCAL 1
            AF_INET 2
            AF_AX25 3
            AF_IPX 4
            AF_APPLETALK 5
            AF_NETROM 6
            AF_BRIDGE 7
            AF_ATMPVC 8
            AF_X25 9
            AF_INET6 10
            AF_ROSE 11
            AF_DECnet 12
            AF_NETBEUI 13
            AF_SECURITY 14
            AF_KEY 15
            AF_NETLINK 16
            AF_PACKET 17
            AF_ASH 18
            AF_ECONET 19
            AF_ATMSVC 20
            AF_RDS 21
            AF_SNA 22
            AF_IRDA 23
            AF_PPPOX 24
            AF_WANPIPE 25
            AF_LLC 26
            AF_IB 27
            AF_MPLS 28
            AF_CAN 29
            AF_TIPC 30
            AF_BLUETOOTH 31
            AF_IUCV 32
            AF_RXRPC 33
            AF_ISDN 34
            AF_PHONET 35
            AF_IEEE802154 36
            AF_CAIF 37
            AF_ALG 38
            AF_NFC 39
            AF_VSOCK 40
            AF_KCM 41
            AF_QIPCRTR 42
            AF_SMC 43
            AF_XDP 44
            AF_MCTP 45
            """).unknownAs("AF_???");

    /** The type field (low 4 bits) of socket()'s type argument. */
    public static final ValueNames TYPES = ValueNames.parse("socket type", """
            SOCK_STREAM 1
            SOCK_DGRAM 2
            SOCK_RAW 3
            SOCK_RDM 4
            SOCK_SEQPACKET 5
            SOCK_DCCP 6
            SOCK_PACKET 10
            """);

    /** socket()'s type argument: the type, then SOCK_NONBLOCK / SOCK_CLOEXEC. */
    public static final FlagSet TYPE_AND_FLAGS = FlagSet.builder("socket type", """
            SOCK_CLOEXEC 02000000
            SOCK_NONBLOCK 04000
            """).field(0xf, TYPES, FlagSet.FieldAt.FIRST, false).build();

    /** accept4()'s flags: the creation flags alone. */
    public static final FlagSet SOCK_FLAGS = FlagSet.parse("socket flags", """
            SOCK_CLOEXEC 02000000
            SOCK_NONBLOCK 04000
            """);

    /**
     * IPPROTO_* protocol numbers. IPPROTO_IP (0) is left out on purpose: "0" is right for every
     * family while IPPROTO_IP is right only for AF_INET/AF_INET6, which {@link #INET_PROTOCOLS}
     * serves (ArgNames picks it from the row's family argument).
     */
    public static final ValueNames PROTOCOLS = ValueNames.parse("protocol", """
            IPPROTO_ICMP 1
            IPPROTO_IGMP 2
            IPPROTO_IPIP 4
            IPPROTO_TCP 6
            IPPROTO_EGP 8
            IPPROTO_PUP 12
            IPPROTO_UDP 17
            IPPROTO_IDP 22
            IPPROTO_TP 29
            IPPROTO_DCCP 33
            IPPROTO_IPV6 41
            IPPROTO_RSVP 46
            IPPROTO_GRE 47
            IPPROTO_ESP 50
            IPPROTO_AH 51
            IPPROTO_ICMPV6 58
            IPPROTO_MTP 92
            IPPROTO_BEETPH 94
            IPPROTO_ENCAP 98
            IPPROTO_PIM 103
            IPPROTO_COMP 108
            IPPROTO_L2TP 115
            IPPROTO_SCTP 132
            IPPROTO_UDPLITE 136
            IPPROTO_MPLS 137
            IPPROTO_ETHERNET 143
            IPPROTO_RAW 255
            IPPROTO_MPTCP 262
            """);

    /** Protocols of AF_INET/AF_INET6 sockets, where 0 means IPPROTO_IP. */
    public static final ValueNames INET_PROTOCOLS = ValueNames.parse("protocol", "IPPROTO_IP 0\n"
            + String.join("\n", PROTOCOLS.names().stream().map(n -> n + " " + PROTOCOLS.valueOf(n).getAsLong()).toList()))
            .unknownAs("IPPROTO_???");

    private NetConsts() {
    }
}
